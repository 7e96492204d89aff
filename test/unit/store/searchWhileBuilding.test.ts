import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { AssetRecord, FileRecord, FolderRecord } from '../../../shared/domain.js'
import { COLD_FIELDS, ColumnCollector, DERIVED_FIELDS, readColumnFile, type ColumnBatch } from '../../../main/core/store/hotColumns.js'
import { searchDoc, TextIndex } from '../../../main/core/store/textIndex.js'
import { Prng } from '../../bench/prng.js'
import { liveIndexes } from './liveIndexes.js'

/**
 * A search that comes while the index is still being built after open is answered from the
 * part built and a scan of the rest, read from the column bytes where they can decide
 * (docs/scale.md, "Search"). Its hits must be exactly those of an index built whole: here
 * over assets loaded from column files (the bytes) and put since (records), with names and
 * tags whose lower case is not plain ASCII, and needles JSON would escape.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-search-build-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const WORDS = ['Alpha', 'beta', 'GAMMA', 'Ärger', 'İstanbul', '\u212Aelvin', 'say "hi"', 'back\\slash', 'zebra']
const NEEDLES = ['alpha', 'gam', 'ärg', 'i\u0307st', 'kel', 'elvin', 'red', '"hi', 'k\\s', '","', 'zqxj', 'a', 'ta 1', 'blu', 'note']

const folder = (i: number, name: string): FolderRecord => ({ id: `a-${i}`, kind: 'folder', name, parentId: i === 0 ? null : 'a-0', createdBy: 'u', createdAt: i, updatedAt: i })
const file = (i: number, name: string, tags: string[], note: string | null): FileRecord =>
  ({
    ...folder(i, name), kind: 'file', tags, currentVersion: 1, metadata: note === null ? {} : { field: note }, focus: null,
    versions: [{ number: 1, hash: `h${i}`, size: 1, mime: 'image/png', createdAt: i, createdBy: 'u' }],
  }) as unknown as FileRecord

/** The batch a column file of these records hands to the store at open. */
async function columnBatch(records: AssetRecord[], name: string): Promise<ColumnBatch> {
  const collector = new ColumnCollector(COLD_FIELDS.assets!, DERIVED_FIELDS.assets)
  records.forEach((r, i) => collector.add(r as unknown as Record<string, unknown>, i * 100))
  const data = (await collector.encode())!
  const file = path.join(dir, name)
  fs.writeFileSync(file, data)
  const read = await readColumnFile(file, { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), records: records.length, fields: collector.fields })
  if (!('batch' in read)) throw new Error(read.problem)
  return read.batch
}

describe('a search while the index is being built', () => {
  it('finds exactly what an index built whole finds, over column bytes and records put since', async () => {
    for (const seed of [1, 2, 3]) {
      let duringBuild = 0
      const prng = new Prng(seed)
      const word = () => prng.pick(WORDS)
      const record = (i: number): AssetRecord =>
        i % 4 === 0
          ? folder(i, `${word()} ${i}`)
          : file(i, `${word()} ${word()} ${i}`, prng.chance(0.5) ? [prng.pick(['Red', 'BLUE', '\u212Aey', 'x"y'])] : [], prng.chance(0.3) ? `Note ${word()}` : null)
      const { indexes, live, put, del } = liveIndexes()
      const loaded = Array.from({ length: 600 }, (_, i) => record(i))
      for (const r of loaded) live.set(r.id, r)
      indexes.loadAssets(await columnBatch(loaded.slice(0, 300), `${seed}-1.cols`))
      indexes.loadAssets(await columnBatch(loaded.slice(300), `${seed}-2.cols`))
      // What search keeps of the candidates: the assets whose texts or tags include the needle.
      const hits = (found: Int32Array, needle: string) =>
        [...found].map((slot) => indexes.columns.idOf(slot)).filter((id) => {
          const doc = searchDoc(live.get(id)!)
          return doc.doc.some((t) => t.includes(needle)) || (doc.tags ?? []).some((t) => t.toLowerCase().includes(needle))
        })
      let stop = false
      // Slices of nothing: a few entries a step, so searches and changes land all through the build.
      const build = indexes.buildSearchIndex(() => stop, 0)
      for (let round = 0; round < 40; round++) {
        await new Promise((resolve) => setImmediate(resolve))
        const i = 1 + Math.floor(prng.float() * 650)
        if (live.has(`a-${i}`) && prng.chance(0.3)) del(`a-${i}`)
        else put(record(i))
        const whole = new TextIndex(indexes.columns)
        for (const needle of NEEDLES) {
          // Counted while the build is still under way: the needles are scanned, from the copy of the bytes once made.
          if (!indexes.searchIndexReady) duringBuild++
          expect(hits(indexes.textIndex.candidates(needle), needle), `seed ${seed}, round ${round}, ${JSON.stringify(needle)}`).toEqual(hits(whole.candidates(needle), needle))
        }
      }
      stop = true
      await build
      expect(duringBuild, `seed ${seed}: searches made while the build was under way`).toBeGreaterThan(0)
    }
  })
})

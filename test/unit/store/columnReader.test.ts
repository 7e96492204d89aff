import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { ColumnFileReader } from '../../../main/core/store/columnReader.js'
import type { StringColumn } from '../../../main/core/store/hotColumns.js'
import { IdIndex, asciiHash, numberColumn } from '../../../main/core/store/idIndex.js'

/** A column of ASCII ids with their hashes in shared memory, as open reads a column file; `hash` replaces each stored hash. */
function sharedColumn(values: string[], hash?: number): StringColumn {
  const text = Buffer.from(values.join(''), 'latin1')
  const memory = new SharedArrayBuffer(text.length + 8 * (values.length + 1))
  const data = new Uint8Array(memory, 0, text.length)
  data.set(text)
  const at = Math.ceil(text.length / 4) * 4
  const starts = new Uint32Array(memory, at, values.length + 1)
  for (let i = 0; i < values.length; i++) starts[i + 1] = starts[i] + values[i].length
  const hashes = new Uint32Array(memory, at + 4 * (values.length + 1), values.length)
  for (let i = 0; i < values.length; i++) hashes[i] = hash ?? asciiHash(data, starts[i], starts[i + 1])
  return { kind: 'bytes', data, starts, hashes, nulls: null }
}

const readers: ColumnFileReader[] = []
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-column-reader-'))
afterEach(() => {
  for (const reader of readers.splice(0)) reader.close()
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function reader(): ColumnFileReader {
  const made = new ColumnFileReader()
  readers.push(made)
  return made
}

describe('the column reading thread', () => {
  it('finds the number of every id the index holds and no other, and the main thread numbers the rest as it would alone', async () => {
    const known = Array.from({ length: 5000 }, () => randomUUID())
    const index = new IdIndex()
    const alone = new IdIndex()
    numberColumn(index, sharedColumn(known))
    numberColumn(alone, sharedColumn(known))
    const fresh = Array.from({ length: 300 }, () => randomUUID())
    // Known ids, new ones, and new ones again (a link file names an asset twice).
    const values = [...known.slice(0, 2000), ...fresh, ...known.slice(4000), ...fresh.slice(0, 50)]
    const column = sharedColumn(values)

    const found = await reader().lookUp(column, index)
    expect(found).not.toBeNull()
    expect([...found!].map((n, i) => (n < 0 ? -1 : index.id(n) === values[i]))).toEqual(values.map((v) => (known.includes(v) ? true : -1)))
    expect([...numberColumn(index, column, found!)]).toEqual([...numberColumn(alone, column)])
  })

  it('tells apart ids whose hashes collide, by their bytes', async () => {
    const index = new IdIndex()
    const known = Array.from({ length: 200 }, (_, i) => `asset-${i}`)
    // One stored hash for all: every probe meets every id numbered before it.
    numberColumn(index, sharedColumn(known, 42))
    const values = [...known.slice(100), 'asset-x', ...known.slice(0, 100)]
    const found = (await reader().lookUp(sharedColumn(values, 42), index))!
    expect([...found]).toEqual(values.map((v) => known.indexOf(v)))
    expect(found[100]).toBe(-1)
  })

  it('never names another id while the main thread adds ids and grows the index', async () => {
    const index = new IdIndex()
    const known = Array.from({ length: 20000 }, () => randomUUID())
    numberColumn(index, sharedColumn(known))
    const later = Array.from({ length: 40000 }, () => randomUUID())
    const values = [...known, ...later.slice(0, 5000)]
    const asking = reader().lookUp(sharedColumn(values), index)
    // Added while the thread looks: the table and the id arena grow and move meanwhile.
    numberColumn(index, sharedColumn(later))
    const found = (await asking)!
    for (let i = 0; i < values.length; i++) if (found[i] >= 0) expect(index.id(found[i])).toBe(values[i])
    expect(found.slice(0, known.length).every((n, i) => index.id(n) === known[i])).toBe(true)
  })

  it('tells a file missing or of another size than expected, and reads and hashes one that matches', async () => {
    const file = path.join(dir, 'a.cols')
    const bytes = Buffer.from('column bytes')
    fs.writeFileSync(file, bytes)
    const buffer = Buffer.from(new SharedArrayBuffer(64))
    const thread = reader()
    expect(await thread.read(path.join(dir, 'none.cols'), buffer, 12)).toEqual({ missing: true })
    expect(await thread.read(file, buffer, 11)).toEqual({ size: 12 })
    expect(await thread.read(file, buffer, 12)).toEqual({ size: 12, sha256: createHash('sha256').update(bytes).digest('hex') })
    expect(buffer.subarray(0, 12).equals(bytes)).toBe(true)
    // A buffer the thread cannot share is not read there: the caller reads the file itself.
    expect(await thread.read(file, Buffer.alloc(64), 12)).toBeNull()
  })
})

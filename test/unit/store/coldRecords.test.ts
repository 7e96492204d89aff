import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ColdFiles } from '../../../main/core/store/coldFiles.js'
import type { AssociationRecord, FolderRecord } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { readHotFields } from '../../../main/core/store/hotFields.js'
import { DELTA_LIMITS } from '../../../main/core/store/fileRecordLog.js'
import { COLD_CACHE } from '../../../main/core/store/recordTable.js'
import { SEGMENT_BYTES } from '../../../main/core/store/segments.js'
import { Store } from '../../../main/core/store/store.js'

const realSegmentBytes = SEGMENT_BYTES.limit
const realCache = COLD_CACHE.size
const realDeltaFiles = DELTA_LIMITS.files
let dir: string
let open: Store | null = null

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-cold-'))
  // Many small segments, so compactions rewrite some and leave others.
  SEGMENT_BYTES.limit = 2048
  // Every compaction folds its changes into the segments: what is tested here is records moving between them.
  DELTA_LIMITS.files = 0
})
afterEach(async () => {
  await open?.close().catch(() => undefined)
  open = null
  SEGMENT_BYTES.limit = realSegmentBytes
  COLD_CACHE.size = realCache
  DELTA_LIMITS.files = realDeltaFiles
  fs.rmSync(dir, { recursive: true, force: true })
})

async function opened(): Promise<Store> {
  await open?.close()
  open = await Store.open(dir)
  return open
}

// Names with quotes, backslashes and letters outside ASCII take the slow path of the field reader.
const folder = (i: number, parentId: string | null, name = `Folder ${i}`): FolderRecord => ({
  id: `f-${i}`, kind: 'folder', name, parentId, createdBy: `u-${i % 3}`, createdAt: i, updatedAt: i,
})
const association = (c: number, a: number): AssociationRecord => ({ id: `c-${c}:f-${a}`, collectionId: `c-${c}`, assetId: `f-${a}`, addedBy: 'u-0', addedAt: a })

async function library(): Promise<Map<string, FolderRecord>> {
  const store = await opened()
  const model = new Map<string, FolderRecord>()
  const root = folder(0, null, 'Home')
  model.set(root.id, root)
  for (let i = 1; i <= 300; i += 30) {
    const rows = Array.from({ length: 30 }, (_, k) => folder(i + k, 'f-0', k % 7 === 0 ? `Say "hi" \\ ${i + k} ü` : `Folder ${i + k}`))
    for (const r of rows) model.set(r.id, r)
    await store.commit({ actor: null, op: 'test', put: { assets: i === 1 ? [root, ...rows] : rows } })
  }
  await store.commit({ actor: null, op: 'test', put: { associations: [association(1, 5), association(2, 5), association(1, 6)] } })
  return model
}

function expectRecords(store: Store, model: Map<string, FolderRecord>): void {
  expect([...store.tables.assets.keys()].sort()).toEqual([...model.keys()].sort())
  for (const [id, record] of model) expect(store.get('assets', id)).toEqual(record)
}

describe('cold records', () => {
  it('are read back from their segments after a restart, identical, without holding them in memory', async () => {
    const model = await library()
    const store = await opened()
    expect(store.tables.assets.cold).toBe(model.size)
    expect(store.tables.associations.cold).toBe(3)
    expectRecords(store, model)
    expect([...store.tables.assets.values()]).toEqual([...model.values()])
    // What the indexes built at open from the few fields read of each line.
    expect(store.indexes.children.get('f-0').size).toBe(300)
    expect(store.indexes.childByName.get('f-0')?.get('say "hi" \\ 1 ü')).toBe('f-1')
    expect([...store.indexes.collectionsByAsset.get('f-5')]).toEqual(['c-1', 'c-2'])
    expect(store.indexes.collectionsByAsset.has('f-6', 'c-1')).toBe(true)
  })

  it('move with a compaction that rewrites their segments, and a change made meanwhile is kept', async () => {
    const model = await library()
    COLD_CACHE.size = 4
    const store = await opened()
    const renamed = Array.from({ length: 40 }, (_, k) => ({ ...model.get(`f-${k * 7 + 1}`)!, name: `Renamed ${k}` }))
    for (const r of renamed) model.set(r.id, r)
    const added = Array.from({ length: 20 }, (_, k) => folder(1000 + k, 'f-0'))
    for (const r of added) model.set(r.id, r)
    await store.commit({ actor: null, op: 'test', put: { assets: [...renamed, ...added] }, del: [['assets', 'f-2'], ['assets', 'f-3']] })
    model.delete('f-2')
    model.delete('f-3')
    const before = fs.readdirSync(path.join(dir, 'segments'))
    const compaction = store.compact()
    // Put while the compaction runs: newer than what it folds, so it stays in memory.
    const later = { ...model.get('f-8')!, name: 'Later' }
    model.set(later.id, later)
    await store.commit({ actor: null, op: 'test', put: { assets: [later] } })
    await compaction
    const after = fs.readdirSync(path.join(dir, 'segments'))
    expect(after.filter((f) => !before.includes(f)).length, 'segments written').toBeGreaterThan(0)
    expect(before.filter((f) => !after.includes(f)).length, 'segments replaced and removed').toBeGreaterThan(0)
    expect(store.tables.assets.cold).toBe(model.size - 1)
    expectRecords(store, model)
    const reopened = await opened()
    expectRecords(reopened, model)
  })

  it('are not read for the search index, which is built after open from the column files', async () => {
    const model = await library()
    const store = await opened()
    const { columns } = store.indexes
    const reads = vi.spyOn((store.log as unknown as { cold: ColdFiles }).cold, 'read')
    await vi.waitFor(() => expect(store.indexes.searchIndexReady).toBe(true), { timeout: 30_000, interval: 20 })
    expect(reads).not.toHaveBeenCalled()
    // A put after the build replaces what the index held of that asset (the put itself reads the record it replaces).
    const renamed = { ...model.get('f-7')!, name: 'Zebra crossing' }
    await store.commit({ actor: null, op: 'test', put: { assets: [renamed] } })
    reads.mockClear()
    const found = (needle: string) => [...store.indexes.textIndex.candidates(needle)].map((slot) => columns.idOf(slot))
    expect(found('zebra')).toEqual(['f-7'])
    expect(found('folder 7')).not.toContain('f-7')
    expect(found('say "hi" \\ 22 ü')).toContain('f-22')
    expect(reads).not.toHaveBeenCalled()
  })

  it('damaged after open are refused as damaged, with the segment file and the position', async () => {
    await library()
    const store = await opened()
    // Once the search index is built, nothing reads the segment before the get below.
    await vi.waitFor(() => expect(store.indexes.searchIndexReady).toBe(true), { timeout: 30_000, interval: 20 })
    const segments = path.join(dir, 'segments')
    const file = fs.readdirSync(segments).map((f) => path.join(segments, f)).find((f) => fs.readFileSync(f, 'utf8').includes('"id":"f-100"'))!
    const text = fs.readFileSync(file)
    const start = text.indexOf('{"id":"f-100"')
    const bad = text.indexOf('"name"', start)
    text[bad] = 0x21
    fs.writeFileSync(file, text)
    let error: unknown = null
    try {
      store.get('assets', 'f-100')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('LIBRARY_CORRUPT')
    expect((error as AppError).details).toMatchObject({ file, position: bad })
  })
})

describe('the field reader of record lines', () => {
  const lines = [
    '{"id":"a","kind":"folder","name":"x","parentId":null,"createdBy":"u"}',
    '{"id":"a","versions":[{"n":"}]\\"["}],"meta":{"k":{"d":[1,2]}},"name":"after nested","parentId":"p","kind":"file","createdBy":"u"}',
    '{"id":"a","name":"esc\\"aped","kind":"file","parentId":"p","createdBy":"u"}',
    '{"id":"a","n":-1.5e3,"t":true,"f":false,"name":"ü ø","kind":"file","parentId":"p","createdBy":"u"}',
    '{"id":"a","name":"no parent"}',
    '{"id":"a","parentId":{"not":"a string"},"name":"n","kind":"k","createdBy":"u"}',
    '{"id":"a",}',
  ]
  it.each(lines)('gives what JSON.parse gives, or leaves the line to it: %s', (line) => {
    const fields = ['id', 'kind', 'name', 'parentId', 'createdBy']
    const hot = readHotFields(Buffer.from(line), fields)
    if (hot === null) return
    const whole = JSON.parse(line) as Record<string, unknown>
    expect(hot).toEqual(Object.fromEntries(fields.filter((f) => f in whole).map((f) => [f, whole[f]])))
  })
  it('reads the plain fields in place', () => {
    expect(readHotFields(Buffer.from(lines[1]), ['id', 'name'])).toEqual({ id: 'a', name: 'after nested' })
    expect(readHotFields(Buffer.from(lines[2]), ['id', 'name'])).toBeNull()
  })
})

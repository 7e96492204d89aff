import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AssociationRecord, FolderRecord } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { DELTA_LIMITS, type FileRecordLog } from '../../../main/core/store/fileRecordLog.js'
import { COLUMN_FORMAT } from '../../../main/core/store/hotColumns.js'
import { SEGMENT_BYTES } from '../../../main/core/store/segments.js'
import { Store } from '../../../main/core/store/store.js'
import { holdManifestWrites } from './fixtures/hold.js'
import { crashImage, removeFolders } from './fixtures/libraryFolders.js'

const realSegmentBytes = SEGMENT_BYTES.limit
const realDeltaFiles = DELTA_LIMITS.files
let dir: string
let open: Store[] = []

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-columns-'))
  // Several segments per table, so some have column files rewritten and others not.
  SEGMENT_BYTES.limit = 4096
  // Every compaction folds its changes into the segments, which get their column files then (deltas have none).
  DELTA_LIMITS.files = 0
})
afterEach(async () => {
  vi.restoreAllMocks()
  for (const store of open.splice(0)) await store.close().catch(() => undefined)
  SEGMENT_BYTES.limit = realSegmentBytes
  DELTA_LIMITS.files = realDeltaFiles
  fs.rmSync(dir, { recursive: true, force: true })
  removeFolders()
})

async function opened(folder = dir): Promise<Store> {
  const store = await Store.open(folder)
  open.push(store)
  return store
}

async function closed(store: Store): Promise<void> {
  open = open.filter((s) => s !== store)
  await store.close()
}

const log = (store: Store) => store.log as FileRecordLog
// Ids and names outside ASCII, with quotes and backslashes, take the slow paths of the column reader.
const folderRecord = (i: number, parentId: string | null, name = `Folder ${i}`): FolderRecord => ({
  id: i % 11 === 5 ? `f-${i}-ø` : `f-${i}`, kind: 'folder', name, parentId, createdBy: `u-${i % 3}`, createdAt: i, updatedAt: i,
})
const association = (c: number, assetId: string): AssociationRecord => ({ id: `c-${c}:${assetId}`, collectionId: `c-${c}`, assetId, addedBy: 'u-0', addedAt: c })

/** A closed library of folders under Home (some of them nested) and collection links. */
async function library(folder = dir, folders = 200, links = 120): Promise<void> {
  const store = await opened(folder)
  const rows = [folderRecord(0, null, 'Home')]
  for (let i = 1; i <= folders; i++) rows.push(folderRecord(i, i % 4 === 0 ? rows[i - 1].id : 'f-0', i % 9 === 0 ? `Say "hi" \\ ${i} ü` : `Folder ${i}`))
  await store.commit({ actor: null, op: 'test', put: { assets: rows } })
  await store.commit({ actor: null, op: 'test', put: { associations: rows.slice(1, links).map((r, k) => association(k % 3, r.id)) } })
  await closed(store)
}

/** The format a column file says it is of. */
function columnFormat(file: string): number {
  const bytes = fs.readFileSync(file)
  return (JSON.parse(bytes.toString('utf8', 8, 8 + bytes.readUInt32LE(4))) as { format: number }).format
}

/** Everything a reader can tell of the records and what the indexes answer from them. */
function contents(store: Store) {
  const { indexes } = store
  const sorted = <T extends { id: string }>(rows: Iterable<T>) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))
  const assets = sorted(store.tables.assets.values())
  return {
    assets,
    associations: sorted(store.tables.associations.values()),
    children: assets.map((a) => [a.id, [...indexes.children.get(a.id)].sort()]),
    names: assets.map((a) => indexes.columns.nameOf(indexes.columns.liveSlot(a.id))),
    byName: indexes.childByName.get('f-0')?.get('say "hi" \\ 9 ü'),
    collections: assets.map((a) => [...indexes.collectionsByAsset.get(a.id)].sort()),
    members: ['c-0', 'c-1', 'c-2'].map((c) => [...indexes.assetsByCollection.get(c)].sort()),
    root: indexes.rootId,
  }
}

/** The library as the previous segment format wrote it: no column files, none named in the manifest. */
function withoutColumnFiles(folder: string): void {
  const segments = path.join(folder, 'segments')
  for (const name of fs.readdirSync(segments)) if (name.endsWith('.cols')) fs.rmSync(path.join(segments, name))
  const file = path.join(folder, 'library.json')
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { segments: { columns?: unknown }[] }
  for (const s of manifest.segments) delete s.columns
  fs.writeFileSync(file, JSON.stringify(manifest))
}

const columnFiles = (folder: string) => fs.readdirSync(path.join(folder, 'segments')).filter((n) => n.endsWith('.cols')).sort()
const namedColumnFiles = (folder: string) =>
  (JSON.parse(fs.readFileSync(path.join(folder, 'library.json'), 'utf8')) as { segments: { file: string; columns?: unknown }[] }).segments
    .filter((s) => s.columns)
    .map((s) => path.basename(s.file).replace(/\.jsonl$/, '.cols'))
    .sort()

describe('column files', () => {
  it('are written with the segments of cold tables, and open reads them instead of the lines, with the same records and answers', async () => {
    await library()
    const named = namedColumnFiles(dir)
    expect(named.length).toBeGreaterThan(2)
    expect(columnFiles(dir)).toEqual(named)
    const fromColumns = await opened()
    expect(log(fromColumns).coldSegmentsLoaded).toEqual({ fromColumns: named.length, fromLines: 0 })
    const seen = contents(fromColumns)
    await closed(fromColumns)
    // The same library read line by line, as before column files: the same everywhere.
    withoutColumnFiles(dir)
    const fromLines = await opened()
    expect(log(fromLines).coldSegmentsLoaded.fromColumns).toBe(0)
    expect(contents(fromLines)).toEqual(seen)
    expect(seen.assets).toHaveLength(201)
    expect(seen.byName).toBe('f-9')
  })

  it('are added to a library written in the previous segment format, which opens with identical records', async () => {
    await library()
    const before = contents(await opened())
    await closed(open[0])
    withoutColumnFiles(dir)
    const old = await opened()
    expect(log(old).coldSegmentsLoaded.fromColumns).toBe(0)
    expect(contents(old)).toEqual(before)
    // Closing folds nothing, but writes the column files the segments lack.
    await closed(old)
    expect(columnFiles(dir).length).toBeGreaterThan(2)
    expect(columnFiles(dir)).toEqual(namedColumnFiles(dir))
    const upgraded = await opened()
    expect(log(upgraded).coldSegmentsLoaded.fromLines).toBe(0)
    expect(contents(upgraded)).toEqual(before)
  })

  it('of the previous format (without id hashes) open with identical records, and are written again in this format on close', async () => {
    // Written by the column writer of format 2 (the commit before format 3), with 32 KB segments
    // so that ids and parents are kept as bytes, not as small lists.
    fs.cpSync(path.join(import.meta.dirname, 'fixtures', 'columnFormat2'), dir, { recursive: true })
    const formats = () => columnFiles(dir).map((name) => columnFormat(path.join(dir, 'segments', name)))
    expect(new Set(formats())).toEqual(new Set([2]))
    const old = await opened()
    expect(log(old).coldSegmentsLoaded).toEqual({ fromColumns: 5, fromLines: 0 })
    const before = contents(old)
    // The same records as the writer of today makes of the same commits.
    SEGMENT_BYTES.limit = 32768
    const fresh = path.join(dir, 'fresh')
    fs.mkdirSync(fresh)
    await library(fresh, 600, 400)
    const today = await opened(fresh)
    expect(new Set(columnFiles(fresh).map((name) => columnFormat(path.join(fresh, 'segments', name))))).toEqual(new Set([COLUMN_FORMAT]))
    expect(contents(today)).toEqual(before)
    expect(before.assets).toHaveLength(601)
    expect(before.associations).toHaveLength(399)
    await closed(today)
    // Nothing to fold, but the older column files are written again.
    await closed(old)
    expect(new Set(formats())).toEqual(new Set([COLUMN_FORMAT]))
    expect(columnFiles(dir)).toEqual(namedColumnFiles(dir))
    const upgraded = await opened()
    expect(log(upgraded).coldSegmentsLoaded).toEqual({ fromColumns: 5, fromLines: 0 })
    expect(log(upgraded).columnProblems).toEqual([])
    expect(contents(upgraded)).toEqual(before)
  })

  it('of segments a compaction rewrites keep the values of the lines copied as they are, without parsing those lines, and read as the lines do', async () => {
    await library()
    const store = await opened()
    // A few changed records spread over the segments: most of their lines are copied as they are.
    const changed = [...store.tables.assets.values()].filter((_, i) => i % 25 === 7).map((a) => ({ ...a, name: `${a.name} again` }))
    await store.commit({ actor: null, op: 'test', put: { assets: changed } })
    const before = contents(store)
    const parse = vi.spyOn(JSON, 'parse')
    await store.compact()
    const parsedLines = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.startsWith('{"id":')).length
    parse.mockRestore()
    expect(parsedLines).toBe(0)
    await closed(store)
    const fromColumns = await opened()
    expect(log(fromColumns).coldSegmentsLoaded.fromLines).toBe(0)
    expect(contents(fromColumns)).toEqual(before)
    await closed(fromColumns)
    withoutColumnFiles(dir)
    expect(contents(await opened())).toEqual(before)
  })

  it('written before a crash that comes ahead of the manifest lose no acknowledged change', async () => {
    await library()
    withoutColumnFiles(dir)
    const store = await opened()
    await store.commit({ actor: null, op: 'test', put: { assets: [folderRecord(300, 'f-0', 'Late')] }, del: [['assets', 'f-7']] })
    const hold = holdManifestWrites()
    const compaction = store.compact()
    await hold.started()
    // Column files (and a rewritten segment) are down, the manifest naming them is not.
    const image = crashImage(dir)
    hold.release()
    await compaction
    vi.restoreAllMocks()
    expect(columnFiles(image).length).toBeGreaterThan(0)
    expect(namedColumnFiles(image)).toEqual([])

    const reopened = await opened(image)
    expect(reopened.get('assets', 'f-300')?.name).toBe('Late')
    expect(reopened.get('assets', 'f-7')).toBeUndefined()
    expect(contents(reopened)).toEqual(contents(store))
    // What the cut compaction left is not named by the manifest, and is gone.
    expect(columnFiles(image)).toEqual(namedColumnFiles(image))
  })

  it('damaged are found by their checksum and read around from the segment, then written again', async () => {
    await library()
    const before = contents(await opened())
    await closed(open[0])
    const [first] = namedColumnFiles(dir)
    const file = path.join(dir, 'segments', first)
    const bytes = fs.readFileSync(file)
    bytes[bytes.length - 3] ^= 0xff
    fs.writeFileSync(file, bytes)

    const store = await opened()
    expect(log(store).columnProblems).toEqual([`segments/${first}: its checksum is not the one in the manifest`])
    expect(log(store).coldSegmentsLoaded.fromLines).toBe(1)
    expect(contents(store)).toEqual(before)
    await closed(store)
    expect(fs.readFileSync(file).equals(bytes)).toBe(false)
    const again = await opened()
    expect(log(again).columnProblems).toEqual([])
    expect(log(again).coldSegmentsLoaded.fromLines).toBe(0)
    expect(contents(again)).toEqual(before)
  })

  it('cut short or missing are told by their size and read around from their segments', async () => {
    await library()
    const before = contents(await opened())
    await closed(open[0])
    const [first, second] = namedColumnFiles(dir)
    const cut = path.join(dir, 'segments', first)
    const size = fs.statSync(cut).size
    fs.truncateSync(cut, size - 8)
    fs.rmSync(path.join(dir, 'segments', second))

    const store = await opened()
    expect(log(store).columnProblems).toEqual([`segments/${first}: it is ${size - 8} bytes long, the manifest says ${size}`, `segments/${second}: it is missing`])
    expect(log(store).coldSegmentsLoaded.fromLines).toBe(2)
    expect(contents(store)).toEqual(before)
  })

  it('let damage inside a segment be found when a record is read, and never copied into a new segment', async () => {
    await library()
    const segments = path.join(dir, 'segments')
    const file = fs.readdirSync(segments).map((n) => path.join(segments, n)).find((f) => f.endsWith('.jsonl') && fs.readFileSync(f, 'utf8').includes('{"id":"f-20"'))!
    const text = fs.readFileSync(file)
    // The same size, so only the checksum tells: open (from the column file) does not read the lines.
    const bad = text.indexOf(',"name"', text.indexOf('{"id":"f-20"'))
    text[bad] = 0x3b
    fs.writeFileSync(file, text)
    const store = await opened()
    expect(() => store.get('assets', 'f-20')).toThrow(expect.objectContaining({ code: 'LIBRARY_CORRUPT', details: expect.objectContaining({ file }) }))
    // A change to a record of that segment: the compaction that would copy it refuses, and the change stays in the journal.
    const sibling = folderRecord(21, 'f-0', 'Renamed')
    await store.commit({ actor: null, op: 'test', put: { assets: [sibling] } })
    const error = await store.compact().then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('LIBRARY_CORRUPT')
    expect((error as AppError).message).toContain(file)
    expect(fs.readFileSync(file).equals(text)).toBe(true)
    const journals = fs.readdirSync(dir).filter((n) => n.startsWith('journal'))
    expect(journals.some((n) => fs.readFileSync(path.join(dir, n), 'utf8').includes('Renamed'))).toBe(true)
    const reopened = await opened(crashImage(dir))
    expect(reopened.get('assets', 'f-21')?.name).toBe('Renamed')
  })
})

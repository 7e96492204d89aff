import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listBackups, openLibrary, type Library } from '../../../main/core/index.js'
import { DELTA_LIMITS } from '../../../main/core/store/fileRecordLog.js'
import { readJournals } from '../../../main/core/store/journal.js'
import { SEGMENTS_SCHEMA_VERSION, CURRENT_SCHEMA_VERSION } from '../../../main/core/store/migrations.js'
import { SEGMENT_BYTES } from '../../../main/core/store/segments.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { crashImage, removeFolders } from './fixtures/libraryFolders.js'

let t: TempLibrary
const realSegmentBytes = SEGMENT_BYTES.limit
const realDeltaFiles = DELTA_LIMITS.files
afterEach(async () => {
  await t.close()
  SEGMENT_BYTES.limit = realSegmentBytes
  DELTA_LIMITS.files = realDeltaFiles
  removeFolders()
})

const snapshotSeq = (dir: string) => (JSON.parse(fs.readFileSync(path.join(dir, 'library.json'), 'utf8')) as { seq: number }).seq
const journalSize = (dir: string) => fs.statSync(path.join(dir, 'journal.jsonl')).size

function expectFolders(library: Library, ids: string[]): void {
  expect(ids.filter((id) => library.core.store.tables.assets.get(id)?.kind !== 'folder'), 'missing folders').toEqual([])
}

async function reopened(dir: string, check: (library: Library) => void): Promise<void> {
  const library = await openLibrary(dir)
  try {
    check(library)
  } finally {
    await library.close()
  }
}

describe('compaction', () => {
  it('folds a growing journal into library.json, removes the set-aside journals and keeps five backups', async () => {
    t = await tempLibrary({ compactBytes: 4096 })
    const { store } = t.library.core
    const firstSeq = snapshotSeq(t.dir)
    let journalled = 0
    store.onCommit((change) => (journalled += Buffer.byteLength(JSON.stringify(change)) + 1))
    const ids: string[] = []
    for (let i = 0; i < 80; i++) ids.push((await t.admin.call('folders.create', { parentId: t.homeId, name: `Folder ${i}` })).id)
    // The last compaction the calls started may still be writing, and may start one more.
    while (store.isCompacting) await store.compact()

    expect(journalled).toBeGreaterThan(10 * 4096)
    expect(snapshotSeq(t.dir)).toBeGreaterThan(firstSeq + 60)
    expect(journalSize(t.dir)).toBeLessThan(2 * 4096)
    expect(readJournals.rotatedNames(t.dir)).toEqual([])
    // How many compactions the burst started depends on the disk's speed; six more make sure
    // more than five snapshots were replaced, of which the newest five are kept.
    for (let i = 0; i < 6; i++) {
      ids.push((await t.admin.call('folders.create', { parentId: t.homeId, name: `Later ${i}` })).id)
      await store.compact()
    }
    expect(fs.readdirSync(path.join(t.dir, 'backups'))).toHaveLength(5)
    expect(listBackups(t.dir)).toHaveLength(5)
    await reopened(crashImage(t.dir), (library) => expectFolders(library, ids))
  })

  it('keeps the changes made while a compaction runs', async () => {
    t = await tempLibrary()
    const { store } = t.library.core
    for (let i = 0; i < 20; i++) await t.admin.call('folders.create', { parentId: t.homeId, name: `Before ${i}` })
    const foldedSeq = store.seq
    const compaction = store.compact()
    const calls = Array.from({ length: 30 }, (_, i) => t.admin.call('folders.create', { parentId: t.homeId, name: `During ${i}` }))
    const seqWhenCompacted = await compaction.then(() => store.seq)
    const ids = (await Promise.all(calls)).map((f) => f.id)

    expect(seqWhenCompacted, 'changes committed before the compaction finished').toBeGreaterThan(foldedSeq)
    expect(snapshotSeq(t.dir)).toBe(foldedSeq)
    const journalSeqs = fs.readFileSync(path.join(t.dir, 'journal.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { seq: number }).seq)
    expect(journalSeqs).toEqual(Array.from({ length: 30 }, (_, i) => foldedSeq + 1 + i))
    await reopened(crashImage(t.dir), (library) => expectFolders(library, ids))
    await t.library.close()
    await reopened(t.dir, (library) => expectFolders(library, ids))
  })

  it('acknowledges changes while a long compaction is still rewriting, and keeps them over a crash', async () => {
    // Small segments: the compaction below rewrites dozens of files, one slice at a time.
    SEGMENT_BYTES.limit = 2048
    DELTA_LIMITS.files = 0
    t = await tempLibrary()
    const { store } = t.library.core
    const before = await Promise.all(Array.from({ length: 200 }, (_, i) => t.admin.call('folders.create', { parentId: t.homeId, name: `Before ${i}` })))
    await store.compact()
    // A rename of every other folder changes records in every segment.
    for (let i = 0; i < before.length; i += 2) await t.admin.call('assets.rename', { id: before[i].id, name: `Renamed ${i}` })
    const compaction = store.compact()
    const acknowledged: { id: string; whileCompacting: boolean }[] = []
    for (let i = 0; store.isCompacting; i++) {
      const { id } = await t.admin.call('folders.create', { parentId: t.homeId, name: `During ${i}` })
      acknowledged.push({ id, whileCompacting: store.isCompacting })
    }
    await compaction
    // Acks did not wait for the compaction: some came back while it was still running.
    expect(acknowledged.filter((a) => a.whileCompacting).length).toBeGreaterThan(0)
    const ids = acknowledged.map((a) => a.id)
    await reopened(crashImage(t.dir), (library) => {
      expectFolders(library, ids)
      expect(library.core.store.tables.assets.get(before[0].id)?.name).toBe('Renamed 0')
    })
  })

  it('after a few changes writes them as delta segments, leaving every other segment as it is, and folds the deltas later', async () => {
    SEGMENT_BYTES.limit = 2048
    DELTA_LIMITS.files = 0
    t = await tempLibrary()
    const { store } = t.library.core
    type Entry = { table: string; file: string; delta?: string }
    const manifest = () => JSON.parse(fs.readFileSync(path.join(t.dir, 'library.json'), 'utf8')) as { schemaVersion: number; segments: Entry[] }
    const folders: { id: string }[] = []
    for (let i = 0; i < 60; i++) folders.push(await t.admin.call('folders.create', { parentId: t.homeId, name: `Folder ${i}` }))
    await store.compact()
    const base = manifest()
    expect(base.schemaVersion).toBe(SEGMENTS_SCHEMA_VERSION)
    expect(base.segments.filter((s) => s.table === 'assets').length, 'several asset segments').toBeGreaterThan(3)
    const inodes = new Map(base.segments.map((s) => [s.file, fs.statSync(path.join(t.dir, s.file)).ino]))

    DELTA_LIMITS.files = 3
    await t.admin.call('assets.rename', { id: folders[0].id, name: 'Renamed 0' })
    await store.commit({ actor: null, op: 'test', del: [['assets', folders[1].id]] })
    await store.compact()
    const withDeltas = manifest()
    expect(withDeltas.schemaVersion, 'a version that knows no deltas refuses the library').toBe(CURRENT_SCHEMA_VERSION)
    const deltas = withDeltas.segments.filter((s) => s.delta)
    expect(withDeltas.segments.filter((s) => !s.delta)).toEqual(base.segments)
    for (const s of base.segments) expect(fs.statSync(path.join(t.dir, s.file)).ino, `${s.file} untouched`).toBe(inodes.get(s.file))
    const put = deltas.find((s) => s.table === 'assets' && s.delta === 'put')!
    expect(fs.readFileSync(path.join(t.dir, put.file), 'utf8')).toContain('Renamed 0')
    expect(fs.readFileSync(path.join(t.dir, put.file), 'utf8')).not.toContain('Folder 2"')
    const del = deltas.find((s) => s.table === 'assets' && s.delta === 'del')!
    expect(fs.readFileSync(path.join(t.dir, del.file), 'utf8')).toBe(`{"id":"${folders[1].id}"}\n`)
    const expectState = (library: Library) => {
      const assets = library.core.store.tables.assets
      expect(assets.get(folders[0].id)?.name).toBe('Renamed 0')
      expect(assets.get(folders[1].id)).toBeUndefined()
      expect(library.core.store.indexes.children.has(t.homeId, folders[1].id)).toBe(false)
      expectFolders(library, folders.slice(2).map((f) => f.id))
    }
    await reopened(crashImage(t.dir), expectState)

    // Past the limit, the next compaction folds the deltas into the segments and removes them.
    expect(deltas.length).toBeGreaterThanOrEqual(DELTA_LIMITS.files)
    await t.admin.call('assets.rename', { id: folders[2].id, name: 'Renamed 2' })
    await store.compact()
    const folded = manifest()
    expect(folded.schemaVersion).toBe(SEGMENTS_SCHEMA_VERSION)
    expect(folded.segments.filter((s) => s.delta)).toEqual([])
    for (const s of deltas) expect(fs.existsSync(path.join(t.dir, s.file)), `${s.file} removed`).toBe(false)
    await reopened(crashImage(t.dir), (library) => {
      expectState(library)
      expect(library.core.store.tables.assets.get(folders[2].id)?.name).toBe('Renamed 2')
    })
  })

  it('writes a final snapshot on close and leaves an empty journal', async () => {
    t = await tempLibrary()
    const { store } = t.library.core
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await t.admin.call('folders.create', { parentId: t.homeId, name: `Folder ${i}` })).id)
    expect(journalSize(t.dir)).toBeGreaterThan(0)
    const lastSeq = store.seq
    await t.library.close()

    expect(snapshotSeq(t.dir)).toBe(lastSeq)
    expect(journalSize(t.dir)).toBe(0)
    expect(readJournals.rotatedNames(t.dir)).toEqual([])
    await reopened(t.dir, (library) => {
      expectFolders(library, ids)
      expect(library.core.store.seq).toBe(lastSeq)
    })
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { GrantRecord } from '../../../shared/domain.js'
import type { Change } from '../../../main/core/store/change.js'
import { DELTA_LIMITS } from '../../../main/core/store/fileRecordLog.js'
import { SEGMENT_BYTES } from '../../../main/core/store/segments.js'
import { Store } from '../../../main/core/store/store.js'
import { crashImage, removeFolders, tempFolder } from './fixtures/libraryFolders.js'

const realSegmentBytes = SEGMENT_BYTES.limit
const realDeltas = { ...DELTA_LIMITS }
afterEach(() => {
  SEGMENT_BYTES.limit = realSegmentBytes
  Object.assign(DELTA_LIMITS, realDeltas)
  removeFolders()
})

/** A small deterministic generator, so that a failing run can be run again. */
function prng(seed: number): (n: number) => number {
  let s = seed >>> 0
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s % n
  }
}

const grant = (id: string, n: number, padding: number): GrantRecord =>
  ({ id, resourceId: `r${n % 7}`, subjectId: `s-${id}`, subjectType: 'user', level: 'view', pad: 'p'.repeat(padding), n }) as unknown as GrantRecord

function snapshotOf(store: Store): Record<string, unknown> {
  return Object.fromEntries([...store.tables.grants.entries()].sort(([a], [b]) => (a < b ? -1 : 1)))
}
const modelOf = (model: Map<string, GrantRecord>) => Object.fromEntries([...model.entries()].sort(([a], [b]) => (a < b ? -1 : 1)))

async function expectSame(dir: string, model: Map<string, GrantRecord>, seq: number): Promise<void> {
  const store = await Store.open(dir)
  try {
    expect(snapshotOf(store)).toEqual(modelOf(model))
    expect(store.seq).toBe(seq)
    // The indexes built on open agree with the records.
    for (const [id, record] of model) expect(store.indexes.grantsByResource.get(record.resourceId)?.get(record.subjectId)?.id).toBe(id)
  } finally {
    await store.close()
  }
}

describe('the store against a plain in-memory model', () => {
  it.each([1, 2, 3])('gives identical records after random puts, deletes, compactions (delta and folding), crashes and reopens (seed %i)', async (seed) => {
    SEGMENT_BYTES.limit = 2048
    // A few deltas, then a compaction that folds them: both kinds come up many times.
    Object.assign(DELTA_LIMITS, { bytes: 6000, files: 1 + seed })
    const random = prng(seed)
    const dir = tempFolder()
    const model = new Map<string, GrantRecord>()
    let store = await Store.open(dir, { compactBytes: 3000 })
    try {
      for (let step = 0; step < 200; step++) {
        const batch: Promise<Change>[] = []
        for (let k = 1 + random(3); k > 0; k--) {
          const puts: GrantRecord[] = []
          const dels: [ 'grants', string ][] = []
          for (let j = random(3); j > 0; j--) {
            const id = `g${random(90)}`
            const record = grant(id, random(1000), random(300))
            puts.push(record)
          }
          if (random(3) === 0) dels.push(['grants', `g${random(90)}`])
          // Applied in the store's order: puts, then deletes.
          for (const record of puts) model.set(record.id, record)
          for (const [, id] of dels) model.delete(id)
          batch.push(store.commit({ actor: null, op: 'test', put: { grants: puts }, del: dels }))
        }
        await Promise.all(batch)
        const roll = random(40)
        if (roll === 0) await store.compact()
        else if (roll === 1) {
          await store.close()
          await expectSame(dir, model, store.seq)
          store = await Store.open(dir, { compactBytes: 3000 })
        } else if (roll === 2) {
          // What a crash would leave now, possibly in the middle of a compaction.
          await expectSame(crashImage(dir), model, store.seq)
        }
      }
      const seq = store.seq
      await store.close()
      await expectSame(dir, model, seq)
      expect(fs.readdirSync(path.join(dir, 'segments')).filter((n) => n.startsWith('grants-')).length, 'several segments were in use').toBeGreaterThan(2)
    } finally {
      await store.close()
    }
  }, 120_000)
})

describe('a compaction', () => {
  it('that folds rewrites only the segment that holds a changed record, and puts new records in the last one', async () => {
    SEGMENT_BYTES.limit = 2048
    DELTA_LIMITS.files = 0
    const dir = tempFolder()
    const store = await Store.open(dir)
    try {
      for (let i = 0; i < 100; i++) await store.commit({ actor: null, op: 'test', put: { grants: [grant(`g${i}`, i, 100)] } })
      await store.compact()
      const segmentsNow = () => (JSON.parse(fs.readFileSync(path.join(dir, 'library.json'), 'utf8')) as { segments: { table: string; file: string }[] }).segments.filter((s) => s.table === 'grants').map((s) => s.file)
      const before = segmentsNow()
      expect(before.length).toBeGreaterThan(4)
      const inodes = new Map(before.map((f) => [f, fs.statSync(path.join(dir, f)).ino]))

      await store.commit({ actor: null, op: 'test', put: { grants: [grant('g50', 9, 100)] } })
      await store.compact()
      const after = segmentsNow()
      const kept = after.filter((f) => before.includes(f))
      expect(after.length).toBe(before.length)
      expect(kept.length, 'one segment was rewritten').toBe(before.length - 1)
      for (const f of kept) expect(fs.statSync(path.join(dir, f)).ino, `${f} untouched`).toBe(inodes.get(f))
      const rewritten = after.find((f) => !before.includes(f))!
      expect(fs.readFileSync(path.join(dir, rewritten), 'utf8')).toContain('"id":"g50"')
      expect(before.filter((f) => !after.includes(f)).every((f) => !fs.existsSync(path.join(dir, f))), 'the replaced segment is removed').toBe(true)

      await store.commit({ actor: null, op: 'test', put: { grants: [grant('new-one', 1, 10)] } })
      await store.compact()
      const last = segmentsNow()
      expect(last.slice(0, -1)).toEqual(after.slice(0, -1))
      expect(fs.readFileSync(path.join(dir, last.at(-1)!), 'utf8')).toContain('"id":"new-one"')
    } finally {
      await store.close()
    }
  })
})

describe('compaction after many deletions', () => {
  it('merges the segments left small, keeping every record and its order', async () => {
    SEGMENT_BYTES.limit = 2048
    DELTA_LIMITS.files = 0
    const dir = tempFolder()
    let store = await Store.open(dir)
    const grantSegments = () =>
      (JSON.parse(fs.readFileSync(path.join(dir, 'library.json'), 'utf8')) as { segments: { table: string; file: string }[] }).segments.filter((s) => s.table === 'grants')
    try {
      for (let i = 0; i < 200; i++) await store.commit({ actor: null, op: 'test', put: { grants: [grant(`g${i}`, i, 100)] } })
      await store.compact()
      const before = grantSegments().length
      expect(before).toBeGreaterThan(8)
      // Nine in ten go, from every segment.
      await store.commit({ actor: null, op: 'test', del: Array.from({ length: 200 }, (_, i) => ['grants', `g${i}`] as ['grants', string]).filter((_, i) => i % 10 !== 3) })
      await store.compact()
      const after = grantSegments().length
      expect(after, 'segments merged').toBeLessThanOrEqual(Math.ceil(before / 3))
      const kept = [...store.tables.grants.keys()]
      expect(kept).toEqual(Array.from({ length: 20 }, (_, k) => `g${k * 10 + 3}`))
      await store.close()
      store = await Store.open(dir)
      expect([...store.tables.grants.keys()], 'the same records in the same order after a restart').toEqual(kept)
      expect(store.get('grants', 'g13')).toEqual(grant('g13', 13, 100))
    } finally {
      await store.close()
    }
  })
})

describe('the record log', () => {
  it('lets a follower catch up from a seq and then hear each durable change in order', async () => {
    const dir = tempFolder()
    const store = await Store.open(dir)
    try {
      await store.commit({ actor: null, op: 'test', put: { grants: [grant('a', 1, 1)] } })
      const from = store.seq
      await store.commit({ actor: null, op: 'test', put: { grants: [grant('b', 1, 1)] } })
      await store.commit({ actor: null, op: 'test', del: [['grants', 'a']] })
      const heard: number[] = []
      const stop = store.log.follow(from, (change) => heard.push(change.seq))
      expect(heard).toEqual([from + 1, from + 2])
      await Promise.all([1, 2, 3].map((i) => store.commit({ actor: null, op: 'test', put: { grants: [grant(`c${i}`, i, 1)] } })))
      expect(heard).toEqual([from + 1, from + 2, from + 3, from + 4, from + 5])
      stop()
      await store.commit({ actor: null, op: 'test', put: { grants: [grant('d', 1, 1)] } })
      expect(heard).toHaveLength(5)
      await expect(store.log.append({ seq: store.seq + 5, at: 1, actor: null, op: 'x', put: {}, del: [] }, store.seq)).rejects.toThrow('cannot follow')
    } finally {
      await store.close()
    }
  })
})

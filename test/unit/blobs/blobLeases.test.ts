import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BlobEngine } from '../../../main/core/blobs/blobEngine.js'
import { ENGINES, type EngineUnderTest } from './engines.js'

const GRACE = 60_000
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const nothingReferenced = () => false

/**
 * Two or three stores on one location stand for processes sharing it (docs/team.md). Each
 * process sees only its own pins and the changes it has read; leases are all it knows of
 * another's uploads. "Later" is a clock moved past the grace period, never a wait.
 */
describe.each(ENGINES)('collection across processes: $name engine', (kind) => {
  let engine: EngineUnderTest
  let later = 0
  const clock = () => Date.now() + later
  beforeEach(async () => {
    engine = await kind.start()
    later = 0
  })
  afterEach(async () => {
    vi.restoreAllMocks()
    await engine.close()
  })

  it("leaves a blob another process stored for a change it has not committed, until the grace period after it lets go", async () => {
    const writer = engine.open({ graceMs: GRACE })
    const collector = engine.open({ graceMs: GRACE, clock })
    const upload = await writer.put(Buffer.from('uploaded, not yet committed'))
    expect(await collector.collect(nothingReferenced)).toEqual({ removed: 0, bytes: 0 })
    expect(await collector.collectSome([upload.hash], nothingReferenced)).toEqual({ removed: 0, bytes: 0 })
    // Committed and released: the collector may not have read that change yet, so the lease still counts.
    writer.release(upload.hash)
    expect(await collector.collect(nothingReferenced)).toEqual({ removed: 0, bytes: 0 })
    later = 2 * GRACE
    expect(await collector.collect(nothingReferenced)).toEqual({ removed: 1, bytes: upload.size })
    expect(await writer.has(upload.hash)).toBe(false)
  })

  it('gives a blob back when a writer found it stored while the pass was taking it', async () => {
    const text = 'old content, stored again'
    // Stored without a lease, long ago as far as any process knows.
    const old = engine.open()
    await old.put(Buffer.from(text))
    old.release(sha256(text))
    const writer = engine.open({ graceMs: GRACE })
    const collector = engine.open({ graceMs: GRACE, clock })
    const proto = Object.getPrototypeOf(collector) as { moveToTrash: (...args: unknown[]) => Promise<unknown> }
    const move = proto.moveToTrash
    let uploaded: Promise<unknown> | null = null
    vi.spyOn(proto, 'moveToTrash').mockImplementation(async function (this: BlobEngine, ...args: unknown[]) {
      // The writer's put runs its existence check now, finds the blob, and relies on it.
      uploaded ??= writer.put(Buffer.from(text))
      await uploaded
      return move.apply(this, args)
    })
    expect(await collector.collect(nothingReferenced)).toEqual({ removed: 0, bytes: 0 })
    expect(uploaded).not.toBeNull()
    expect(await writer.has(sha256(text)), 'a blob a writer relies on was removed').toBe(true)
    expect(await writer.verify(sha256(text))).toBe(true)
  })

  it('settles what a killed pass left in its trash: a blob still needed goes back, the rest goes', async () => {
    const blobs = engine.open()
    const needed = await blobs.put(Buffer.from('needed'))
    const unneeded = await blobs.put(Buffer.from('unneeded'))
    blobs.release(needed.hash)
    blobs.release(unneeded.hash)
    const trash = (blobs as unknown as { moveToTrash(hash: string, id: string): Promise<unknown> }).moveToTrash.bind(blobs)
    await trash(needed.hash, `${needed.hash}.0.a`)
    await trash(unneeded.hash, `${unneeded.hash}.0.b`)
    expect(await blobs.has(needed.hash)).toBe(false)
    await blobs.collect((hash) => hash === needed.hash)
    expect(await blobs.has(needed.hash)).toBe(true)
    expect(await blobs.has(unneeded.hash)).toBe(false)
  })
})

describe('leases of the folder engine', () => {
  const folder = ENGINES.find((e) => e.name === 'folder')!
  it('are refreshed while a blob stays pinned, so a long job outlives the grace period', async () => {
    const engine = await folder.start()
    try {
      let later = 0
      const clock = () => Date.now() + later
      const worker = engine.open({ graceMs: GRACE, clock })
      const collector = engine.open({ graceMs: GRACE, clock })
      const input = await worker.put(Buffer.from('read by a job for a long time'))
      later = 2 * GRACE
      await worker.refreshLeases()
      expect(await collector.collect(nothingReferenced)).toEqual({ removed: 0, bytes: 0 })
      worker.release(input.hash)
      later = 4 * GRACE
      expect(await collector.collect(nothingReferenced)).toEqual({ removed: 1, bytes: input.size })
    } finally {
      await engine.close()
    }
  })
})

import { buffer } from 'node:stream/consumers'
import fs from 'node:fs'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BlobEngine } from '../../../main/core/blobs/blobEngine.js'
import { ENGINES, type EngineUnderTest } from './engines.js'

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')

describe.each(ENGINES)('the blob store contract: $name engine', (kind) => {
  let engine: EngineUnderTest
  let blobs: BlobEngine
  beforeEach(async () => {
    engine = await kind.start()
    blobs = engine.open()
  })
  afterEach(() => engine.close())

  it('stores content under its sha256, once however often it is put, and reads it back whole or by range', async () => {
    const bytes = Buffer.from('the same bytes, twice over '.repeat(1000))
    const first = await blobs.put(bytes)
    const second = await blobs.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]))
    expect(first).toEqual({ hash: sha256(bytes), size: bytes.length })
    expect(second).toEqual(first)
    expect(await blobs.has(first.hash)).toBe(true)
    expect(await blobs.size(first.hash)).toBe(bytes.length)
    expect((await buffer(blobs.createReadStream(first.hash))).equals(bytes)).toBe(true)
    expect((await buffer(blobs.createReadStream(first.hash, { start: 10, end: 19 }))).toString()).toBe(bytes.subarray(10, 20).toString())
    expect(fs.readFileSync(await blobs.localFile(first.hash)).equals(bytes)).toBe(true)
    expect(await blobs.verify(first.hash)).toBe(true)
  })

  it('stores a file by path with its first bytes', async () => {
    const bytes = Buffer.from('a file on this machine')
    const source = `${await blobs.localFile((await blobs.put(bytes)).hash)}`
    const stored = await blobs.putFile(source, { headBytes: 6 })
    expect({ hash: stored.hash, size: stored.size, head: Buffer.from(stored.head) }).toEqual({ hash: sha256(bytes), size: bytes.length, head: Buffer.from('a file') })
    stored.releaseHead()
  })

  it('answers for content it does not hold without inventing any', async () => {
    const absent = sha256('never stored')
    expect(await blobs.has(absent)).toBe(false)
    expect(await blobs.size(absent)).toBe(null)
    await expect(buffer(blobs.createReadStream(absent))).rejects.toThrow()
    await expect(blobs.localFile(absent)).rejects.toThrow()
    expect(await blobs.verify(absent)).toBe(false)
    await expect(blobs.has('../../etc/passwd')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('refuses content that is not what the caller expected, and keeps nothing of it', async () => {
    const error = await blobs.put(Buffer.from('changed meanwhile'), { expectHash: sha256('as first read') }).catch((e: unknown) => e)
    expect((error as { code?: string }).code).toBe('CONFLICT')
    expect(await blobs.has(sha256('changed meanwhile'))).toBe(false)
  })

  it('detects stored bytes that no longer match their hash', async () => {
    const { hash } = await blobs.put(Buffer.from('pristine content'))
    await engine.damage(hash, Buffer.from('tampered content'))
    expect(await blobs.verify(hash)).toBe(false)
  })

  it('collects what nothing references or pins, and nothing else', async () => {
    const kept = await blobs.put(Buffer.from('referenced'))
    const pinned = await blobs.put(Buffer.from('still uploading'))
    const stray = await blobs.put(Buffer.from('abandoned'))
    blobs.release(kept.hash)
    blobs.release(stray.hash)
    expect(await blobs.collect((hash) => hash === kept.hash)).toEqual({ removed: 1, bytes: stray.size })
    expect([await blobs.has(kept.hash), await blobs.has(pinned.hash), await blobs.has(stray.hash)]).toEqual([true, true, false])
    blobs.release(pinned.hash)
    expect(await blobs.collectSome([pinned.hash, kept.hash], (hash) => hash === kept.hash)).toEqual({ removed: 1, bytes: pinned.size })
    expect(await blobs.has(pinned.hash)).toBe(false)
  })
})

describe('the S3 engine checks what the bucket returns', () => {
  const s3 = ENGINES.find((e) => e.name.startsWith('s3'))!
  let engine: EngineUnderTest
  beforeEach(async () => {
    engine = await s3.start()
  })
  afterEach(() => engine.close())

  it('fails a whole read and refuses a local copy when the stored bytes changed', async () => {
    const writer = engine.open()
    const { hash } = await writer.put(Buffer.from('pristine content'))
    await engine.damage(hash, Buffer.from('tampered content'))
    // Another process has no verified copy in its cache: it must download, and check.
    const reader = engine.open()
    await expect(buffer(reader.createReadStream(hash))).rejects.toThrow(/damaged/)
    await expect(reader.localFile(hash)).rejects.toThrow(/damaged/)
  })
})

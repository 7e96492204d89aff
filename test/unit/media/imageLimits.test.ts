import zlib from 'node:zlib'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused, pngBase64, recordsOf, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary({ tools: { removeBackground: async () => sharp({ create: { width: 2, height: 2, channels: 4, background: '#0000' } }).png().toBuffer() } })
})
afterEach(async () => t.close())

async function uploadPng(name = 'small.png', base64 = pngBase64(30, 20)) {
  return t.admin.call('files.upload', { folderId: t.homeId, name, base64 })
}

/**
 * A PNG whose header says 10001 × 10001 (just over 100 megapixels) but holds almost no data:
 * what a decompression bomb looks like to anything that trusts the header.
 */
function hugeHeaderPng(): string {
  const crc = (buf: Buffer) => zlib.crc32(buf)
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(10_001, 0)
  ihdr.writeUInt32BE(10_001, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(1000))),
    chunk('IEND', Buffer.alloc(0)),
  ])
  return png.toString('base64')
}

describe('image work is bounded', () => {
  it('refuses an edit whose result would be over 100 megapixels, before doing any work, and stores nothing', async () => {
    const file = await uploadPng()
    const before = recordsOf(t.library)
    const error = await expectRefused(t.admin.call('images.edit', { fileId: file.id, ops: [{ op: 'resize', width: 16000, height: 16000 }] }), 'LIMIT_EXCEEDED')
    expect(error.message).toMatch(/16,000 × 16,000 pixels \(256 megapixels\).*at most 100 megapixels/)
    expect(error.details).toMatchObject({ width: 16000, height: 16000, limit: 100_000_000 })
    expect(recordsOf(t.library)).toEqual(before)
  })

  it('refuses an edit that would pass through too large an image on its way, naming the step', async () => {
    const file = await uploadPng()
    const error = await expectRefused(
      t.admin.call('images.edit', { fileId: file.id, ops: [{ op: 'flip', axis: 'vertical' }, { op: 'resize', width: 20000 }, { op: 'resize', width: 100 }] }),
      'LIMIT_EXCEEDED',
    )
    // 30 × 20 scaled to 20000 wide is 20000 × 13333.
    expect(error.message).toMatch(/after step 2 \(resize\) would be 20,000 × 13,333 pixels/)
  })

  it('refuses to work on an image over 100 megapixels, whatever its file claims to hold', async () => {
    const file = await uploadPng('bomb.png', hugeHeaderPng())
    const before = recordsOf(t.library)
    for (const call of [
      () => t.admin.call('images.edit', { fileId: file.id, ops: [{ op: 'resize', width: 10 }] }),
      () => t.admin.call('extensions.autoTags', { fileId: file.id }),
      () => t.admin.call('extensions.removeBackground', { fileId: file.id }),
    ]) {
      const error = await expectRefused(call(), 'LIMIT_EXCEEDED')
      expect(error.message).toMatch(/"bomb.png" is 10,001 × 10,001 pixels \(100.02 megapixels\); images of at most 100 megapixels/)
    }
    expect(recordsOf(t.library)).toEqual(before)
  })

  it('runs at most two image operations per user at once; a third is refused, another user is not held up', async () => {
    const file = await uploadPng()
    const bob = await t.admin.call('users.create', { name: 'Bob', email: 'bob@example.com', role: 'fullAccess' })
    const asBob = t.library.as(bob.id)
    const edit = (caller = t.admin) => caller.call('images.edit', { fileId: file.id, ops: [{ op: 'flip', axis: 'horizontal' }] })
    // Started in one go: the first two take Ada's two places before any of them has finished.
    const outcomes = await Promise.allSettled([edit(), t.admin.call('extensions.autoTags', { fileId: file.id }), edit(), edit(asBob)])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    const refusal = (outcomes[2] as PromiseRejectedResult).reason as { code: string; message: string }
    expect(refusal.code).toBe('LIMIT_EXCEEDED')
    expect(refusal.message).toMatch(/already have 2 image operations running/)
    // The places are given back when the work ends, refused or not.
    await expectRefused(t.admin.call('images.edit', { fileId: file.id, ops: [{ op: 'resize', width: 20000, height: 20000 }] }), 'LIMIT_EXCEEDED')
    await Promise.all([edit(), edit()])
  })
})

import { buffer } from 'node:stream/consumers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { openContent } from '../../../main/core/files/contentAccess.js'
import { pngBase64, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { startS3, type TestS3 } from '../../support/s3.js'

/**
 * A library whose contents live in a bucket: every path to a file's bytes (reading, serving a
 * range, sniffing the type at upload, thumbnails and edits through sharp) goes through the
 * blob store, with no local blob folder to fall back on.
 */
describe('a library on the S3 engine', () => {
  let s3: TestS3
  let t: TempLibrary
  beforeEach(async () => {
    s3 = await startS3()
    t = await tempLibrary({ blobs: s3.open() })
  })
  afterEach(async () => {
    await t.close()
    await s3.close()
  })

  it('stores an upload in the bucket and reads, serves, thumbnails and edits it from there', async () => {
    const file = await t.admin.call('files.upload', { folderId: t.homeId, name: 'dot.png', base64: pngBase64(4, 6) })
    expect(file).toMatchObject({ mime: 'image/png', width: 4, height: 6 })
    // Another process on the bucket, with an empty cache, finds the same content.
    const elsewhere = s3.open()
    const record = t.library.core.store.tables.assets.get(file.id)!
    const version = record.kind === 'file' ? record.versions[0] : null
    expect(await elsewhere.has(version!.hash)).toBe(true)
    expect(await elsewhere.verify(version!.hash)).toBe(true)

    expect((await t.admin.call('files.read', { fileId: file.id })).base64).toBe(pngBase64(4, 6))
    const session = t.library.session(t.library.firstAdminId)
    const opened = openContent(t.library.core, session, file.id, { range: { start: 1, end: 3 } })
    expect((await buffer(opened.stream)).toString('latin1')).toBe('PNG')

    const thumb = await t.library.core.renditions.ensure(version!.hash, 'thumb', null)
    expect((await sharp(thumb).metadata()).format).toBe('webp')
    const edited = await t.admin.call('images.edit', { fileId: file.id, ops: [{ op: 'rotate', degrees: 90 }] })
    expect(edited).toMatchObject({ width: 6, height: 4 })
  })
})

import { buffer } from 'node:stream/consumers'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openRendition } from '../../../main/core/index.js'
import { squareAround } from '../../../main/core/media/thumbnails.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
let folderId: string
beforeEach(async () => {
  t = await tempLibrary()
  folderId = (await t.admin.call('folders.create', { parentId: t.homeId, name: 'Images' })).id
})
afterEach(async () => t.close())

const base = () => sharp({ create: { width: 600, height: 400, channels: 3, background: '#3366cc' } })
const FORMATS: [string, () => Promise<Buffer>][] = [
  ['photo.jpg', () => base().jpeg().toBuffer()],
  ['photo.png', () => base().png().toBuffer()],
  ['photo.webp', () => base().webp().toBuffer()],
  ['photo.avif', () => base().avif().toBuffer()],
  ['photo.gif', () => base().gif().toBuffer()],
  ['photo.tiff', () => base().tiff().toBuffer()],
  ['drawing.svg', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#36c"/></svg>')],
]

async function upload(name: string, bytes: Buffer) {
  return t.admin.call('files.upload', { folderId, name, base64: bytes.toString('base64') })
}

describe('thumbnails and previews', () => {
  it.each(FORMATS)('are made for %s: a 256 px square thumbnail and a preview no larger than the image', async (name, make) => {
    const file = await upload(name, await make())
    const thumb = await openRendition(t.library.core, t.admin.session, file.id, 'thumb')
    const thumbMeta = await sharp(await buffer(thumb.stream)).metadata()
    expect([thumbMeta.format, thumbMeta.width, thumbMeta.height]).toEqual(['webp', 256, 256])
    const preview = await openRendition(t.library.core, t.admin.session, file.id, 'preview')
    const previewMeta = await sharp(await buffer(preview.stream)).metadata()
    expect([previewMeta.width, previewMeta.height]).toEqual([600, 400])
  })

  it('are refused for a file that is not an image, and for a corrupt image, without a crash', async () => {
    const text = await upload('notes.txt', Buffer.from('plain words'))
    await expect(openRendition(t.library.core, t.admin.session, text.id, 'thumb')).rejects.toMatchObject({ code: 'NOT_FOUND', details: { reason: 'not-an-image' } })
    const good = await base().jpeg().toBuffer()
    const broken = Buffer.concat([good.subarray(0, 200), Buffer.alloc(300, 0)])
    const bad = await upload('broken.jpg', broken)
    expect(bad.mime).toBe('image/jpeg')
    await expect(openRendition(t.library.core, t.admin.session, bad.id, 'thumb')).rejects.toMatchObject({ code: 'NOT_FOUND', details: { reason: 'unreadable' } })
    // The library goes on serving others.
    const ok = await upload('fine.jpg', good)
    await expect(openRendition(t.library.core, t.admin.session, ok.id, 'thumb')).resolves.toMatchObject({ mime: 'image/webp' })
  })

  it('are centred on the focus area: a red mark at the right edge is in the thumbnail only with the focus there', async () => {
    const mark = await sharp({ create: { width: 100, height: 400, channels: 3, background: '#ff0000' } }).png().toBuffer()
    const image = await sharp({ create: { width: 1200, height: 400, channels: 3, background: '#ffffff' } }).composite([{ input: mark, left: 1100, top: 0 }]).png().toBuffer()
    const file = await upload('wide.png', image)
    const redShare = async () => {
      const r = await openRendition(t.library.core, t.admin.session, file.id, 'thumb')
      const { data, info } = await sharp(await buffer(r.stream)).raw().toBuffer({ resolveWithObject: true })
      let red = 0
      for (let i = 0; i < data.length; i += info.channels) if (data[i] > 200 && data[i + 1] < 80) red++
      return red / (info.width * info.height)
    }
    await t.admin.call('focus.set', { fileId: file.id, rect: { x: 0, y: 0, width: 0.1, height: 1 } })
    expect(await redShare()).toBe(0)
    await t.admin.call('focus.set', { fileId: file.id, rect: { x: 0.9, y: 0, width: 0.1, height: 1 } })
    expect(await redShare()).toBeGreaterThan(0.2)
  })

  it('are refused (as not found) to a user who cannot view the file', async () => {
    const file = await upload('private.png', await base().png().toBuffer())
    const bob = await t.admin.call('users.create', { name: 'Bob', email: 'bob@example.com', role: 'restricted' })
    await expect(openRendition(t.library.core, t.library.as(bob.id).session, file.id, 'thumb')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('squareAround', () => {
  it('keeps the square inside the image and centred on the focus where it can', () => {
    expect(squareAround({ x: 0.45, y: 0.4, width: 0.1, height: 0.2 }, 1000, 500)).toEqual({ left: 250, top: 0, width: 500, height: 500 })
    expect(squareAround({ x: 0.95, y: 0, width: 0.05, height: 1 }, 1000, 500)).toEqual({ left: 500, top: 0, width: 500, height: 500 })
  })
})

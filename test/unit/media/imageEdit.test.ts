import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => t.close())

/** A 300x200 JPEG: red left half, blue right half, so flips and crops can be checked by colour. */
async function twoTone(): Promise<string> {
  const left = await sharp({ create: { width: 150, height: 200, channels: 3, background: '#ff0000' } }).png().toBuffer()
  const image = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#0000ff' } })
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg()
    .toBuffer()
  return image.toString('base64')
}

async function upload(name = 'photo.jpg') {
  const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Shoot' })
  return t.admin.call('files.upload', { folderId: folder.id, name, base64: await twoTone() })
}

async function pixel(fileId: string, x: number, y: number) {
  const { base64 } = await t.admin.call('files.read', { fileId })
  const { data, info } = await sharp(Buffer.from(base64, 'base64')).raw().toBuffer({ resolveWithObject: true })
  const i = (y * info.width + x) * info.channels
  return { r: data[i], g: data[i + 1], b: data[i + 2] }
}

describe('images.edit', () => {
  it('crops, rotates and resizes in the order given, as a new version that can be restored', async () => {
    const file = await upload()
    const edited = await t.admin.call('images.edit', {
      fileId: file.id,
      ops: [
        { op: 'crop', x: 0, y: 0, width: 0.5, height: 1 },
        { op: 'rotate', degrees: 90 },
        { op: 'resize', width: 100 },
      ],
    })
    // 150x200 after the crop, 200x150 after rotating, 100x75 after the resize.
    expect(edited).toMatchObject({ currentVersion: 2, versionCount: 2, width: 100, height: 75, mime: 'image/jpeg' })
    const restored = await t.admin.call('files.restoreVersion', { fileId: file.id, version: 1 })
    expect(restored).toMatchObject({ currentVersion: 3, width: 300, height: 200 })
  })

  it('flips horizontally: the red half moves to the right', async () => {
    const file = await upload()
    expect((await pixel(file.id, 10, 100)).r).toBeGreaterThan(200)
    await t.admin.call('images.edit', { fileId: file.id, ops: [{ op: 'flip', axis: 'horizontal' }] })
    const left = await pixel(file.id, 10, 100)
    const right = await pixel(file.id, 290, 100)
    expect(left.b).toBeGreaterThan(200)
    expect(right.r).toBeGreaterThan(200)
  })

  it('converts the format and can save the result as a new file beside the original', async () => {
    const file = await upload()
    const copy = await t.admin.call('images.edit', { fileId: file.id, ops: [], format: 'png', saveAs: { newName: 'photo.png' } })
    expect(copy).toMatchObject({ name: 'photo.png', mime: 'image/png', width: 300, height: 200, currentVersion: 1 })
    const original = await t.admin.call('assets.get', { id: file.id })
    expect(original).toMatchObject({ currentVersion: 1, mime: 'image/jpeg' })
  })

  it('refuses a file that is not an image and changes nothing', async () => {
    const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Docs' })
    const text = await t.admin.call('files.upload', { folderId: folder.id, name: 'notes.txt', base64: Buffer.from('hello').toString('base64') })
    await expectRefused(t.admin.call('images.edit', { fileId: text.id, ops: [{ op: 'rotate', degrees: 90 }] }), 'INVALID_INPUT')
    expect((await t.admin.call('assets.get', { id: text.id })).versionCount).toBe(1)
  })
})

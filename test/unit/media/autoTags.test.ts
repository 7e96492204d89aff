import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { colourName } from '../../../main/core/extensions/palette.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => t.close())

async function uploadImage(name: string, image: Buffer) {
  const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: `f-${name}` })
  return t.admin.call('files.upload', { folderId: folder.id, name, base64: image.toString('base64') })
}

describe('auto tags', () => {
  it('names the dominant colour and the orientation of a generated image', async () => {
    const green = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#20c020' } }).png().toBuffer()
    const file = await uploadImage('field.png', green)
    const { suggestions } = await t.admin.call('extensions.autoTags', { fileId: file.id })
    expect(suggestions).toEqual(expect.arrayContaining(['landscape', 'green']))
    expect(suggestions).not.toContain('transparent')
  })

  it('says "transparent" where there is alpha, and "portrait" for a tall image', async () => {
    const clear = await sharp({ create: { width: 100, height: 300, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.2 } } }).png().toBuffer()
    const file = await uploadImage('glass.png', clear)
    const { suggestions } = await t.admin.call('extensions.autoTags', { fileId: file.id })
    expect(suggestions).toEqual(expect.arrayContaining(['portrait', 'transparent']))
  })

  it('reads camera, date taken and location from embedded EXIF', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#808080' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Fujifilm', Model: 'X-T5' }, IFD2: { DateTimeOriginal: '2024:03:15 10:20:30' } })
      .toBuffer()
    const file = await uploadImage('street.jpg', jpeg)
    const { suggestions } = await t.admin.call('extensions.autoTags', { fileId: file.id })
    expect(suggestions).toEqual(expect.arrayContaining(['Fujifilm', 'Fujifilm X-T5', '2024', 'march', 'square', 'gray']))
  })

  it('leaves out tags the file already has, and changes nothing by itself', async () => {
    const red = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#e01010' } }).png().toBuffer()
    const file = await uploadImage('red.png', red)
    await t.admin.call('tags.add', { ids: [file.id], tags: ['Red'] })
    const seq = t.library.core.store.seq
    const { suggestions } = await t.admin.call('extensions.autoTags', { fileId: file.id })
    expect(suggestions).toContain('square')
    expect(suggestions).not.toContain('red')
    expect(t.library.core.store.seq).toBe(seq)
  })
})

describe('colour names', () => {
  it.each([
    [[0, 0, 0], 'black'], [[255, 255, 255], 'white'], [[128, 128, 128], 'gray'], [[220, 20, 20], 'red'],
    [[250, 140, 0], 'orange'], [[240, 220, 20], 'yellow'], [[30, 180, 40], 'green'], [[20, 60, 220], 'blue'],
    [[130, 30, 200], 'purple'], [[110, 60, 20], 'brown'],
  ] as const)('%j is %s', (rgb, name) => {
    expect(colourName(rgb[0], rgb[1], rgb[2])).toBe(name)
  })
})

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backgroundProgress } from '../../../main/core/extensions/removeBackground.js'
import { expectRefused, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
beforeAll(async () => {
  t = await tempLibrary()
})
afterAll(async () => t.close())

/** A red disc on a light grey background: the model should keep the disc and drop the rest. */
async function discOnPlain(): Promise<string> {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#f2f2f2"/><circle cx="200" cy="150" r="90" fill="#d02020"/></svg>'
  return (await sharp(Buffer.from(svg)).jpeg().toBuffer()).toString('base64')
}

describe('remove background', () => {
  it('makes the corners transparent and keeps the subject opaque, as a new PNG version', { timeout: 180_000 }, async () => {
    const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Cut-outs' })
    const file = await t.admin.call('files.upload', { folderId: folder.id, name: 'disc.jpg', base64: await discOnPlain() })
    const done = await t.admin.call('extensions.removeBackground', { fileId: file.id })
    expect(done).toMatchObject({ currentVersion: 2, mime: 'image/png', width: 400, height: 300 })
    const { base64 } = await t.admin.call('files.read', { fileId: file.id })
    const { data, info } = await sharp(Buffer.from(base64, 'base64')).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
    const alpha = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3]
    for (const [x, y] of [[3, 3], [396, 3], [3, 296], [396, 296]]) expect(alpha(x, y)).toBeLessThan(20)
    expect(alpha(200, 150)).toBeGreaterThan(235)
    // The original is still there to restore.
    expect((await t.admin.call('files.versions', { fileId: file.id })).map((v) => v.mime)).toEqual(['image/png', 'image/jpeg'])
  })

  it('is refused below contribute without running the model', async () => {
    const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Viewers' })
    const file = await t.admin.call('files.upload', { folderId: folder.id, name: 'disc.jpg', base64: await discOnPlain() })
    const viewer = await t.admin.call('users.create', { name: 'Vera', email: 'vera@example.com', role: 'restricted' })
    await t.admin.call('sharing.set', { resourceId: folder.id, subjectId: viewer.id, level: 'view' })
    await expectRefused(t.library.as(viewer.id).call('extensions.removeBackground', { fileId: file.id }), 'FORBIDDEN')
    expect(await t.library.as(viewer.id).call('extensions.list', { fileId: file.id })).toEqual([])
    expect((await t.admin.call('extensions.list', { fileId: file.id })).map((e) => e.name)).toEqual(['autoTags', 'removeBackground'])
  })
})

describe('remove background, what it says and what it will not save unasked', () => {
  it('reads the model\'s progress as loading the model, over all its files, then working, with no total; the count never goes back', () => {
    const read = backgroundProgress()
    expect(read({ key: 'fetch:/models/a', current: 50, total: 200 })).toEqual({ stage: 'Loading the model', done: 50, total: 200 })
    expect(read({ key: 'fetch:/models/a', current: 200, total: 200 })).toEqual({ stage: 'Loading the model', done: 200, total: 200 })
    // A second file starts from its own nought: the job's count goes on from where it was.
    expect(read({ key: 'fetch:/models/b', current: 0, total: 100 })).toEqual({ stage: 'Loading the model', done: 200, total: 300 })
    expect(read({ key: 'fetch:/models/b', current: 100, total: 100 })).toEqual({ stage: 'Loading the model', done: 300, total: 300 })
    expect(read({ key: 'compute:inference', current: 0, total: 1 })).toEqual({ stage: 'Working', done: 300, total: 0 })
  })

  it('refuses a fully transparent result, saving nothing, until told to save it anyway', async () => {
    const empty = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer()
    const lib = await tempLibrary({ tools: { removeBackground: async () => empty } })
    try {
      const file = await lib.admin.call('files.upload', { folderId: lib.homeId, name: 'fog.jpg', base64: await discOnPlain() })
      const refusal = await expectRefused(lib.admin.call('extensions.removeBackground', { fileId: file.id }), 'CONFLICT')
      expect(refusal.details).toMatchObject({ fullyTransparent: true })
      expect(refusal.message).toContain('"fog.jpg"')
      expect(await lib.admin.call('files.versions', { fileId: file.id })).toHaveLength(1)
      const saved = await lib.admin.call('extensions.removeBackground', { fileId: file.id, saveIfEmpty: true })
      expect(saved).toMatchObject({ currentVersion: 2, mime: 'image/png' })
    } finally {
      await lib.close()
    }
  })

  it('saves a result with something left in it without asking', async () => {
    const half = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: { create: { width: 10, height: 10, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 1 } } }, left: 5, top: 5 }])
      .png()
      .toBuffer()
    const lib = await tempLibrary({ tools: { removeBackground: async () => half } })
    try {
      const file = await lib.admin.call('files.upload', { folderId: lib.homeId, name: 'dot.jpg', base64: await discOnPlain() })
      expect(await lib.admin.call('extensions.removeBackground', { fileId: file.id })).toMatchObject({ currentVersion: 2 })
    } finally {
      await lib.close()
    }
  })
})

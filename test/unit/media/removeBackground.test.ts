import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

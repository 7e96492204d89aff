import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pngBase64, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => t.close())

describe('a new library', () => {
  it('starts with Home and its first admin, and an upload is recognised from its content', async () => {
    const roots = await t.admin.call('assets.roots')
    expect(roots.map((r) => [r.name, r.path])).toEqual([['Home', '/']])
    const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Marketing' })
    const file = await t.admin.call('files.upload', { folderId: folder.id, name: 'logo.bin', base64: pngBase64(4, 5) })
    expect(file).toMatchObject({ path: '/Marketing/logo.bin', mime: 'image/png', width: 4, height: 5, level: 'manage' })
  })
})

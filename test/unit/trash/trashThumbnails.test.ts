import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openRendition } from '../../../main/core/index.js'
import { pngBase64, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary({ trashPurge: false })
})
afterEach(async () => t.close())

const restricted = async (name: string) => {
  const u = await t.admin.call('users.create', { name, email: `${name.toLowerCase()}@example.com`, role: 'restricted' })
  return t.library.as(u.id)
}

describe('thumbnails of what the trash lists', () => {
  it('are served to who sees the item in the trash, and to nobody else; nothing inside a trashed folder is', async () => {
    const brand = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Brand' })
    const logo = await t.admin.call('files.upload', { folderId: brand.id, name: 'logo.png', base64: pngBase64(8, 8) })
    const inner = await t.admin.call('folders.create', { parentId: brand.id, name: 'Inner' })
    const deep = await t.admin.call('files.upload', { folderId: inner.id, name: 'deep.png', base64: pngBase64(8, 8) })
    const mia = await restricted('Mia')
    const vic = await restricted('Vic')
    await t.admin.call('sharing.set', { resourceId: brand.id, subjectId: mia.session.userId!, level: 'manage' })
    await t.admin.call('sharing.set', { resourceId: brand.id, subjectId: vic.session.userId!, level: 'view' })
    await t.admin.call('assets.delete', { ids: [logo.id, inner.id] })

    const [item] = (await mia.call('trash.list')).filter((i) => i.id === logo.id)
    expect(item).toMatchObject({ mime: 'image/png', currentVersion: 1 })
    for (const who of [t.admin, mia]) expect((await openRendition(t.library.core, who.session, logo.id, 'thumb')).mime).toBe('image/webp')
    // Vic could only view it: the trash does not list it to him, and its picture is not found, as for what never was.
    expect(await vic.call('trash.list')).toEqual([])
    await expect(openRendition(t.library.core, vic.session, logo.id, 'thumb')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(openRendition(t.library.core, t.admin.session, deep.id, 'thumb')).rejects.toMatchObject({ code: 'NOT_FOUND' })

    await t.admin.call('trash.purge', { ids: [logo.id] })
    await expect(openRendition(t.library.core, t.admin.session, logo.id, 'thumb')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

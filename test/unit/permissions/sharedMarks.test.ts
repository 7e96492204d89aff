import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { folderChain, restrictedUser, textBase64 } from './fixtures.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => t.close())

describe('the shared mark and the subfolder mark on listed folders and files', () => {
  it('tells whether something is shared only to who may manage its sharing', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const vic = await restrictedUser(t, 'Vic')
    const [team] = await folderChain(t, ['Team'])
    const plans = await t.admin.call('folders.create', { parentId: team.id, name: 'Plans' })
    await t.admin.call('files.upload', { folderId: team.id, name: 'notes.txt', base64: textBase64('n') })
    await t.admin.call('sharing.set', { resourceId: team.id, subjectId: uma.id, level: 'view' })
    await t.admin.call('sharing.set', { resourceId: plans.id, subjectId: vic.id, level: 'manage' })
    const marks = (views: { name: string; shared?: boolean }[]) => Object.fromEntries(views.map((v) => [v.name, v.shared]))
    // The admin manages everything: Plans is shared, notes is not.
    expect(marks(await t.admin.call('assets.list', { folderId: team.id }))).toEqual({ Plans: true, 'notes.txt': false })
    // Uma only views: she is told nothing of grants to others, either way.
    expect(marks(await uma.as.call('assets.list', { folderId: team.id }))).toEqual({ Plans: undefined, 'notes.txt': undefined })
    // Vic manages Plans (his root): he may see its sharing, so he is told.
    expect(marks(await vic.as.call('assets.roots'))).toEqual({ Plans: true })
  })

  it('says whether a folder holds a folder, so a folder of files only has no expander', async () => {
    const [outer] = await folderChain(t, ['Outer'])
    const inner = await t.admin.call('folders.create', { parentId: outer.id, name: 'Inner' })
    await t.admin.call('files.upload', { folderId: inner.id, name: 'a.txt', base64: textBase64('a') })
    const [home] = await t.admin.call('assets.roots')
    expect(home.hasSubfolders).toBe(true)
    const [listedOuter] = await t.admin.call('assets.list', { folderId: home.id })
    expect([listedOuter.childCount, listedOuter.hasSubfolders]).toEqual([1, true])
    const [listedInner] = await t.admin.call('assets.list', { folderId: outer.id })
    expect([listedInner.childCount, listedInner.hasSubfolders]).toEqual([1, false])
    // Once its only folder goes (to the trash), it has none.
    await t.admin.call('assets.delete', { ids: [inner.id] })
    expect((await t.admin.call('assets.get', { id: outer.id })).hasSubfolders).toBe(false)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused, recordsOf, tempLibrary, type TempLibrary } from '../../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary({ trashPurge: false })
})
afterEach(async () => t.close())

const text = (s: string) => Buffer.from(s).toString('base64')

describe('a rename onto a name that is taken', () => {
  it('says what holds the name, as it is written, and how to get out of it; nothing changes', async () => {
    const brand = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Brand' })
    await t.admin.call('files.upload', { folderId: brand.id, name: 'Logo.PNG', base64: text('a') })
    const other = await t.admin.call('files.upload', { folderId: brand.id, name: 'other.png', base64: text('b') })
    await t.admin.call('folders.create', { parentId: brand.id, name: 'Old' })
    const before = recordsOf(t.library).assets
    const sameButCase = await expectRefused(t.admin.call('assets.rename', { id: other.id, name: 'logo.png' }), 'CONFLICT')
    expect(sameButCase.message).toBe('"Brand" already holds a file named "Logo.PNG", which counts as the same name as "logo.png". Choose another name, or rename or move that file first.')
    const folder = await expectRefused(t.admin.call('assets.rename', { id: other.id, name: 'Old' }), 'CONFLICT')
    expect(folder.message).toBe('"Brand" already holds a folder named "Old". Choose another name, or rename or move that folder first.')
    expect(recordsOf(t.library).assets).toEqual(before)
  })
})

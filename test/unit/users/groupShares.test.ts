import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => t.close())

describe("a group's page: what is shared with it", () => {
  it('lists each file, folder and collection granted to the group with its level, by path, for admins only', async () => {
    const group = await t.admin.call('groups.create', { name: 'Editors' })
    const brand = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Brand' })
    const logos = await t.admin.call('folders.create', { parentId: brand.id, name: 'Logos' })
    const kit = await t.admin.call('collections.create', { name: 'Press kit' })
    const other = await t.admin.call('groups.create', { name: 'Sales' })
    await t.admin.call('sharing.set', { resourceId: logos.id, subjectId: group.id, level: 'contribute' })
    await t.admin.call('sharing.set', { resourceId: kit.id, subjectId: group.id, level: 'view' })
    await t.admin.call('sharing.set', { resourceId: brand.id, subjectId: other.id, level: 'manage' })
    expect(await t.admin.call('groups.shares', { groupId: group.id })).toEqual([
      { resourceType: 'asset', resourceId: logos.id, name: '/Brand/Logos', kind: 'folder', level: 'contribute' },
      { resourceType: 'collection', resourceId: kit.id, name: 'Press kit', kind: 'collection', level: 'view' },
    ])
    // Deleted to the trash, a folder is shared with no one while it is there.
    await t.admin.call('assets.delete', { ids: [brand.id] })
    expect((await t.admin.call('groups.shares', { groupId: group.id })).map((s) => s.name)).toEqual(['Press kit'])

    const uma = await t.admin.call('users.create', { name: 'Uma', email: 'uma@example.com', role: 'restricted' })
    await t.admin.call('groups.addMembers', { groupId: group.id, userIds: [uma.id] })
    await expectRefused(t.library.as(uma.id).call('groups.shares', { groupId: group.id }), 'FORBIDDEN')
    await expectRefused(t.admin.call('groups.shares', { groupId: 'no-such-group' }), 'NOT_FOUND')
  })
})

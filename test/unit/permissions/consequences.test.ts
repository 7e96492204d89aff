import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../../main/core/index.js'
import { expectRefused, recordsOf, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { folderChain, restrictedUser, textBase64 } from './fixtures.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => t.close())

const upload = (folderId: string, name: string) => t.admin.call('files.upload', { folderId, name, base64: textBase64(name) })
const levelOf = async (as: Caller, id: string) => (await as.call('assets.get', { id })).level

describe('consequences of the permission rules (docs/permissions.md)', () => {
  it('only restricted users are limited; of the others, only an admin manages users, groups, roles and fields', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [secret] = await folderChain(t, ['Secret'])
    const file = await upload(secret.id, 'plan.txt')
    const collection = await t.admin.call('collections.create', { name: 'Private' })
    for (const role of ['developer', 'fullAccess'] as const) {
      const user = await t.admin.call('users.create', { name: `A ${role}`, email: `${role}@example.com`, role })
      const as = t.library.as(user.id)
      expect(await levelOf(as, file.id)).toBe('manage')
      await as.call('assets.rename', { id: file.id, name: `plan-${role}.txt` })
      await as.call('sharing.set', { resourceId: secret.id, subjectId: uma.id, level: 'view' })
      await as.call('sharing.remove', { resourceId: secret.id, subjectId: uma.id })
      await as.call('collections.rename', { collectionId: collection.id, name: `Private ${role}` })
      const before = recordsOf(t.library)
      await expectRefused(as.call('users.create', { name: 'Eve', email: 'eve@example.com', role: 'restricted' }), 'FORBIDDEN')
      await expectRefused(as.call('users.update', { userId: uma.id, role: 'admin' }), 'FORBIDDEN')
      await expectRefused(as.call('groups.create', { name: 'Design' }), 'FORBIDDEN')
      await expectRefused(as.call('metadata.defineField', { name: 'Campaign', type: 'text' }), 'FORBIDDEN')
      expect(recordsOf(t.library)).toEqual(before)
    }
  })

  it('a folder grant cascades to its subfolders and files', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [brand, logos, old] = await folderChain(t, ['Brand', 'Logos', 'Old'])
    const logo = await upload(old.id, 'logo.txt')
    await expectRefused(uma.as.call('assets.get', { id: logo.id }), 'NOT_FOUND')
    await t.admin.call('sharing.set', { resourceId: brand.id, subjectId: uma.id, level: 'contribute' })
    for (const id of [brand.id, logos.id, old.id, logo.id]) expect(await levelOf(uma.as, id)).toBe('contribute')
    expect((await uma.as.call('assets.list', { folderId: logos.id })).map((a) => [a.name, a.level])).toEqual([['Old', 'contribute']])
    // Contribute reaches the deepest folder: she may upload there.
    await uma.as.call('files.upload', { folderId: old.id, name: 'new.txt', base64: textBase64('new') })
  })

  it('a grant on a subfolder may raise the inherited level but not lower it, and the refusal names the level and its source', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [, brand, logos] = await folderChain(t, ['Marketing', 'Brand', 'Logos'])
    await t.admin.call('sharing.set', { resourceId: brand.id, subjectId: uma.id, level: 'contribute' })
    const before = recordsOf(t.library)
    const error = await expectRefused(t.admin.call('sharing.set', { resourceId: logos.id, subjectId: uma.id, level: 'view' }), 'CANNOT_LOWER')
    expect(error.message).toContain('contribute')
    expect(error.message).toContain('/Marketing/Brand')
    expect(error.details).toMatchObject({ inherited: 'contribute', sourceId: brand.id, sourcePath: '/Marketing/Brand' })
    expect(recordsOf(t.library)).toEqual(before)
    // Equal is accepted (and changes nothing about her level); higher raises it here only.
    await t.admin.call('sharing.set', { resourceId: logos.id, subjectId: uma.id, level: 'contribute' })
    const raised = await t.admin.call('sharing.set', { resourceId: logos.id, subjectId: uma.id, level: 'manage' })
    expect(raised.direct.map((g) => g.level)).toEqual(['manage'])
    expect(raised.inherited.map((g) => [g.subjectId, g.level, g.sourcePath])).toEqual([[uma.id, 'contribute', '/Marketing/Brand']])
    expect(await levelOf(uma.as, logos.id)).toBe('manage')
    expect(await levelOf(uma.as, brand.id)).toBe('contribute')
  })

  it('the same rule holds for a group, and for a level a user inherits as the creator of a folder', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const group = await t.admin.call('groups.create', { name: 'Design' })
    const [brand, logos] = await folderChain(t, ['Brand', 'Logos'])
    await t.admin.call('sharing.set', { resourceId: brand.id, subjectId: group.id, level: 'manage' })
    const error = await expectRefused(t.admin.call('sharing.set', { resourceId: logos.id, subjectId: group.id, level: 'contribute' }), 'CANNOT_LOWER')
    expect(error.details).toMatchObject({ inherited: 'manage', sourcePath: '/Brand' })
    await t.admin.call('sharing.set', { resourceId: brand.id, subjectId: uma.id, level: 'contribute' })
    const own = await uma.as.call('folders.create', { parentId: logos.id, name: 'Mine' })
    const inner = await t.admin.call('folders.create', { parentId: own.id, name: 'Inner' })
    const owned = await expectRefused(t.admin.call('sharing.set', { resourceId: inner.id, subjectId: uma.id, level: 'view' }), 'CANNOT_LOWER')
    expect(owned.details).toMatchObject({ inherited: 'manage', sourceId: own.id, sourcePath: '/Brand/Logos/Mine' })
  })

  it('the highest grant wins across several groups', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [photos] = await folderChain(t, ['Photos'])
    const levels = ['view', 'manage', 'contribute'] as const
    const groups = []
    for (const level of levels) {
      const group = await t.admin.call('groups.create', { name: `Team ${level}` })
      await t.admin.call('groups.addMembers', { groupId: group.id, userIds: [uma.id] })
      await t.admin.call('sharing.set', { resourceId: photos.id, subjectId: group.id, level })
      groups.push(group)
    }
    expect(await levelOf(uma.as, photos.id)).toBe('manage')
    await t.admin.call('groups.removeMembers', { groupId: groups[1].id, userIds: [uma.id] })
    expect(await levelOf(uma.as, photos.id)).toBe('contribute')
    await t.admin.call('groups.removeMembers', { groupId: groups[2].id, userIds: [uma.id] })
    expect(await levelOf(uma.as, photos.id)).toBe('view')
  })

  it('ownership is kept after the grant through which the user created the asset is revoked, down to what others put inside', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [shared] = await folderChain(t, ['Shared'])
    await t.admin.call('sharing.set', { resourceId: shared.id, subjectId: uma.id, level: 'contribute' })
    const mine = await uma.as.call('folders.create', { parentId: shared.id, name: 'Mine' })
    const [inner] = await folderChain(t, ['Inner'], mine.id)
    const theirs = await upload(inner.id, 'theirs.txt')
    await t.admin.call('sharing.remove', { resourceId: shared.id, subjectId: uma.id })
    await expectRefused(uma.as.call('assets.get', { id: shared.id }), 'NOT_FOUND')
    for (const id of [mine.id, inner.id, theirs.id]) expect(await levelOf(uma.as, id)).toBe('manage')
    expect((await uma.as.call('assets.roots')).map((r) => r.id)).toEqual([mine.id])
    await uma.as.call('assets.rename', { id: theirs.id, name: 'renamed.txt' })
    await uma.as.call('assets.delete', { ids: [inner.id] })
  })

  it('changing a restricted user to another role removes them from every group; changing back restores direct grants but no group membership', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [direct] = await folderChain(t, ['Direct'])
    const [viaGroup] = await folderChain(t, ['Via group'])
    const group = await t.admin.call('groups.create', { name: 'Design' })
    await t.admin.call('groups.addMembers', { groupId: group.id, userIds: [uma.id] })
    await t.admin.call('sharing.set', { resourceId: direct.id, subjectId: uma.id, level: 'contribute' })
    await t.admin.call('sharing.set', { resourceId: viaGroup.id, subjectId: group.id, level: 'view' })
    expect((await uma.as.call('assets.roots')).map((r) => r.id).sort()).toEqual([direct.id, viaGroup.id].sort())

    const promoted = await t.admin.call('users.update', { userId: uma.id, role: 'fullAccess' })
    expect(promoted.groupIds).toEqual([])
    expect((await t.admin.call('groups.list')).find((g) => g.id === group.id)!.memberIds).toEqual([])

    const back = await t.admin.call('users.update', { userId: uma.id, role: 'restricted' })
    expect(back.groupIds).toEqual([])
    expect((await uma.as.call('assets.roots')).map((r) => r.id)).toEqual([direct.id])
    expect(await levelOf(uma.as, direct.id)).toBe('contribute')
    await expectRefused(uma.as.call('assets.get', { id: viaGroup.id }), 'NOT_FOUND')
  })

  it('deleting a user removes them from every group', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const otto = await restrictedUser(t, 'Otto')
    const groups = [await t.admin.call('groups.create', { name: 'A' }), await t.admin.call('groups.create', { name: 'B' })]
    for (const g of groups) await t.admin.call('groups.addMembers', { groupId: g.id, userIds: [uma.id, otto.id] })
    await t.admin.call('users.delete', { userId: uma.id })
    for (const g of await t.admin.call('groups.list')) expect(g.memberIds).toEqual([otto.id])
    expect([...t.library.core.store.tables.memberships.values()].some((m) => m.userId === uma.id)).toBe(false)
  })

  it('deleting a group removes its grants: members keep only what was shared with them directly', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [onlyGroup] = await folderChain(t, ['Only group'])
    const [both] = await folderChain(t, ['Both'])
    const group = await t.admin.call('groups.create', { name: 'Design' })
    await t.admin.call('groups.addMembers', { groupId: group.id, userIds: [uma.id] })
    await t.admin.call('sharing.set', { resourceId: onlyGroup.id, subjectId: group.id, level: 'manage' })
    await t.admin.call('sharing.set', { resourceId: both.id, subjectId: group.id, level: 'manage' })
    await t.admin.call('sharing.set', { resourceId: both.id, subjectId: uma.id, level: 'view' })
    const collection = await t.admin.call('collections.create', { name: 'Group picks' })
    await t.admin.call('sharing.set', { resourceId: collection.id, subjectId: group.id, level: 'view' })

    await t.admin.call('groups.delete', { groupId: group.id })
    expect([...t.library.core.store.tables.grants.values()].filter((g) => g.subjectId === group.id)).toEqual([])
    expect((await t.admin.call('sharing.list', { resourceId: both.id })).direct.map((g) => g.subjectId)).toEqual([uma.id])
    await expectRefused(uma.as.call('assets.get', { id: onlyGroup.id }), 'NOT_FOUND')
    expect(await levelOf(uma.as, both.id)).toBe('view')
    expect(await uma.as.call('collections.list')).toEqual([])
  })

  it('a new restricted user sees an empty library', async () => {
    const [brand] = await folderChain(t, ['Brand'])
    await upload(brand.id, 'brand.txt')
    await t.admin.call('collections.create', { name: 'Launch' })
    const uma = await restrictedUser(t, 'Uma')
    expect(await uma.as.call('assets.roots')).toEqual([])
    expect(await uma.as.call('search.assets', { query: '' })).toEqual({ items: [], hasMore: false, total: 0 })
    expect(await uma.as.call('collections.list')).toEqual([])
    await expectRefused(uma.as.call('assets.list', { folderId: t.homeId }), 'NOT_FOUND')
  })

  it('Home cannot be shared with restricted users or groups', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const group = await t.admin.call('groups.create', { name: 'Design' })
    const before = recordsOf(t.library)
    for (const subjectId of [uma.id, group.id]) {
      for (const level of ['view', 'contribute', 'manage'] as const) {
        await expectRefused(t.admin.call('sharing.set', { resourceId: t.homeId, subjectId, level }), 'FORBIDDEN')
      }
    }
    expect(recordsOf(t.library)).toEqual(before)
    expect(await uma.as.call('assets.roots')).toEqual([])
  })

  it('access through a collection is view only, whatever the level on the collection', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [brand] = await folderChain(t, ['Brand'])
    const logo = await upload(brand.id, 'logo.txt')
    const collection = await t.admin.call('collections.create', { name: 'Launch' })
    await t.admin.call('collections.addAssets', { collectionIds: [collection.id], assetIds: [logo.id] })
    await t.admin.call('sharing.set', { resourceId: collection.id, subjectId: uma.id, level: 'manage' })
    expect(await uma.as.call('assets.get', { id: logo.id })).toMatchObject({ level: 'view', access: 'collection' })
    expect((await uma.as.call('files.read', { fileId: logo.id })).base64).toBe(textBase64('logo.txt'))
    await expectRefused(uma.as.call('tags.add', { ids: [logo.id], tags: ['x'] }), 'FORBIDDEN')
    await expectRefused(uma.as.call('assets.rename', { id: logo.id, name: 'y.txt' }), 'FORBIDDEN')
    await expectRefused(uma.as.call('sharing.set', { resourceId: logo.id, subjectId: uma.id, level: 'view' }), 'FORBIDDEN')
    // The folder the file sits in stays invisible: the collection holds the file only.
    await expectRefused(uma.as.call('assets.get', { id: brand.id }), 'NOT_FOUND')
  })

  it('removing a file from a collection leaves it reachable through its folder that is also in the collection', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [brand] = await folderChain(t, ['Brand'])
    const logo = await upload(brand.id, 'logo.txt')
    const guide = await upload(brand.id, 'guide.txt')
    const collection = await uma.as.call('collections.create', { name: 'Launch' })
    await t.admin.call('collections.addAssets', { collectionIds: [collection.id], assetIds: [brand.id, logo.id, guide.id] })
    const removed = await uma.as.call('collections.removeAssets', { collectionId: collection.id, assetIds: [logo.id] })
    expect(removed).toEqual({ removed: 1, stillReachable: [{ assetId: logo.id, viaAssetId: brand.id }] })
    expect(await uma.as.call('assets.get', { id: logo.id })).toMatchObject({ level: 'view', access: 'collection' })
    const other = await uma.as.call('collections.removeAssetFromCollections', { assetId: guide.id, collectionIds: [collection.id] })
    expect(other).toEqual({ removed: 1, stillReachable: [{ collectionId: collection.id, viaAssetId: brand.id }] })
    expect(await uma.as.call('collections.associations', { assetId: guide.id })).toMatchObject([{ collection: { id: collection.id }, viaAssetId: brand.id, direct: false }])
    // Once the folder goes too, nothing is left to reach them by.
    await uma.as.call('collections.removeAssets', { collectionId: collection.id, assetIds: [brand.id] })
    await expectRefused(uma.as.call('assets.get', { id: logo.id }), 'NOT_FOUND')
  })

  it('deleting an asset removes its grants and collection associations, also for everything inside a deleted folder', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [brand, logos] = await folderChain(t, ['Brand', 'Logos'])
    const logo = await upload(logos.id, 'logo.txt')
    const collection = await t.admin.call('collections.create', { name: 'Launch' })
    await t.admin.call('collections.addAssets', { collectionIds: [collection.id], assetIds: [logos.id, logo.id] })
    await t.admin.call('sharing.set', { resourceId: logos.id, subjectId: uma.id, level: 'view' })
    await t.admin.call('sharing.set', { resourceId: logo.id, subjectId: uma.id, level: 'manage' })
    await t.admin.call('assets.delete', { ids: [brand.id] })
    const { grants, associations } = t.library.core.store.tables
    expect([...grants.values()].filter((g) => g.resourceType === 'asset')).toEqual([])
    expect([...associations.values()]).toEqual([])
    expect(await t.admin.call('collections.get', { collectionId: collection.id })).toMatchObject({ assetCount: 0 })
    expect(await uma.as.call('assets.roots')).toEqual([])
  })

  it('deleting a collection touches no asset', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [brand] = await folderChain(t, ['Brand'])
    const logo = await upload(brand.id, 'logo.txt')
    const collection = await uma.as.call('collections.create', { name: 'Launch' })
    await t.admin.call('collections.addAssets', { collectionIds: [collection.id], assetIds: [brand.id, logo.id] })
    await uma.as.call('sharing.set', { resourceId: collection.id, subjectId: (await restrictedUser(t, 'Otto')).id, level: 'view' })
    const assetsBefore = recordsOf(t.library).assets
    await uma.as.call('collections.delete', { collectionId: collection.id })
    expect(recordsOf(t.library).assets).toEqual(assetsBefore)
    const { grants, associations } = t.library.core.store.tables
    expect([...associations.values()]).toEqual([])
    expect([...grants.values()].filter((g) => g.resourceId === collection.id)).toEqual([])
    // Her only way to the files was the collection.
    await expectRefused(uma.as.call('assets.get', { id: logo.id }), 'NOT_FOUND')
  })

  it("a restricted user's roots are the highest assets they can see, never Home", async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [, team, deep] = await folderChain(t, ['Secret', 'Team', 'Deep'])
    const [other] = await folderChain(t, ['Other'])
    const loose = await upload(other.id, 'loose.txt')
    const [inCollection] = await folderChain(t, ['Listed'], other.id)
    await t.admin.call('sharing.set', { resourceId: team.id, subjectId: uma.id, level: 'view' })
    await t.admin.call('sharing.set', { resourceId: deep.id, subjectId: uma.id, level: 'manage' })
    await t.admin.call('sharing.set', { resourceId: loose.id, subjectId: uma.id, level: 'contribute' })
    const collection = await t.admin.call('collections.create', { name: 'Launch' })
    await t.admin.call('collections.addAssets', { collectionIds: [collection.id], assetIds: [inCollection.id] })
    await t.admin.call('sharing.set', { resourceId: collection.id, subjectId: uma.id, level: 'view' })
    const roots = await uma.as.call('assets.roots')
    // Folders above a share are not named to her: their part of the path collapses to "…".
    expect(roots.map((r) => [r.name, r.path]).sort()).toEqual([['Listed', '…/Listed'], ['Team', '…/Team'], ['loose.txt', '…/loose.txt']])
    // Sharing the parent of a root makes the parent the root instead.
    await t.admin.call('sharing.set', { resourceId: other.id, subjectId: uma.id, level: 'view' })
    expect((await uma.as.call('assets.roots')).map((r) => r.name).sort()).toEqual(['Other', 'Team'])
  })

  it('creating, uploading or copying into a folder needs contribute there; moving needs manage on the asset and contribute on the destination', async () => {
    const uma = await restrictedUser(t, 'Uma')
    const [source] = await folderChain(t, ['Source'])
    const [viewOnly] = await folderChain(t, ['View only'])
    const [open] = await folderChain(t, ['Open'])
    const file = await upload(source.id, 'file.txt')
    await t.admin.call('sharing.set', { resourceId: source.id, subjectId: uma.id, level: 'manage' })
    await t.admin.call('sharing.set', { resourceId: viewOnly.id, subjectId: uma.id, level: 'view' })
    await t.admin.call('sharing.set', { resourceId: open.id, subjectId: uma.id, level: 'contribute' })
    const before = recordsOf(t.library)
    await expectRefused(uma.as.call('folders.create', { parentId: viewOnly.id, name: 'New' }), 'FORBIDDEN')
    await expectRefused(uma.as.call('files.upload', { folderId: viewOnly.id, name: 'n.txt', base64: textBase64('n') }), 'FORBIDDEN')
    await expectRefused(uma.as.call('assets.copy', { ids: [file.id], targetFolderId: viewOnly.id }), 'FORBIDDEN')
    await expectRefused(uma.as.call('assets.move', { ids: [file.id], targetFolderId: viewOnly.id }), 'FORBIDDEN')
    await expectRefused(uma.as.call('assets.move', { ids: [file.id], targetFolderId: t.homeId }), 'NOT_FOUND')
    expect(recordsOf(t.library)).toEqual(before)
    expect((await uma.as.call('assets.move', { ids: [file.id], targetFolderId: open.id }))[0].path).toBe('/Open/file.txt')
    // In Open she has contribute only, so the file cannot be moved on from there.
    expect(await levelOf(uma.as, file.id)).toBe('contribute')
    await expectRefused(uma.as.call('assets.move', { ids: [file.id], targetFolderId: source.id }), 'FORBIDDEN')
  })
})

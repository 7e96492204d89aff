import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openContent, openRendition, type Caller } from '../../../main/core/index.js'
import type { Id } from '../../../shared/domain.js'
import { expectRefused, pngBase64, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary({ trashPurge: false })
})
afterEach(async () => t.close())

const text = (s: string) => Buffer.from(s).toString('base64')

/** Every record in the library that names one of `ids`, by table, as compared before and after. */
function recordsNaming(ids: Set<Id>) {
  const { tables } = t.library.core.store
  const byId = <R extends { id: Id }>(rows: R[]) => rows.sort((a, b) => a.id.localeCompare(b.id))
  return {
    assets: byId([...tables.assets.values()].filter((a) => ids.has(a.id))),
    comments: byId([...tables.comments.values()].filter((c) => ids.has(c.fileId))),
    grants: byId([...tables.grants.values()].filter((g) => ids.has(g.resourceId))),
    associations: byId([...tables.associations.values()].filter((a) => ids.has(a.assetId))),
  }
}

async function restrictedUser(name: string): Promise<{ id: Id; as: Caller }> {
  const u = await t.admin.call('users.create', { name, email: `${name.toLowerCase()}@example.com`, role: 'restricted' })
  return { id: u.id, as: t.library.as(u.id) }
}

/** Brand/{Logos/{logo.png (2 versions)}, notes.txt} with tags, a field value, a comment, grants to a user and a group, and collection links. */
async function brandTree() {
  const uma = await restrictedUser('Uma')
  const group = await t.admin.call('groups.create', { name: 'Design' })
  const brand = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Brand' })
  const logos = await t.admin.call('folders.create', { parentId: brand.id, name: 'Logos' })
  const logo = await t.admin.call('files.upload', { folderId: logos.id, name: 'logo.png', base64: pngBase64(4, 4) })
  await t.admin.call('files.uploadVersion', { fileId: logo.id, base64: pngBase64(6, 6) })
  const notes = await t.admin.call('files.upload', { folderId: brand.id, name: 'notes.txt', base64: text('brand notes') })
  await t.admin.call('tags.add', { ids: [logo.id], tags: ['blue'] })
  const field = await t.admin.call('metadata.defineField', { name: 'Rating', type: 'number' })
  await t.admin.call('metadata.set', { fileId: logo.id, values: { [field.id]: 5 } })
  await t.admin.call('comments.add', { fileId: logo.id, text: 'Looks good' })
  await t.admin.call('sharing.set', { resourceId: brand.id, subjectId: uma.id, level: 'view' })
  await t.admin.call('sharing.set', { resourceId: logo.id, subjectId: group.id, level: 'contribute' })
  const launch = await t.admin.call('collections.create', { name: 'Launch' })
  await t.admin.call('collections.addAssets', { collectionIds: [launch.id], assetIds: [logo.id, logos.id] })
  return { uma, group, brand, logos, logo, notes, field, launch, ids: new Set([brand.id, logos.id, logo.id, notes.id]) }
}

describe('the trash round trip', () => {
  it('deleting a folder sends it and everything below to the trash, and a restore gives every record back with the same ids', async () => {
    const w = await brandTree()
    const before = structuredClone(recordsNaming(w.ids))
    expect(before.comments).toHaveLength(1)
    expect(before.grants).toHaveLength(2)
    expect(before.associations).toHaveLength(2)

    const { deleted } = await t.admin.call('assets.delete', { ids: [w.brand.id] })
    expect(new Set(deleted)).toEqual(w.ids)
    expect(recordsNaming(w.ids)).toEqual({ assets: [], comments: [], grants: [], associations: [] })
    const [item, ...others] = await t.admin.call('trash.list')
    expect(others).toEqual([])
    expect(item).toMatchObject({ id: w.brand.id, kind: 'folder', name: 'Brand', fromPath: '/', count: 4, trashedBy: { name: 'Ada' } })

    const { restored } = await t.admin.call('trash.restore', { ids: [w.brand.id] })
    expect(restored.map((a) => [a.id, a.path])).toEqual([[w.brand.id, '/Brand']])
    expect(recordsNaming(w.ids)).toEqual(before)
    expect(await t.admin.call('trash.list')).toEqual([])
    // The restored records work as before: the versions' bytes, the collection, the grants.
    expect((await t.admin.call('files.read', { fileId: w.logo.id, version: 1 })).base64).toBe(pngBase64(4, 4))
    expect((await t.admin.call('collections.assets', { collectionId: w.launch.id })).map((a) => a.id).sort()).toEqual([w.logo.id, w.logos.id].sort())
    expect((await w.uma.as.call('assets.roots')).map((a) => a.id)).toEqual([w.brand.id])
  })

  it('a single file comes back with its versions, tags, metadata, comments, grants and collection links', async () => {
    const w = await brandTree()
    const before = structuredClone(recordsNaming(new Set([w.logo.id])))
    await t.admin.call('assets.delete', { ids: [w.logo.id] })
    expect((await t.admin.call('trash.list')).map((i) => [i.name, i.fromPath])).toEqual([['logo.png', '/Brand/Logos']])
    await t.admin.call('trash.restore', { ids: [w.logo.id] })
    expect(recordsNaming(new Set([w.logo.id]))).toEqual(before)
  })

  it('a file whose folder went to the trash after it comes back with that folder', async () => {
    const w = await brandTree()
    await t.admin.call('assets.delete', { ids: [w.logo.id] })
    await t.admin.call('assets.delete', { ids: [w.brand.id] })
    await t.admin.call('trash.restore', { ids: [w.logo.id] })
    expect((await t.admin.call('assets.get', { id: w.logo.id })).path).toBe('/Brand/Logos/logo.png')
    expect((await t.admin.call('assets.get', { id: w.notes.id })).path).toBe('/Brand/notes.txt')
    expect(await t.admin.call('trash.list')).toEqual([])
  })

  it('a file whose folder was purged comes back into Home, and a name taken meanwhile gets " (restored)"', async () => {
    const w = await brandTree()
    await t.admin.call('assets.delete', { ids: [w.logo.id] })
    await t.admin.call('assets.delete', { ids: [w.brand.id] })
    await t.admin.call('trash.purge', { ids: [w.brand.id] })
    await t.admin.call('files.upload', { folderId: t.homeId, name: 'LOGO.png', base64: text('another') })
    await t.admin.call('trash.restore', { ids: [w.logo.id] })
    const back = await t.admin.call('assets.get', { id: w.logo.id })
    expect([back.parentId, back.name]).toEqual([t.homeId, 'logo (restored).png'])
    // Collection links and grants survive; the field's value too.
    expect((await t.admin.call('collections.assets', { collectionId: w.launch.id })).map((a) => a.id)).toEqual([w.logo.id])
  })

  it('links to a collection, group and field deleted meanwhile are left behind', async () => {
    const w = await brandTree()
    await t.admin.call('assets.delete', { ids: [w.logo.id] })
    await t.admin.call('collections.delete', { collectionId: w.launch.id })
    await t.admin.call('groups.delete', { groupId: w.group.id })
    await t.admin.call('metadata.deleteField', { fieldId: w.field.id })
    await t.admin.call('trash.restore', { ids: [w.logo.id] })
    const after = recordsNaming(new Set([w.logo.id]))
    expect(after.associations).toEqual([])
    expect(after.grants).toEqual([])
    expect(after.assets[0]).toMatchObject({ metadata: {} })
    expect(after.comments).toHaveLength(1)
  })

  it('a restore or purge naming anything not in the trash changes nothing', async () => {
    const w = await brandTree()
    await t.admin.call('assets.delete', { ids: [w.logo.id] })
    const seq = t.library.core.store.seq
    await expectRefused(t.admin.call('trash.restore', { ids: [w.logo.id, w.notes.id] }), 'NOT_FOUND')
    await expectRefused(t.admin.call('trash.purge', { ids: [w.logo.id, 'no-such-id'] }), 'NOT_FOUND')
    expect(t.library.core.store.seq).toBe(seq)
  })
})

describe('trashed items are absent everywhere', () => {
  it('from listings, search, collections, zips, thumbnails and file bytes, for an admin and a restricted user alike', async () => {
    const w = await brandTree()
    await t.admin.call('assets.delete', { ids: [w.logos.id] })
    for (const who of [t.admin, w.uma.as]) {
      const listed = await who.call('assets.list', { folderId: w.brand.id })
      expect(listed.map((a) => a.name)).toEqual(['notes.txt'])
      expect((await who.call('search.assets', { query: 'logo' })).items).toEqual([])
      await expectRefused(who.call('assets.get', { id: w.logo.id }), 'NOT_FOUND')
      await expectRefused(who.call('files.read', { fileId: w.logo.id }), 'NOT_FOUND')
      await expectRefused(who.call('downloads.plan', { assetIds: [w.logos.id] }), 'NOT_FOUND')
      expect(() => openContent(t.library.core, who.session, w.logo.id)).toThrow(/No file or folder/)
      await expect(openRendition(t.library.core, who.session, w.logo.id, 'thumb')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    }
    expect(await t.admin.call('collections.assets', { collectionId: w.launch.id })).toEqual([])
    expect(await t.admin.call('collections.get', { collectionId: w.launch.id })).toMatchObject({ assetCount: 0 })
    expect(await t.admin.call('downloads.plan', { assetIds: [w.brand.id] })).toMatchObject({ fileCount: 1 })
  })

  it('keeps the blobs of trashed files through garbage collection until they are purged', async () => {
    const file = await t.admin.call('files.upload', { folderId: t.homeId, name: 'kept.txt', base64: text('kept until purged') })
    const hash = t.library.core.store.tables.assets.get(file.id)!
    const blob = hash.kind === 'file' ? hash.versions[0].hash : ''
    await t.admin.call('assets.delete', { ids: [file.id] })
    await t.library.collectOrphans()
    await t.library.collectGarbage()
    expect(await t.library.core.blobs.has(blob)).toBe(true)
    await t.admin.call('trash.purge', { ids: [file.id] })
    await t.library.collectOrphans()
    expect(await t.library.core.blobs.has(blob)).toBe(false)
  })
})

describe('who sees and purges what in the trash', () => {
  it('full roles see everything; a restricted user sees what they could manage when it was deleted', async () => {
    const w = await brandTree()
    const vera = await restrictedUser('Vera')
    await t.admin.call('sharing.set', { resourceId: w.brand.id, subjectId: vera.id, level: 'manage' })
    const fran = await t.admin.call('users.create', { name: 'Fran', email: 'fran@example.com', role: 'fullAccess' })
    await t.admin.call('assets.delete', { ids: [w.notes.id] })
    await vera.as.call('assets.delete', { ids: [w.logo.id] })
    // Uma could only view Brand: nothing of it in her trash, and what she cannot see is missing.
    expect(await w.uma.as.call('trash.list')).toEqual([])
    await expectRefused(w.uma.as.call('trash.purge', { ids: [w.notes.id] }), 'NOT_FOUND')
    await expectRefused(w.uma.as.call('trash.restore', { ids: [w.notes.id] }), 'NOT_FOUND')
    expect((await vera.as.call('trash.list')).map((i) => [i.name, i.fromPath]).sort()).toEqual([['logo.png', '/Brand/Logos'], ['notes.txt', '/Brand']])
    expect((await t.library.as(fran.id).call('trash.list')).map((i) => i.name).sort()).toEqual(['logo.png', 'notes.txt'])
    // Vera keeps what she could manage then, even once the grant is gone.
    await t.admin.call('sharing.remove', { resourceId: w.brand.id, subjectId: vera.id })
    expect((await vera.as.call('trash.list')).map((i) => [i.name, i.fromPath]).sort()).toEqual([['logo.png', null], ['notes.txt', null]])
    expect(await vera.as.call('trash.empty')).toEqual({ purged: expect.arrayContaining([w.notes.id, w.logo.id]) })
    expect(await t.admin.call('trash.list')).toEqual([])
  })

  it('a restricted user emptying the trash purges only what they may see there', async () => {
    const uma = await restrictedUser('Uma')
    const mine = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Mine' })
    await t.admin.call('sharing.set', { resourceId: mine.id, subjectId: uma.id, level: 'contribute' })
    const own = await uma.as.call('files.upload', { folderId: mine.id, name: 'own.txt', base64: text('own') })
    const other = await t.admin.call('files.upload', { folderId: t.homeId, name: 'other.txt', base64: text('other') })
    await uma.as.call('assets.delete', { ids: [own.id] })
    await t.admin.call('assets.delete', { ids: [other.id] })
    expect((await uma.as.call('trash.list')).map((i) => i.id)).toEqual([own.id])
    expect(await uma.as.call('trash.empty')).toEqual({ purged: [own.id] })
    expect((await t.admin.call('trash.list')).map((i) => i.id)).toEqual([other.id])
  })

  it('only an administrator sets how long the trash keeps items', async () => {
    const uma = await restrictedUser('Uma')
    expect(await uma.as.call('trash.settings')).toEqual({ retentionDays: 30 })
    await expectRefused(uma.as.call('trash.setSettings', { retentionDays: 3 }), 'FORBIDDEN')
    await t.admin.call('trash.setSettings', { retentionDays: 3 })
    expect(await uma.as.call('trash.settings')).toEqual({ retentionDays: 3 })
  })
})

describe('trash events', () => {
  it('a restricted user hears of the trash only about what they may see there', async () => {
    const uma = await restrictedUser('Uma')
    const mine = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Mine' })
    await t.admin.call('sharing.set', { resourceId: mine.id, subjectId: uma.id, level: 'contribute' })
    const own = await uma.as.call('files.upload', { folderId: mine.id, name: 'own.txt', base64: text('own') })
    const hidden = await t.admin.call('files.upload', { folderId: t.homeId, name: 'hidden.txt', base64: text('hidden') })
    const heard: { tables: string[]; assetIds: string[] }[] = []
    uma.as.subscribe('library.changed', (e) => heard.push({ tables: e.tables, assetIds: e.assetIds }))
    await t.admin.call('assets.delete', { ids: [hidden.id] })
    await t.admin.call('trash.purge', { ids: [hidden.id] })
    expect(heard).toEqual([])
    await t.admin.call('assets.delete', { ids: [own.id] })
    expect(heard).toEqual([{ tables: expect.arrayContaining(['assets', 'trash']), assetIds: [own.id] }])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { folderChain, restrictedUser, textBase64, type Person } from './fixtures.js'

let t: TempLibrary
let uma: Person
/** /Secret/Shared is shared with Uma (view), /Open with her (contribute); /Other/logo.txt reaches her through a collection. */
let secret: { id: string }
let shared: { id: string }
let open: { id: string }
let other: { id: string }
let logo: { id: string }
let collectionId: string

beforeEach(async () => {
  t = await tempLibrary()
  uma = await restrictedUser(t, 'Uma')
  ;[secret, shared] = await folderChain(t, ['Secret', 'Shared'])
  ;[open] = await folderChain(t, ['Open'])
  ;[other] = await folderChain(t, ['Other'])
  logo = await t.admin.call('files.upload', { folderId: other.id, name: 'logo.txt', base64: textBase64('logo') })
  await t.admin.call('sharing.set', { resourceId: shared.id, subjectId: uma.id, level: 'view' })
  await t.admin.call('sharing.set', { resourceId: open.id, subjectId: uma.id, level: 'contribute' })
  const collection = await t.admin.call('collections.create', { name: 'Launch' })
  collectionId = collection.id
  await t.admin.call('collections.addAssets', { collectionIds: [collection.id], assetIds: [logo.id] })
  await t.admin.call('sharing.set', { resourceId: collection.id, subjectId: uma.id, level: 'view' })
})
afterEach(async () => t.close())

const expectNoHidden = (value: unknown) => {
  const text = JSON.stringify(value)
  for (const [what, id] of [['Home', t.homeId], ['Secret', secret.id], ['Other', other.id]]) expect(text, `names ${what}`).not.toContain(id)
}

describe('a restricted user is never given the id of a folder she cannot view as a parent', () => {
  it('in her roots, and in the views of those roots wherever they come back', async () => {
    const roots = await uma.as.call('assets.roots')
    expectNoHidden(roots)
    expect(roots.map((r) => [r.name, r.parentId]).sort()).toEqual([['Open', null], ['Shared', null], ['logo.txt', null]])
    expectNoHidden(await uma.as.call('assets.get', { id: shared.id }))
    expectNoHidden(await uma.as.call('assets.get', { id: logo.id }))
    // The admin sees the real parents.
    expect((await t.admin.call('assets.get', { id: shared.id })).parentId).toBe(secret.id)
  })

  it('in breadcrumbs, search hits and a collection’s assets; children of a folder she sees keep their parent', async () => {
    const [inner] = await folderChain(t, ['Inner'], shared.id)
    const deep = await t.admin.call('files.upload', { folderId: inner.id, name: 'deep.txt', base64: textBase64('deep') })
    const crumbs = await uma.as.call('assets.breadcrumbs', { id: deep.id })
    expectNoHidden(crumbs)
    expect(crumbs.map((c) => [c.id, c.parentId])).toEqual([[shared.id, null], [inner.id, shared.id]])
    const hits = await uma.as.call('search.assets', { query: '' })
    expectNoHidden(hits)
    expect(hits.items.find((h) => h.id === deep.id)?.parentId).toBe(inner.id)
    const inCollection = await uma.as.call('collections.assets', { collectionId })
    expectNoHidden(inCollection)
    expect(inCollection.map((a) => [a.id, a.parentId])).toEqual([[logo.id, null]])
    expect((await uma.as.call('assets.list', { folderId: shared.id })).map((a) => a.parentId)).toEqual([shared.id])
  })

  it('in what her own changes answer with', async () => {
    await t.admin.call('sharing.set', { resourceId: open.id, subjectId: uma.id, level: 'manage' })
    const renamed = await uma.as.call('assets.rename', { id: open.id, name: 'Opened' })
    expectNoHidden(renamed)
    expect(renamed.parentId).toBeNull()
    const mine = await uma.as.call('folders.create', { parentId: open.id, name: 'Mine' })
    expect(mine.parentId).toBe(open.id)
    const [copy] = await uma.as.call('assets.copy', { ids: [mine.id], targetFolderId: open.id })
    expect(copy.parentId).toBe(open.id)
  })
})

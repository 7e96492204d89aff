import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller } from '../../../main/core/index.js'
import { pngBase64 } from '../../support/tempLibrary.js'
import { UNKNOWN } from './cases.js'
import { makeWorld, refusedUnchanged, type World } from './world.js'

/**
 * docs/architecture.md: every multi-item request is all-or-nothing. One forbidden, unknown or
 * clashing item among several refuses the whole request, and nothing at all changes.
 * Rita (restricted) manages what she created, contributes to Marketing, views Lookbook,
 * and cannot see Secret.
 */
let w: World
let rita: Caller
let mine: { folderId: string; fileId: string; otherId: string; collectionId: string }
let lookFileId: string
let secretFileId: string

beforeAll(async () => {
  w = await makeWorld()
  rita = w.as('rita')
  const lookbook = await w.admin.call('folders.create', { parentId: w.homeId, name: 'Lookbook' })
  lookFileId = (await w.admin.call('files.upload', { folderId: lookbook.id, name: 'look.png', base64: pngBase64() })).id
  await w.admin.call('sharing.set', { resourceId: lookbook.id, subjectId: w.rita.id, level: 'view' })
  const secret = await w.admin.call('folders.create', { parentId: w.homeId, name: 'Secret' })
  secretFileId = (await w.admin.call('files.upload', { folderId: secret.id, name: 'secret.png', base64: pngBase64() })).id
  await w.admin.call('sharing.set', { resourceId: w.collectionId, subjectId: w.rita.id, level: 'view' })
  const folder = await rita.call('folders.create', { parentId: w.marketingId, name: 'Mine' })
  const file = await rita.call('files.upload', { folderId: folder.id, name: 'mine.png', base64: pngBase64() })
  const other = await rita.call('files.upload', { folderId: folder.id, name: 'other.png', base64: pngBase64() })
  const collection = await rita.call('collections.create', { name: 'Rita picks' })
  mine = { folderId: folder.id, fileId: file.id, otherId: other.id, collectionId: collection.id }
})
afterAll(async () => w.close())

describe('multi-item requests are all or nothing', () => {
  it('assets.move: one item the caller may not move refuses the others too', async () => {
    await refusedUnchanged(w.library, rita, 'assets.move', { ids: [mine.fileId, w.logoId], targetFolderId: w.brandId }, 'FORBIDDEN')
    await refusedUnchanged(w.library, rita, 'assets.move', { ids: [mine.fileId, secretFileId], targetFolderId: w.brandId }, 'NOT_FOUND')
    await refusedUnchanged(w.library, w.admin, 'assets.move', { ids: [w.notesId, UNKNOWN], targetFolderId: w.brandId }, 'NOT_FOUND')
  })

  it('assets.move: one name clash in the target refuses the others too', async () => {
    const clash = await w.admin.call('files.upload', { folderId: w.brandId, name: 'NOTES.TXT', base64: pngBase64() })
    await refusedUnchanged(w.library, w.admin, 'assets.move', { ids: [w.logoId, w.notesId], targetFolderId: w.brandId }, 'CONFLICT')
    await w.admin.call('assets.delete', { ids: [clash.id] })
  })

  it('assets.copy: one item the caller cannot see refuses the others too', async () => {
    await refusedUnchanged(w.library, rita, 'assets.copy', { ids: [mine.fileId, secretFileId], targetFolderId: mine.folderId }, 'NOT_FOUND')
    await refusedUnchanged(w.library, w.admin, 'assets.copy', { ids: [w.logoId, UNKNOWN], targetFolderId: w.brandId }, 'NOT_FOUND')
  })

  it('assets.delete: one item the caller may not delete refuses the others too', async () => {
    await refusedUnchanged(w.library, rita, 'assets.delete', { ids: [mine.fileId, w.logoId] }, 'FORBIDDEN')
    await refusedUnchanged(w.library, rita, 'assets.delete', { ids: [mine.fileId, lookFileId] }, 'FORBIDDEN')
    await refusedUnchanged(w.library, w.admin, 'assets.delete', { ids: [w.notesId, UNKNOWN] }, 'NOT_FOUND')
  })

  it('tags.add and tags.remove: one file the caller may not tag refuses the others too', async () => {
    await refusedUnchanged(w.library, rita, 'tags.add', { ids: [mine.fileId, lookFileId], tags: ['red'] }, 'FORBIDDEN')
    await refusedUnchanged(w.library, rita, 'tags.add', { ids: [mine.fileId, secretFileId], tags: ['red'] }, 'NOT_FOUND')
    await refusedUnchanged(w.library, w.admin, 'tags.add', { ids: [w.logoId, UNKNOWN], tags: ['red'] }, 'NOT_FOUND')
    await refusedUnchanged(w.library, rita, 'tags.remove', { ids: [mine.fileId, lookFileId], tags: ['red'] }, 'FORBIDDEN')
  })

  it('tags.add: one file over its tag limit refuses the others too', async () => {
    const many = Array.from({ length: 100 }, (_, i) => `tag ${i}`)
    for (let round = 0; round < 5; round++) {
      await w.admin.call('tags.add', { ids: [mine.otherId], tags: many.map((tag) => `${tag}.${round}`) })
    }
    const error = await refusedUnchanged(w.library, w.admin, 'tags.add', { ids: [mine.fileId, mine.otherId], tags: ['one more'] }, 'LIMIT_EXCEEDED')
    expect(error.message).toMatch(/500/)
  })

  it('collections.addAssets: one asset or collection the caller may not use refuses the others too', async () => {
    const add = (collectionIds: string[], assetIds: string[]) => ({ collectionIds, assetIds })
    // Lookbook is view only: adding needs contribute on each asset.
    await refusedUnchanged(w.library, rita, 'collections.addAssets', add([mine.collectionId], [mine.fileId, lookFileId]), 'FORBIDDEN')
    // Launch is view only for Rita: adding needs contribute on each collection.
    await refusedUnchanged(w.library, rita, 'collections.addAssets', add([mine.collectionId, w.collectionId], [mine.fileId]), 'FORBIDDEN')
    await refusedUnchanged(w.library, rita, 'collections.addAssets', add([mine.collectionId], [mine.fileId, secretFileId]), 'NOT_FOUND')
    await refusedUnchanged(w.library, w.admin, 'collections.addAssets', add([w.collectionId, UNKNOWN], [w.notesId]), 'NOT_FOUND')
  })

  it('collections.removeAssets and removeAssetFromCollections: one item that is not there refuses the others too', async () => {
    const { id } = await w.admin.call('collections.create', { name: 'Second' })
    await w.admin.call('collections.addAssets', { collectionIds: [id, w.collectionId], assetIds: [w.notesId] })
    await refusedUnchanged(w.library, w.admin, 'collections.removeAssets', { collectionId: id, assetIds: [w.notesId, w.logoId] }, 'NOT_FOUND')
    await refusedUnchanged(w.library, w.admin, 'collections.removeAssetFromCollections', { assetId: w.notesId, collectionIds: [id, UNKNOWN] }, 'NOT_FOUND')
    // Rita may view Launch but not remove from it: manage is needed on every collection.
    await w.admin.call('collections.addAssets', { collectionIds: [mine.collectionId], assetIds: [w.logoId] })
    await refusedUnchanged(w.library, rita, 'collections.removeAssetFromCollections', { assetId: w.logoId, collectionIds: [mine.collectionId, w.collectionId] }, 'FORBIDDEN')
  })

  it('metadata.set: one bad value refuses the others too', async () => {
    const stage = await w.admin.call('metadata.defineField', { name: 'Stage', type: 'singleSelect', options: ['draft', 'final'] })
    await refusedUnchanged(w.library, w.admin, 'metadata.set', { fileId: w.logoId, values: { [w.fieldId]: 5, [stage.id]: 'shipped' } }, 'INVALID_INPUT')
  })

  it('groups.addMembers: one member who cannot be in a group refuses the others too', async () => {
    await refusedUnchanged(w.library, w.admin, 'groups.addMembers', { groupId: w.groupId, userIds: [w.rob.id, w.fran.id] }, 'INVALID_INPUT')
    await refusedUnchanged(w.library, w.admin, 'groups.removeMembers', { groupId: w.groupId, userIds: [w.rita.id, UNKNOWN] }, 'NOT_FOUND')
  })
})

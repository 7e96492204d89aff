import path from 'node:path'
import { expect } from 'vitest'
import type { RowCheck } from './rowCheck.js'
import type { CollectionCase } from './collectionCase.js'
import { zipEntries } from './zipEntries.js'

/**
 * The collection table of docs/permissions.md, one row per operation: [operation, no
 * permission, can view, can contribute, can manage].
 */
export const COLLECTION_TABLE = [
  ['Create new media collection', true, true, true, true],
  ['View & search media collections', false, true, true, true],
  ['View assets in media collection', false, true, true, true],
  ['View file & file version details', false, true, true, true],
  ['Download media collections as zip', false, true, true, true],
  ['Add assets to media collection', false, false, true, true],
  ['Rename media collection', false, false, false, true],
  ['Remove assets from media collection', false, false, false, true],
  ['Delete media collection', false, false, false, true],
  ['Share media collection', false, false, false, true],
] as const

export type CollectionOperationName = (typeof COLLECTION_TABLE)[number][0]

const ids = (items: { id: string }[]) => items.map((i) => i.id)

/** For each operation, the channel calls that perform it on the case's collection. */
export const COLLECTION_ROWS: Record<CollectionOperationName, RowCheck<CollectionCase>> = {
  'Create new media collection': {
    steps: [async ({ w, n }) => expect(await w.user.call('collections.create', { name: `Made ${n}` })).toMatchObject({ createdBy: w.userId, level: 'manage' })],
  },
  'View & search media collections': {
    steps: [async ({ w, collection }) => expect(await w.user.call('collections.get', { collectionId: collection.id })).toMatchObject({ name: collection.name, assetCount: 2 })],
    shows: [
      async ({ w, collection }) => ids(await w.user.call('collections.list')).includes(collection.id),
      async ({ w, collection }) => ids(await w.user.call('collections.search', { query: collection.name })).includes(collection.id),
    ],
  },
  'View assets in media collection': {
    steps: [async ({ w, collection, first, second }) => expect(ids(await w.user.call('collections.assets', { collectionId: collection.id })).sort()).toEqual([first.id, second.id].sort())],
  },
  'View file & file version details': {
    steps: [
      async ({ w, first }) => expect(await w.user.call('assets.get', { id: first.id })).toMatchObject({ level: 'view', access: 'collection', width: 4 }),
      async ({ w, first }) => expect((await w.user.call('files.versions', { fileId: first.id })).map((v) => v.number)).toEqual([1]),
    ],
  },
  'Download media collections as zip': {
    steps: [
      async ({ w, n, collection, first, second }) => {
        const dest = path.join(w.out, `set-${n}.zip`)
        await w.user.call('downloads.zip', { collectionId: collection.id, destPath: dest })
        expect(zipEntries(dest)).toEqual([first.name, second.name].sort())
      },
    ],
  },
  'Add assets to media collection': {
    // Uma has contribute on the added file itself (it is in Drop), so only the collection level decides.
    steps: [async ({ w, collection }) => expect(await w.user.call('collections.addAssets', { collectionIds: [collection.id], assetIds: [w.addableId] })).toMatchObject({ added: 1, alreadyThere: 0 })],
  },
  'Rename media collection': {
    steps: [async ({ w, n, collection }) => expect((await w.user.call('collections.rename', { collectionId: collection.id, name: `Renamed ${n}` })).name).toBe(`Renamed ${n}`)],
  },
  'Remove assets from media collection': {
    steps: [
      async ({ w, collection, first }) => expect(await w.user.call('collections.removeAssets', { collectionId: collection.id, assetIds: [first.id] })).toEqual({ removed: 1, stillReachable: [] }),
      async ({ w, collection, second }) =>
        expect(await w.user.call('collections.removeAssetFromCollections', { assetId: second.id, collectionIds: [collection.id] })).toEqual({ removed: 1, stillReachable: [] }),
    ],
  },
  'Delete media collection': {
    steps: [
      async ({ w, collection, first }) => {
        expect(await w.user.call('collections.delete', { collectionId: collection.id })).toEqual({ deleted: collection.id })
        expect(w.t.library.core.store.tables.assets.has(first.id)).toBe(true)
      },
    ],
  },
  'Share media collection': {
    steps: [
      async ({ w, collection }) => {
        const shared = await w.user.call('sharing.set', { resourceId: collection.id, subjectId: w.otherId, level: 'view' })
        expect(shared.direct.map((g) => g.subjectId)).toContain(w.otherId)
      },
      async ({ w, collection }) => expect((await w.user.call('sharing.list', { resourceId: collection.id })).resourceType).toBe('collection'),
      async ({ w, collection }) => expect((await w.user.call('sharing.remove', { resourceId: collection.id, subjectId: w.otherId })).direct.map((g) => g.subjectId)).not.toContain(w.otherId),
    ],
  },
}

import type { Level } from '../../../shared/domain.js'
import type { AssetView, CollectionView } from '../../../shared/views.js'
import { PNG_V1, type World } from './world.js'

/** Where Uma's level on the case collection comes from. */
export type CollectionSource = 'user' | 'group' | 'owner'

/** One row's own collection holding two files Uma has no grant on. */
export interface CollectionCase {
  w: World
  n: number
  collection: CollectionView
  first: AssetView
  second: AssetView
}

/** Builds a case where Uma's level on the collection is `level`, from a grant to her, to her group, or from having created it. */
export async function makeCollectionCase(w: World, source: CollectionSource, level: Level | 'none', n: number): Promise<CollectionCase> {
  const { admin, homeId } = w.t
  const shelf = await admin.call('folders.create', { parentId: homeId, name: `shelf-${n}` })
  const first = await admin.call('files.upload', { folderId: shelf.id, name: `first-${n}.png`, base64: PNG_V1 })
  const second = await admin.call('files.upload', { folderId: shelf.id, name: `second-${n}.txt`, base64: Buffer.from(`second ${n}`).toString('base64') })
  const creator = source === 'owner' ? w.user : admin
  const collection = await creator.call('collections.create', { name: `Set ${n}` })
  await admin.call('collections.addAssets', { collectionIds: [collection.id], assetIds: [first.id, second.id] })
  if (source !== 'owner' && level !== 'none') {
    await admin.call('sharing.set', { resourceId: collection.id, subjectId: source === 'user' ? w.userId : w.groupId, level })
  }
  return { w, n, collection, first, second }
}

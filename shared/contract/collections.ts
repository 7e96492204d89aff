import { z } from 'zod'
import type { AssetView, AssociationView, CollectionView } from '../views.js'
import { command, query } from './define.js'
import { MAX_BATCH, empty, idSchema, idsSchema, nameSchema } from './common.js'

export const collectionChannels = {
  /** The collections the caller can view. */
  'collections.list': query<CollectionView[]>()(empty),
  'collections.search': query<CollectionView[]>()(z.object({ query: z.string().max(255) }).strict()),
  'collections.get': query<CollectionView>()(z.object({ collectionId: idSchema }).strict()),
  /** Anyone may create a collection, and manages what they create. */
  'collections.create': command<CollectionView>()(z.object({ name: nameSchema }).strict()),
  'collections.rename': command<CollectionView>()(z.object({ collectionId: idSchema, name: nameSchema }).strict()),
  /** Deletes the grouping only; no asset is touched. */
  'collections.delete': command<{ deleted: string }>()(z.object({ collectionId: idSchema }).strict()),
  'collections.assets': query<AssetView[]>()(z.object({ collectionId: idSchema }).strict()),
  /** At most 100 assets to at most 100 collections; all or nothing. */
  /** `addedPairs`: what was not there before, so that the addition can be undone exactly. */
  'collections.addAssets': command<{ added: number; alreadyThere: number; addedPairs: { collectionId: string; assetId: string }[] }>()(
    z.object({ collectionIds: z.array(idSchema).min(1).max(MAX_BATCH), assetIds: idsSchema }).strict(),
  ),
  /** At most 100 assets from one collection. `stillReachable` names assets still in it through a parent folder. */
  'collections.removeAssets': command<{ removed: number; stillReachable: { assetId: string; viaAssetId: string }[] }>()(
    z.object({ collectionId: idSchema, assetIds: idsSchema }).strict(),
  ),
  /** One asset from at most 100 collections. */
  'collections.removeAssetFromCollections': command<{
    removed: number
    stillReachable: { collectionId: string; viaAssetId: string }[]
  }>()(z.object({ assetId: idSchema, collectionIds: z.array(idSchema).min(1).max(MAX_BATCH) }).strict()),
  /** The collections an asset is in, directly or through a parent folder, among those the caller can view. */
  'collections.associations': query<AssociationView[]>()(z.object({ assetId: idSchema }).strict()),
}

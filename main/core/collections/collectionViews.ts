import type { CollectionRecord, Id, Level } from '../../../shared/domain.js'
import type { CollectionView } from '../../../shared/views.js'
import type { Core } from '../context.js'

export function collectionView(core: Core, actorId: Id, collection: CollectionRecord): CollectionView {
  return {
    id: collection.id,
    name: collection.name,
    createdBy: collection.createdBy,
    createdAt: collection.createdAt,
    updatedAt: collection.updatedAt,
    level: core.engine.collectionLevel(actorId, collection.id) as Level,
    assetCount: core.store.indexes.assetsByCollection.get(collection.id).size,
  }
}

/** The nearest ancestor (not the asset itself) that is in the collection: the asset stays reachable through it. */
export function reachableThrough(core: Core, assetId: Id, collectionId: Id): Id | null {
  for (let p = core.store.tables.assets.get(assetId)?.parentId ?? null; p !== null; p = core.store.tables.assets.get(p)?.parentId ?? null) {
    if (core.store.indexes.collectionsByAsset.has(p, collectionId)) return p
  }
  return null
}

import { LIMITS, type AssociationRecord, type CollectionRecord, type Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { AssociationView, CollectionView } from '../../../shared/views.js'
import type { collectionChannels } from '../../../shared/contract/collections.js'
import type { Ctx, HandlersOf } from '../context.js'
import { distinct, requireAsset, requireCollection } from '../access.js'
import { assetView, byFolderThenName } from '../assets/views.js'
import { collectionView, reachableThrough } from './collectionViews.js'
import { creatorNameKey } from '../store/indexes.js'

/** The per-request limits (docs/permissions.md): a request over one is refused whole, naming the limit. */
function limit(count: number, max: number, what: string): void {
  if (count > max) throw new AppError('LIMIT_EXCEEDED', `At most ${max} ${what} at once; this request has ${count}.`, { limit: max, count })
}

/**
 * Collection names are unique among one creator's collections, case-insensitively; other
 * creators may use the same name (docs/permissions.md). Only a collection the caller can
 * view is reported as taking the name, so a refusal never confirms a hidden collection.
 */
function nameFree(ctx: Ctx, creatorId: Id, name: string, exceptId?: Id): void {
  const holder = ctx.core.store.indexes.collectionByCreatorName.get(creatorNameKey(creatorId, name))
  if (!holder || holder === exceptId || ctx.core.engine.collectionLevel(ctx.actor.id, holder) === 'none') return
  const whose = creatorId === ctx.actor.id ? 'You already have' : `${ctx.core.store.tables.users.get(creatorId)?.name ?? 'Its creator'} already has`
  throw new AppError('CONFLICT', `${whose} a collection named "${ctx.core.store.tables.collections.get(holder)!.name}".`, { field: 'name', existingId: holder })
}

function visibleViews(ctx: Ctx): CollectionView[] {
  return ctx.core.engine
    .visibleCollectionIds(ctx.actor.id)
    .map((id) => collectionView(ctx.core, ctx.actor.id, ctx.core.store.tables.collections.get(id)!))
    .sort((a, b) => a.name.localeCompare(b.name))
}

function associationId(collectionId: Id, assetId: Id): Id {
  return `${collectionId}:${assetId}`
}

export const collectionHandlers: HandlersOf<typeof collectionChannels> = {
  'collections.list': (ctx) => visibleViews(ctx),

  'collections.search': (ctx, { query }) => {
    const needle = query.trim().toLowerCase()
    return visibleViews(ctx).filter((c) => c.name.toLowerCase().includes(needle))
  },

  'collections.get': (ctx, { collectionId }) => collectionView(ctx.core, ctx.actor.id, requireCollection(ctx, collectionId, 'viewAndSearch')),

  'collections.create': async (ctx, { name }) => {
    nameFree(ctx, ctx.actor.id, name)
    const now = ctx.core.clock()
    const collection: CollectionRecord = { id: ctx.core.newId(), name, createdBy: ctx.actor.id, createdAt: now, updatedAt: now }
    await ctx.commit({
      put: { collections: [collection] },
      activity: { ids: [collection.id], summary: `created collection ${name}` },
    })
    return collectionView(ctx.core, ctx.actor.id, collection)
  },

  'collections.rename': async (ctx, { collectionId, name }) => {
    const collection = requireCollection(ctx, collectionId, 'rename')
    nameFree(ctx, collection.createdBy, name, collection.id)
    const next = { ...collection, name, updatedAt: ctx.core.clock() }
    await ctx.commit({
      put: { collections: [next] },
      activity: { ids: [collection.id], summary: `renamed collection ${collection.name} to ${name}` },
    })
    return collectionView(ctx.core, ctx.actor.id, next)
  },

  'collections.delete': async (ctx, { collectionId }) => {
    const collection = requireCollection(ctx, collectionId, 'delete')
    const { indexes } = ctx.core.store
    // Only the grouping goes: its associations and grants, never an asset (docs/permissions.md).
    await ctx.commit({
      del: [
        ['collections', collection.id],
        ...[...indexes.assetsByCollection.get(collection.id)].map((a): ['associations', Id] => ['associations', associationId(collection.id, a)]),
        ...[...(indexes.grantsByResource.get(collection.id)?.values() ?? [])].map((g): ['grants', Id] => ['grants', g.id]),
      ],
      activity: { ids: [collection.id], summary: `deleted collection ${collection.name}` },
    })
    return { deleted: collection.id }
  },

  'collections.assets': (ctx, { collectionId }) => {
    const collection = requireCollection(ctx, collectionId, 'viewAssets')
    return [...ctx.core.store.indexes.assetsByCollection.get(collection.id)]
      .map((id) => assetView(ctx.core, ctx.actor.id, ctx.core.store.tables.assets.get(id)!))
      .sort(byFolderThenName)
  },

  'collections.addAssets': async (ctx, { collectionIds, assetIds }) => {
    limit(assetIds.length, LIMITS.assetsPerAdd, 'assets can be added')
    limit(collectionIds.length, LIMITS.collectionsPerAdd, 'collections can be added to')
    distinct(collectionIds, 'collectionIds')
    distinct(assetIds, 'assetIds')
    // Contribute on each collection and on each asset (docs/permissions.md), all checked before anything changes.
    const collections = collectionIds.map((id) => requireCollection(ctx, id, 'addAssets'))
    const assets = assetIds.map((id) => requireAsset(ctx, id, 'addToCollections'))
    for (const asset of assets) {
      if (asset.parentId === null) throw new AppError('FORBIDDEN', 'Home cannot be added to a collection: that would share the whole library.', { id: asset.id })
    }
    const now = ctx.core.clock()
    const added: AssociationRecord[] = []
    let alreadyThere = 0
    for (const c of collections) {
      for (const a of assets) {
        if (ctx.core.store.indexes.collectionsByAsset.has(a.id, c.id)) alreadyThere++
        else added.push({ id: associationId(c.id, a.id), collectionId: c.id, assetId: a.id, addedBy: ctx.actor.id, addedAt: now })
      }
    }
    if (added.length > 0) {
      await ctx.commit({
        put: { associations: added },
        activity: {
          action: 'collections.addAssets',
          ids: [...collectionIds, ...assetIds],
          summary: `added ${assets.length} asset(s) to ${collections.map((c) => c.name).join(', ')}`,
        },
      })
    }
    return { added: added.length, alreadyThere, addedPairs: added.map((a) => ({ collectionId: a.collectionId, assetId: a.assetId })) }
  },

  'collections.removeAssets': async (ctx, { collectionId, assetIds }) => {
    limit(assetIds.length, LIMITS.assetsPerRemove, 'assets can be removed from a collection')
    distinct(assetIds, 'assetIds')
    const collection = requireCollection(ctx, collectionId, 'removeAssets')
    for (const id of assetIds) {
      if (!ctx.core.store.indexes.collectionsByAsset.has(id, collection.id)) {
        throw new AppError('NOT_FOUND', `The collection "${collection.name}" does not hold the asset ${id} directly.`, { collectionId, assetId: id })
      }
    }
    await ctx.commit({
      del: assetIds.map((a) => ['associations', associationId(collection.id, a)]),
      activity: { ids: [collection.id, ...assetIds], summary: `removed ${assetIds.length} asset(s) from ${collection.name}` },
    })
    const stillReachable = assetIds.flatMap((assetId) => {
      const via = reachableThrough(ctx.core, assetId, collection.id)
      return via ? [{ assetId, viaAssetId: via }] : []
    })
    return { removed: assetIds.length, stillReachable }
  },

  'collections.removeAssetFromCollections': async (ctx, { assetId, collectionIds }) => {
    limit(collectionIds.length, LIMITS.collectionsPerRemove, 'collections can be removed from at once')
    distinct(collectionIds, 'collectionIds')
    const asset = requireAsset(ctx, assetId, 'viewAndSearch')
    const collections = collectionIds.map((id) => requireCollection(ctx, id, 'removeAssets'))
    for (const c of collections) {
      if (!ctx.core.store.indexes.collectionsByAsset.has(asset.id, c.id)) {
        throw new AppError('NOT_FOUND', `"${asset.name}" is not directly in the collection "${c.name}".`, { collectionId: c.id, assetId })
      }
    }
    await ctx.commit({
      del: collections.map((c) => ['associations', associationId(c.id, asset.id)]),
      activity: {
        action: 'collections.removeAssetFromCollections',
        ids: [asset.id, ...collectionIds],
        summary: `removed "${asset.name}" from ${collections.map((c) => c.name).join(', ')}`,
      },
    })
    const stillReachable = collections.flatMap((c) => {
      const via = reachableThrough(ctx.core, asset.id, c.id)
      return via ? [{ collectionId: c.id, viaAssetId: via }] : []
    })
    return { removed: collections.length, stillReachable }
  },

  'collections.associations': (ctx, { assetId }) => {
    const asset = requireAsset(ctx, assetId, 'viewAndSearch')
    const out: AssociationView[] = []
    const { indexes, tables } = ctx.core.store
    for (let node: Id | null = asset.id; node !== null; node = tables.assets.get(node)?.parentId ?? null) {
      for (const collectionId of indexes.collectionsByAsset.get(node)) {
        // Only collections the caller can see are named.
        if (ctx.core.engine.collectionLevel(ctx.actor.id, collectionId) === 'none') continue
        out.push({ collection: collectionView(ctx.core, ctx.actor.id, tables.collections.get(collectionId)!), viaAssetId: node, direct: node === asset.id })
      }
    }
    return out
  },
}


import { LEVELS, type Id, type Level, type LevelOrNone } from '../../../shared/domain.js'
import type { Store } from '../store/store.js'

/** Levels as ranks: 0 none, 1 view, 2 contribute, 3 manage. */
const RANK_LEVEL: LevelOrNone[] = ['none', 'view', 'contribute', 'manage']
const RANK: Record<Level, number> = { view: 1, contribute: 2, manage: 3 }
const MANAGE = 3
/** Packed access: bits 0-1 the rank from grants and ownership, bit 2 "viewable through a collection". */
const VIA_COLLECTION = 4

export interface AssetAccess {
  /** From grants and ownership: what the asset-table operations are checked against. */
  level: LevelOrNone
  /** Whether a collection the user can view holds the asset or an ancestor (rule 3: view only). */
  viaCollection: boolean
}

interface UserCache {
  generation: number
  /** Asset id -> highest rank granted to the user or any of their groups on exactly that asset. */
  assetGrants: Map<Id, number>
  /** Collection id -> rank from grants and ownership. */
  collections: Map<Id, number>
  /** Assets directly associated with a collection the user can view. */
  collectionAssets: Set<Id>
  /** Folder id -> packed access, filled as folders are asked about. */
  folders: Map<Id, number>
}

/** Caches kept for this many users at once; a view-as tour of many users does not grow memory. */
const MAX_CACHED_USERS = 64

/**
 * The permission engine (SPEC section 4). Only restricted users are limited. For a
 * restricted user the level on an asset is the highest of the grants to them or their
 * groups on it or an ancestor, `manage` where they created it or an ancestor, and `view`
 * (for view operations only) where a collection they can view holds it or an ancestor.
 * Folder results are memoised per user and dropped whenever the store's permission
 * generation moves, so a check costs a few map lookups.
 */
export class PermissionEngine {
  private readonly caches = new Map<Id, UserCache>()

  constructor(private readonly store: Store) {}

  isRestricted(userId: Id): boolean {
    return this.store.tables.users.get(userId)?.role === 'restricted'
  }

  /** Grants-and-ownership level plus the collection route, for a restricted or full user. */
  assetAccess(userId: Id, assetId: Id): AssetAccess {
    const user = this.store.tables.users.get(userId)
    if (!user || !this.store.tables.assets.has(assetId)) return { level: 'none', viaCollection: false }
    if (user.role !== 'restricted') return { level: 'manage', viaCollection: false }
    const packed = this.packedAccess(this.cacheFor(userId), userId, assetId)
    return { level: RANK_LEVEL[packed & 3], viaCollection: (packed & VIA_COLLECTION) !== 0 }
  }

  /** The level a user sees an asset with: collection-derived view counts. */
  effectiveAssetLevel(userId: Id, assetId: Id): LevelOrNone {
    const access = this.assetAccess(userId, assetId)
    return access.level === 'none' && access.viaCollection ? 'view' : access.level
  }

  canView(userId: Id, assetId: Id): boolean {
    return this.effectiveAssetLevel(userId, assetId) !== 'none'
  }

  /** Highest grant on the collection to the user or their groups; `manage` for its creator. */
  collectionLevel(userId: Id, collectionId: Id): LevelOrNone {
    const user = this.store.tables.users.get(userId)
    if (!user || !this.store.tables.collections.has(collectionId)) return 'none'
    if (user.role !== 'restricted') return 'manage'
    return RANK_LEVEL[this.cacheFor(userId).collections.get(collectionId) ?? 0]
  }

  /** The collections a restricted user can see at all (any level). */
  visibleCollectionIds(userId: Id): Id[] {
    const user = this.store.tables.users.get(userId)
    if (!user) return []
    if (user.role !== 'restricted') return [...this.store.tables.collections.keys()]
    return [...this.cacheFor(userId).collections.keys()]
  }

  /**
   * The highest assets a user can see: Home for full roles; for a restricted user every
   * visible asset whose parent is not visible ("shared with me").
   */
  roots(userId: Id): Id[] {
    const user = this.store.tables.users.get(userId)
    if (!user) return []
    const rootId = this.store.indexes.rootId
    if (user.role !== 'restricted') return rootId ? [rootId] : []
    const cache = this.cacheFor(userId)
    const candidates = new Set<Id>([...cache.assetGrants.keys(), ...this.store.indexes.assetsByCreator.get(userId), ...cache.collectionAssets])
    const roots: Id[] = []
    for (const id of candidates) {
      const asset = this.store.tables.assets.get(id)
      if (!asset || this.packedAccess(cache, userId, id) === 0) continue
      if (asset.parentId === null || this.packedAccess(cache, userId, asset.parentId) === 0) roots.push(id)
    }
    return roots
  }

  private cacheFor(userId: Id): UserCache {
    const generation = this.store.indexes.permissionGeneration
    const cached = this.caches.get(userId)
    if (cached && cached.generation === generation) {
      // Re-insert to keep the map in least-recently-used order.
      this.caches.delete(userId)
      this.caches.set(userId, cached)
      return cached
    }
    const cache = this.buildCache(userId, generation)
    this.caches.delete(userId)
    this.caches.set(userId, cache)
    if (this.caches.size > MAX_CACHED_USERS) this.caches.delete(this.caches.keys().next().value!)
    return cache
  }

  private buildCache(userId: Id, generation: number): UserCache {
    const { indexes, tables } = this.store
    const assetGrants = new Map<Id, number>()
    const collections = new Map<Id, number>()
    const subjects = [userId, ...indexes.groupsByUser.get(userId)]
    for (const subject of subjects) {
      for (const grant of indexes.grantsBySubject.get(subject)?.values() ?? []) {
        const target = grant.resourceType === 'asset' ? assetGrants : collections
        const rank = RANK[grant.level]
        if ((target.get(grant.resourceId) ?? 0) < rank) target.set(grant.resourceId, rank)
      }
    }
    // Creating a collection makes its creator its manager (seed: ownership).
    for (const id of indexes.collectionsByCreator.get(userId)) collections.set(id, MANAGE)
    for (const id of collections.keys()) if (!tables.collections.has(id)) collections.delete(id)
    const collectionAssets = new Set<Id>()
    for (const id of collections.keys()) for (const assetId of indexes.assetsByCollection.get(id)) collectionAssets.add(assetId)
    return { generation, assetGrants, collections, collectionAssets, folders: new Map() }
  }

  /** Walks up to the nearest memoised folder, then fills the memo on the way back down. */
  private packedAccess(cache: UserCache, userId: Id, assetId: Id): number {
    const assets = this.store.tables.assets
    const hit = cache.folders.get(assetId)
    if (hit !== undefined) return hit
    const chain: Id[] = []
    let inherited = 0
    let cursor: Id | null = assetId
    while (cursor !== null) {
      const memo = cache.folders.get(cursor)
      if (memo !== undefined) {
        inherited = memo
        break
      }
      chain.push(cursor)
      cursor = assets.get(cursor)?.parentId ?? null
    }
    let packed = inherited
    for (let i = chain.length - 1; i >= 0; i--) {
      const id = chain[i]
      const asset = assets.get(id)!
      let rank = Math.max(packed & 3, cache.assetGrants.get(id) ?? 0)
      if (asset.createdBy === userId) rank = MANAGE
      const via = (packed & VIA_COLLECTION) !== 0 || cache.collectionAssets.has(id)
      packed = rank | (via ? VIA_COLLECTION : 0)
      if (asset.kind === 'folder') cache.folders.set(id, packed)
    }
    return packed
  }
}

export const levelFromRank = (rank: number): LevelOrNone => RANK_LEVEL[rank]
export const ALL_LEVELS = LEVELS

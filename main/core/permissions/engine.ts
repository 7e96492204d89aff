import type { GrantRecord, Id, Level, LevelOrNone } from '../../../shared/domain.js'
import { FOLDER, HAS_COLLECTIONS, HAS_GRANTS, LIVE, SEVERAL, type AssetColumns } from '../store/assetColumns.js'
import type { Members } from '../store/multimap.js'
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

/** One frozen access per packed value, so a listing of thousands allocates none. */
const ACCESS: readonly AssetAccess[] = Array.from({ length: 8 }, (_, packed) =>
  Object.freeze({ level: RANK_LEVEL[packed & 3], viaCollection: (packed & VIA_COLLECTION) !== 0 }),
)

interface CollectionNode {
  createdBy: Id
  grants: ReadonlyMap<Id, GrantRecord> | undefined
  /** Index into each user's collection memo. */
  slot: number
}

interface UserCache {
  /** The users table's own string for the id. */
  userId: Id
  /** The user's number in the asset columns' creator column. */
  subject: number
  /** Roles change only with the generation, so the role is kept here too and a check needs no user lookup. */
  restricted: boolean
  /** Memberships change only with the generation too. */
  groups: Members<Id>
  /** Folder number -> packed access + 1, half a byte each; 0 where not worked out yet. */
  folders: Uint8Array
  /** Collection slot -> rank + 1; 0 where not worked out yet. */
  collections: Uint8Array
  /** The user's and their groups' asset grants, each as asset slot -> rank (see Indexes.assetGrantRanks). */
  grantRanks: ReadonlyMap<number, number>[]
  /** Collection number (see AssetColumns.collection) -> 1 where the user can view the collection; made on first need. */
  viewable: Uint8Array | null
  /** Set on use; eviction passes over a cache used since its last pass (second chance). */
  used: boolean
}

/**
 * Bytes of memos kept across users: half a byte per folder and a byte per collection per
 * user, so with 100,000 folders and 10,000 collections some 1,000 users stay cached, and a
 * view-as tour of many users does not grow memory past it.
 */
const MEMO_BUDGET = 64 * 1024 * 1024
const MIN_CACHED_USERS = 64
/** childAccesses answers kept: a few users going back and forth between a few folders. */
const CHILD_MEMO_ENTRIES = 16

/**
 * The permission engine (the rule is in docs/permissions.md). Only restricted users are limited. For a
 * restricted user the level on an asset is the highest of the grants to them or their
 * groups on it or an ancestor, `manage` where they created it or an ancestor, and `view`
 * (for view operations only) where a collection they can view holds it or an ancestor.
 * Nothing per user is gathered up front: a check walks up the tree's dense columns (see
 * AssetColumns) from the asset and stops at the nearest folder already worked out for the
 * user (half a byte per folder per user). So a check costs one lookup by id and a few steps
 * over integers, for any mix of users, from the first check after open: no object is made
 * per asset. Every memo is dropped whenever the store's permission generation moves.
 */
export class PermissionEngine {
  private readonly collectionNodes = new Map<Id, CollectionNode | null>()
  private collectionCount = 0
  /** Reused by every walk, so a check allocates nothing. */
  private chain = new Int32Array(64)
  private readonly caches = new Map<Id, UserCache>()
  /** Recent childAccesses answers by user and folder, with the ids they answer for. */
  private readonly childMemo = new Map<string, { ids: readonly Id[]; accesses: readonly AssetAccess[] }>()
  /** The most recent user's cache, so a run of checks for one user skips the LRU bookkeeping. */
  private lastUserId: Id | null = null
  private lastCache: UserCache | null = null
  /** The permission generation the memos belong to. */
  private generation = -1

  constructor(private readonly store: Store) {}

  private get columns(): AssetColumns {
    return this.store.indexes.columns
  }

  isRestricted(userId: Id): boolean {
    return this.store.tables.users.get(userId)?.role === 'restricted'
  }

  /** Grants-and-ownership level plus the collection route, for a restricted or full user. */
  assetAccess(userId: Id, assetId: Id): AssetAccess {
    const cache = this.cacheFor(userId)
    if (!cache) return { level: 'none', viaCollection: false }
    if (!cache.restricted) return { level: this.store.tables.assets.has(assetId) ? 'manage' : 'none', viaCollection: false }
    const slot = this.columns.liveSlot(assetId)
    if (slot < 0) return { level: 'none', viaCollection: false }
    const packed = this.packedAccess(cache, slot, true)
    return { level: RANK_LEVEL[packed & 3], viaCollection: (packed & VIA_COLLECTION) !== 0 }
  }

  /**
   * assetAccess for each of a folder's children, in the order given: what a listing needs.
   * Levels cascade (rules 1-3 hold for an ancestor as for the asset), so the folder is worked
   * out once and each child only adds what is its own (creator, grants on it, collections
   * holding it), which the columns say: one lookup per child and no walk.
   * Within one permission generation a child's access never changes (a new child brings a
   * new id), so the answer for the same user, folder and ids is kept and given again.
   */
  childAccesses(userId: Id, folderId: Id, childIds: readonly Id[]): readonly AssetAccess[] {
    const cache = this.cacheFor(userId)
    if (!cache || !cache.restricted) return childIds.map((id) => ACCESS[cache && this.store.tables.assets.has(id) ? MANAGE : 0])
    const key = `${cache.userId}\n${folderId}`
    const known = this.childMemo.get(key)
    if (known !== undefined && sameIds(known.ids, childIds)) return known.accesses
    const columns = this.columns
    const folder = columns.liveSlot(folderId)
    const inherited = folder < 0 ? 0 : this.packedAccess(cache, folder, true)
    let missing = folder < 0
    const accesses = childIds.map((id) => {
      const slot = columns.liveSlot(id)
      if (slot < 0) {
        missing = true
        return ACCESS[0]
      }
      if (folder < 0 || columns.parent[slot] !== folder) return this.assetAccess(userId, id)
      return ACCESS[this.stepDown(cache, inherited, slot, true)]
    })
    this.childMemo.delete(key)
    // An id that is no asset may become one (put back) without a new generation: not kept then.
    if (missing) return accesses
    // A copy of the ids, and a frozen answer: nothing a caller does later can make either wrong.
    this.childMemo.set(key, { ids: childIds.slice(), accesses: Object.freeze(accesses) })
    if (this.childMemo.size > CHILD_MEMO_ENTRIES) this.childMemo.delete(this.childMemo.keys().next().value!)
    return accesses
  }

  /** The level a user sees an asset with: collection-derived view counts. */
  effectiveAssetLevel(userId: Id, assetId: Id): LevelOrNone {
    const cache = this.cacheFor(userId)
    if (!cache) return 'none'
    if (!cache.restricted) return this.store.tables.assets.has(assetId) ? 'manage' : 'none'
    const slot = this.columns.liveSlot(assetId)
    if (slot < 0) return 'none'
    // Where grants or ownership give a level, the collection route adds nothing, so it is not looked up.
    const packed = this.packedAccess(cache, slot, false)
    return (packed & 3) === 0 && (packed & VIA_COLLECTION) !== 0 ? 'view' : RANK_LEVEL[packed & 3]
  }

  canView(userId: Id, assetId: Id): boolean {
    return this.effectiveAssetLevel(userId, assetId) !== 'none'
  }

  /** Highest grant on the collection to the user or their groups; `manage` for its creator. */
  collectionLevel(userId: Id, collectionId: Id): LevelOrNone {
    const user = this.store.tables.users.get(userId)
    if (!user || !this.store.tables.collections.has(collectionId)) return 'none'
    if (user.role !== 'restricted') return 'manage'
    const node = this.collectionNode(collectionId)
    return node === null ? 'none' : RANK_LEVEL[this.collectionRank(this.cacheFor(user.id)!, node)]
  }

  /** The collections a restricted user can see at all (any level). */
  visibleCollectionIds(userId: Id): Id[] {
    const user = this.store.tables.users.get(userId)
    if (!user) return []
    if (user.role !== 'restricted') return [...this.store.tables.collections.keys()]
    const ids = this.grantedIds(userId, 'collection')
    // Creating a collection makes its creator its manager.
    for (const id of this.store.indexes.collectionsByCreator.get(userId)) ids.add(id)
    return [...ids].filter((id) => this.store.tables.collections.has(id))
  }

  /**
   * The highest assets a user can see: Home for full roles; for a restricted user every
   * visible asset whose parent is not visible ("shared with me").
   */
  roots(userId: Id): Id[] {
    const user = this.store.tables.users.get(userId)
    if (!user) return []
    const { indexes } = this.store
    const rootId = indexes.rootId
    if (user.role !== 'restricted') return rootId ? [rootId] : []
    const cache = this.cacheFor(user.id)!
    const candidates = new Set<Id>([...this.grantedIds(userId, 'asset'), ...indexes.assetsCreatedBy(user.id)])
    for (const id of this.visibleCollectionIds(userId)) for (const assetId of indexes.assetsByCollection.get(id)) candidates.add(assetId)
    const columns = this.columns
    const roots: Id[] = []
    for (const id of candidates) {
      const slot = columns.liveSlot(id)
      if (slot < 0 || this.packedAccess(cache, slot, true) === 0) continue
      const parent = columns.parent[slot]
      if (parent < 0 || this.packedAccess(cache, parent, true) === 0) roots.push(id)
    }
    return roots
  }

  /** Resources of one type granted to the user or any of their groups. */
  private grantedIds(userId: Id, type: 'asset' | 'collection'): Set<Id> {
    const ids = new Set<Id>()
    for (const subject of [userId, ...this.store.indexes.groupsByUser.get(userId)]) {
      for (const grant of this.store.indexes.grantsBySubject.get(subject)?.values() ?? []) if (grant.resourceType === type) ids.add(grant.resourceId)
    }
    return ids
  }

  /** Highest rank among the grants (on one resource) to the user or one of their groups. */
  private grantRank(cache: UserCache, bySubject: ReadonlyMap<Id, GrantRecord>, type: 'asset' | 'collection'): number {
    const { userId, groups } = cache
    let rank = 0
    // Whichever is shorter: the grants on the resource or the user's subjects.
    if (bySubject.size <= groups.size + 1) {
      for (const grant of bySubject.values()) {
        if (grant.resourceType !== type || (grant.subjectId !== userId && !groups.has(grant.subjectId))) continue
        if (RANK[grant.level] > rank) rank = RANK[grant.level]
      }
      return rank
    }
    const own = bySubject.get(userId)
    if (own !== undefined && own.resourceType === type) rank = RANK[own.level]
    for (const group of groups) {
      const grant = bySubject.get(group)
      if (grant !== undefined && grant.resourceType === type && RANK[grant.level] > rank) rank = RANK[grant.level]
    }
    return rank
  }

  private collectionNode(collectionId: Id): CollectionNode | null {
    this.checkGeneration()
    let node = this.collectionNodes.get(collectionId)
    if (node === undefined) {
      const collection = this.store.tables.collections.get(collectionId)
      node = collection ? { createdBy: collection.createdBy, grants: this.store.indexes.grantsByResource.get(collectionId), slot: this.collectionCount++ } : null
      this.collectionNodes.set(collectionId, node)
    }
    return node
  }

  /** Rank from grants, or `manage` for the creator; memoised per user. */
  private collectionRank(cache: UserCache, node: CollectionNode): number {
    const known = node.slot < cache.collections.length ? cache.collections[node.slot] : 0
    if (known !== 0) return known - 1
    let rank = 0
    if (node.createdBy === cache.userId) rank = MANAGE
    else if (node.grants !== undefined) rank = this.grantRank(cache, node.grants, 'collection')
    if (node.slot >= cache.collections.length) cache.collections = grow(cache.collections, node.slot)
    cache.collections[node.slot] = rank + 1
    return rank
  }

  /** Drops every memo once grants, memberships, roles, collections or the tree have changed. */
  private checkGeneration(): void {
    const generation = this.store.indexes.permissionGeneration
    if (generation === this.generation) return
    this.generation = generation
    this.collectionNodes.clear()
    this.collectionCount = 0
    this.caches.clear()
    this.childMemo.clear()
    this.lastUserId = null
    this.lastCache = null
  }

  /** The user's cache, made on first sight; null where there is no such user. */
  private cacheFor(userId: Id): UserCache | null {
    this.checkGeneration()
    if (this.lastUserId === userId && this.lastCache !== null) return this.lastCache
    let cache = this.caches.get(userId)
    if (cache === undefined) {
      const user = this.store.tables.users.get(userId)
      if (!user) return null
      const restricted = user.role === 'restricted'
      const groups = this.store.indexes.groupsByUser.get(user.id)
      cache = {
        userId: user.id,
        subject: this.columns.subject(user.id),
        restricted,
        groups,
        // Full roles never reach the walk: their memos stay empty.
        folders: new Uint8Array(restricted ? Math.max(64, (this.columns.folders + 1) >> 1) : 0),
        collections: new Uint8Array(restricted ? Math.max(64, this.collectionCount) : 0),
        grantRanks: [user.id, ...groups].flatMap((subject) => this.store.indexes.assetGrantRanks.get(subject) ?? []),
        viewable: null,
        used: false,
      }
      this.caches.set(user.id, cache)
      this.evict()
    }
    cache.used = true
    this.lastUserId = userId
    this.lastCache = cache
    return cache
  }

  /** Keeps the memos within budget, dropping the oldest caches not used since they were last passed over. */
  private evict(): void {
    const perUser = (this.columns.folders >> 1) + this.collectionCount
    const maxUsers = Math.max(MIN_CACHED_USERS, Math.floor(MEMO_BUDGET / Math.max(1, perUser)))
    while (this.caches.size > maxUsers) {
      const [userId, oldest] = this.caches.entries().next().value!
      this.caches.delete(userId)
      if (oldest.used || oldest === this.lastCache) {
        oldest.used = false
        this.caches.set(userId, oldest)
      }
    }
  }

  /**
   * Walks up to the nearest memoised folder, then works out each asset below it on the
   * way back down, memoising the folders. With `exact` false the collection route of the
   * asset itself is skipped where grants or ownership already give a level (callers that
   * only need the effective level); folders are always worked out in full.
   */
  private packedAccess(cache: UserCache, start: number, exact: boolean): number {
    const { parent, folderNumber, flags } = this.columns
    let chain = this.chain
    let length = 0
    let inherited = 0
    // A parent not (or no longer) in the library ends the walk, as Home's null parent does.
    for (let slot = start; slot >= 0 && (flags[slot] & LIVE) !== 0; slot = parent[slot]) {
      const folder = folderNumber[slot]
      if (folder >= 0) {
        const known = readMemo(cache.folders, folder)
        if (known !== 0) {
          inherited = known - 1
          break
        }
      }
      if (length === chain.length) {
        const longer = new Int32Array(length * 2)
        longer.set(chain)
        this.chain = chain = longer
      }
      chain[length++] = slot
    }
    let packed = inherited
    for (let i = length - 1; i >= 0; i--) {
      const slot = chain[i]
      packed = this.stepDown(cache, packed, slot, exact)
      const folder = folderNumber[slot]
      if (folder >= 0) {
        if (folder >> 1 >= cache.folders.length) cache.folders = grow(cache.folders, folder >> 1)
        writeMemo(cache.folders, folder, packed + 1)
      }
    }
    return packed
  }

  /**
   * An asset's packed access from its parent's: the parent's (rules 1-3 cascade) raised by
   * what is the asset's own. With `exact` false, see packedAccess.
   */
  private stepDown(cache: UserCache, parentPacked: number, slot: number, exact: boolean): number {
    const columns = this.columns
    const flags = columns.flags[slot]
    let rank = parentPacked & 3
    if (columns.creator[slot] === cache.subject) rank = MANAGE
    else if (rank < MANAGE && (flags & HAS_GRANTS) !== 0) {
      for (const ranks of cache.grantRanks) {
        const granted = ranks.get(slot)
        if (granted !== undefined && granted > rank) rank = granted
      }
    }
    let via = (parentPacked & VIA_COLLECTION) !== 0
    if (!via && (flags & HAS_COLLECTIONS) !== 0 && (exact || (flags & FOLDER) !== 0 || rank === 0)) {
      const viewable = cache.viewable ?? this.viewableOf(cache)
      const only = columns.collectionOf[slot]
      if (only >= 0) via = viewable[only] === 1
      else if (only === SEVERAL) via = columns.collectionsOf(slot).some((n) => viewable[n] === 1)
    }
    return rank | (via ? VIA_COLLECTION : 0)
  }

  /** The collections the user can view (rank above none: any grant to them or their groups, or their own), by number. */
  private viewableOf(cache: UserCache): Uint8Array {
    const { indexes, tables } = this.store
    const numbers: number[] = []
    const mark = (id: Id) => {
      if (tables.collections.get(id) !== undefined) numbers.push(this.columns.collection(id))
    }
    for (const subject of [cache.userId, ...cache.groups]) {
      for (const grant of indexes.grantsBySubject.get(subject)?.values() ?? []) if (grant.resourceType === 'collection') mark(grant.resourceId)
    }
    for (const id of indexes.collectionsByCreator.get(cache.userId)) mark(id)
    const viewable = new Uint8Array(this.columns.collections)
    for (const n of numbers) viewable[n] = 1
    return (cache.viewable = viewable)
  }
}

/** A folder's memo entry: half a byte, 0 where not worked out yet. */
function readMemo(memo: Uint8Array, folder: number): number {
  const byte = folder >> 1
  return byte < memo.length ? (memo[byte] >> ((folder & 1) << 2)) & 15 : 0
}

function writeMemo(memo: Uint8Array, folder: number, value: number): void {
  const byte = folder >> 1
  const shift = (folder & 1) << 2
  memo[byte] = (memo[byte] & ~(15 << shift)) | (value << shift)
}

/** Whether two lists hold the same ids in the same order. */
function sameIds(a: readonly Id[], b: readonly Id[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** A memo long enough for `slot`, keeping what is known. */
function grow(memo: Uint8Array, slot: number): Uint8Array {
  const grown = new Uint8Array(Math.max(slot + 1, memo.length * 2))
  grown.set(memo)
  return grown
}

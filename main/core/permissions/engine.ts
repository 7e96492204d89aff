import type { GrantRecord, Id, Level, LevelOrNone } from '../../../shared/domain.js'
import { F_COLLECTION, F_FLAGS, FOLDER, FOLDER_NODE, HAS_COLLECTIONS, HAS_GRANTS, LIVE, N_CREATOR, N_FLAGS, N_PARENT, N_PARENT_FOLDER, NODE, SEVERAL, type AssetColumns } from '../store/assetColumns.js'
import type { Members } from '../store/multimap.js'
import { anyMarked, isMarked } from '../store/slotCollections.js'
import type { Store } from '../store/store.js'
import { FolderOrder, RANK_BITS, readTable, unionTables, VIA_BIT } from './folderOrder.js'

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
  /** Index into each user's collection memo. */
  slot: number
}

interface UserCache {
  /** The users table's own string for the id. */
  userId: Id
  /** The user's number in the asset columns' creator column. */
  subject: number
  /** A change of role drops the cache (catchUp), so the role is kept here too and a check needs no user lookup. */
  restricted: boolean
  /** A change of memberships drops the cache too. */
  groups: Members<Id>
  /**
   * Every folder in the engine's folder order, by position: half a byte each (folderOrder.ts),
   * made on the user's first check; null until then or once the order is made again.
   * Never written once made: a user with nothing of their own may share a group's.
   */
  table: Uint32Array | null
  /** The engine's order the table was made over (FolderOrder), to tell it from a newer one. */
  tableOrder: FolderOrder | null
  /** Collection slot -> rank + 1; 0 where not worked out yet. */
  collections: Uint8Array
  /** The user's and their groups' asset grants, each as asset slot -> rank (see Indexes.assetGrantRanks). */
  grantRanks: ReadonlyMap<number, number>[]
  /** A bit per collection number (see AssetColumns.collection), set where the user can view the collection; made on first need. */
  viewable: Uint32Array | null
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
 * On a user's first check every folder is worked out for them at once, as a table over the
 * folders in tree order (folderOrder.ts): what their groups give is a table made once for
 * every member, and what is the user's own is set as runs of positions. A file's check then
 * reads its node (see AssetColumns), its parent's position and half a byte, and steps once:
 * no object is made per asset. Folders made since the order walk up to the nearest folder in
 * it. A change drops only the memos it made stale (the indexes say which: a user's after a
 * grant to them or their groups, a membership, a role or a collection they view changed;
 * after a move, a deletion or a creator changed, every table; permissionChanges.ts).
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
  /** How far the store's permission changes have been read (-1: not yet, drop everything first). */
  private seen = -1
  /**
   * Per subject (user or group): its asset grants on folders as (folder number, rank) pairs,
   * and the numbers of the collections granted to it. Shared by every member's cache, so
   * a group's grants are read once, not once per member; dropped on any permission change
   * and when folders are added (a grant may name a folder loaded after it).
   */
  private readonly subjectFolderRanks = new Map<Id, Int32Array>()
  private readonly subjectCollections = new Map<Id, Int32Array>()
  /** The live folders each collection holds, by collection number (foldersByCollection). */
  private collectionFolders: { starts: Int32Array; folders: Int32Array } | null = null
  /** columns.folderEdits when subjectFolderRanks and collectionFolders were made: any later write to a folder drops them. */
  private folderEdits = -1
  /** The live folders in tree order, made on first need and again once they change shape (folderOrder.ts). */
  private order: FolderOrder | null = null
  /** Per group: the table of what its grants and collections give, shared by its members' tables; dropped with subjectFolderRanks. */
  private readonly groupTables = new Map<Id, Uint32Array>()

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
   * Until the next permission change a child's access never changes (a new child brings a
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
    // An id that is no asset may become one (put back) without a permission change: not kept then.
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
    return node === null ? 'none' : RANK_LEVEL[this.collectionRank(this.cacheFor(user.id)!, collectionId, node)]
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

  /** The collection's memo slot, null where there is no such collection (not kept: it may be made). */
  private collectionNode(collectionId: Id): CollectionNode | null {
    this.catchUp()
    let node = this.collectionNodes.get(collectionId)
    if (node === undefined) {
      if (!this.store.tables.collections.has(collectionId)) return null
      node = { slot: this.collectionCount++ }
      this.collectionNodes.set(collectionId, node)
    }
    return node
  }

  /**
   * Rank from grants, or `manage` for the creator; memoised per user. The creator and grants
   * are read afresh: a memo entry lives until a change reaches the user (see catchUp).
   */
  private collectionRank(cache: UserCache, collectionId: Id, node: CollectionNode): number {
    const known = node.slot < cache.collections.length ? cache.collections[node.slot] : 0
    if (known !== 0) return known - 1
    let rank = 0
    const grants = this.store.indexes.grantsByResource.get(collectionId)
    if (this.store.tables.collections.get(collectionId)?.createdBy === cache.userId) rank = MANAGE
    else if (grants !== undefined) rank = this.grantRank(cache, grants, 'collection')
    if (node.slot >= cache.collections.length) cache.collections = grow(cache.collections, node.slot)
    cache.collections[node.slot] = rank + 1
    return rank
  }

  /**
   * Reads the permission changes made since the last call and drops what they made stale:
   * the memos of the users named, the entries of the folders named in every user's memo, or
   * everything (permissionChanges.ts).
   */
  private catchUp(): void {
    const changes = this.store.indexes.permissionChanges
    if (this.seen === changes.end) return
    const news = changes.since(this.seen)
    this.seen = changes.end
    this.subjectFolderRanks.clear()
    this.subjectCollections.clear()
    this.groupTables.clear()
    // A listing's answer may hold any user's access to anything: kept only while nothing changes.
    this.childMemo.clear()
    this.lastUserId = null
    this.lastCache = null
    if (news === null) return this.dropAll()
    for (const change of news) {
      if (change.kind === 'all') return this.dropAll()
      if (change.kind === 'users') for (const userId of change.users) this.caches.delete(userId)
      // A moved or deleted subtree, or a creator changed: the order and every table are made again, on need.
      else if (change.folders.length > 0) this.order = null
    }
  }

  private dropAll(): void {
    this.order = null
    this.collectionNodes.clear()
    this.collectionCount = 0
    this.caches.clear()
  }

  /** The user's cache, made on first sight; null where there is no such user. */
  private cacheFor(userId: Id): UserCache | null {
    this.catchUp()
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
        table: null,
        tableOrder: null,
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
   * The user's packed access to the asset in `start`. A folder in the order reads the user's
   * table; a file under one reads its parent's entry and steps down once. Otherwise (a folder
   * made since the order, or something below one) it walks up to the nearest folder in the
   * order, then works out each asset below it on the way back down. With `exact` false the
   * collection route of the asset itself is skipped where grants or ownership already give a
   * level (callers that only need the effective level).
   */
  private packedAccess(cache: UserCache, start: number, exact: boolean): number {
    const columns = this.columns
    const order = this.currentOrder()
    const table = cache.tableOrder === order ? cache.table! : this.tableOf(cache, order)
    const { node, folderNumber } = columns
    const position = order.position
    const at = start * NODE
    if ((node[at + N_FLAGS] & FOLDER) === 0) {
      // A file: its parent's entry is all the walk would read (the common case).
      const parentFolder = node[at + N_PARENT_FOLDER]
      if (parentFolder >= 0 && parentFolder < position.length && position[parentFolder] >= 0 && node[at + N_PARENT] >= 0) {
        return this.stepDown(cache, readTable(table, position[parentFolder]), start, exact)
      }
    } else {
      const folder = folderNumber[start]
      if (folder < position.length && position[folder] >= 0) return readTable(table, position[folder])
    }
    let chain = this.chain
    let length = 0
    let inherited = 0
    // A parent not (or no longer) in the library ends the walk, as Home's null parent does.
    for (let slot = start; ; ) {
      if (length === chain.length) chain = this.longerChain()
      chain[length++] = slot
      const here = slot * NODE
      const parent = node[here + N_PARENT]
      if (parent < 0) break
      let folder = node[here + N_PARENT_FOLDER]
      if (folder < 0) {
        // The parent had no folder number when it was set (loaded after the child): kept now.
        folder = folderNumber[parent]
        if (folder >= 0) node[here + N_PARENT_FOLDER] = folder
      }
      // A folder in the order is live (a change of liveness makes the order again).
      if (folder >= 0 && folder < position.length && position[folder] >= 0) {
        inherited = readTable(table, position[folder])
        break
      }
      if ((node[parent * NODE + N_FLAGS] & LIVE) === 0) break
      slot = parent
    }
    let packed = inherited
    for (let i = length - 1; i >= 0; i--) packed = this.stepDown(cache, packed, chain[i], exact)
    return packed
  }

  /** The walk's chain of slots, twice as long, what it held kept. */
  private longerChain(): Int32Array<ArrayBuffer> {
    return (this.chain = longer(this.chain, 0))
  }

  /** The folder order, made again where folders changed shape since (or many were made: see FolderOrder.staleFor). */
  private currentOrder(): FolderOrder {
    const order = this.order
    if (order !== null && !order.staleFor(this.columns)) return order
    // Tables are by position: those of the old order, the users' and the groups', go with it.
    this.groupTables.clear()
    return (this.order = new FolderOrder(this.columns))
  }

  /**
   * The user's table over the order: their groups' tables OR-ed, with what is their own set
   * on top (grants to them on folders, folders of collections granted to them or made by
   * them, folders they made). One with nothing of their own and at most one group shares that
   * group's table (or the empty one) instead of a copy: tables are never written once made.
   */
  private tableOf(cache: UserCache, order: FolderOrder): Uint32Array {
    this.freshFolderLists()
    const groups: Uint32Array[] = []
    for (const group of cache.groups) groups.push(this.groupTable(group, order))
    const ranks = this.folderRanksOf(cache.userId)
    const { userId, subject } = cache
    const { indexes, tables } = this.store
    const collections = Array.from(this.grantedCollections(userId))
    for (const id of indexes.collectionsByCreator.get(userId)) if (tables.collections.has(id)) collections.push(this.columns.collection(id))
    let table: Uint32Array
    if (ranks.length === 0 && !this.holdFolders(collections) && !order.madeAny(subject) && groups.length <= 1) table = groups.length === 1 ? groups[0] : order.empty
    else {
      table = unionTables(groups, order.words)
      this.markSubject(table, order, ranks, collections)
      order.markMade(table, subject)
    }
    cache.table = table
    cache.tableOrder = order
    return table
  }

  /** The table of what a group's grants on folders and the collections granted to it give its members, made once for all of them. */
  private groupTable(groupId: Id, order: FolderOrder): Uint32Array {
    let table = this.groupTables.get(groupId)
    if (table === undefined) {
      const ranks = this.folderRanksOf(groupId)
      const collections = this.grantedCollections(groupId)
      if (ranks.length === 0 && !this.holdFolders(collections)) table = order.empty
      else this.markSubject((table = new Uint32Array(order.words)), order, ranks, collections)
      this.groupTables.set(groupId, table)
    }
    return table
  }

  /** Sets each (folder, rank) of `ranks` and the folders the collections numbered in `collections` hold, each with what is below it. */
  private markSubject(table: Uint32Array, order: FolderOrder, ranks: Int32Array, collections: ArrayLike<number>): void {
    for (let i = 0; i < ranks.length; i += 2) order.mark(table, ranks[i], RANK_BITS[ranks[i + 1]])
    const { starts, folders } = this.collectionFolders ?? this.foldersByCollection()
    for (let k = 0; k < collections.length; k++) {
      const n = collections[k]
      if (n + 1 >= starts.length) continue
      for (let i = starts[n]; i < starts[n + 1]; i++) order.mark(table, folders[i], VIA_BIT)
    }
  }

  /** Whether any of the collections numbered in `collections` holds a live folder. */
  private holdFolders(collections: ArrayLike<number>): boolean {
    const { starts } = this.collectionFolders ?? this.foldersByCollection()
    for (let k = 0; k < collections.length; k++) {
      const n = collections[k]
      if (n + 1 < starts.length && starts[n + 1] > starts[n]) return true
    }
    return false
  }

  /** Drops the lists read from folderNode (grants on folders, folders by collection) after any write to a folder. */
  private freshFolderLists(): void {
    const columns = this.columns
    if (this.folderEdits === columns.folderEdits) return
    this.subjectFolderRanks.clear()
    this.collectionFolders = null
    this.folderEdits = columns.folderEdits
  }

  /** A subject's asset grants on folders as (folder number, rank) pairs. */
  private folderRanksOf(subject: Id): Int32Array {
    let pairs = this.subjectFolderRanks.get(subject)
    if (pairs === undefined) {
      const { folderNumber } = this.columns
      const found: number[] = []
      for (const [slot, rank] of this.store.indexes.assetGrantRanks.get(subject) ?? []) {
        const folder = folderNumber[slot]
        if (folder >= 0) found.push(folder, rank)
      }
      pairs = Int32Array.from(found)
      this.subjectFolderRanks.set(subject, pairs)
    }
    return pairs
  }

  /** The live folders each collection holds exactly, by collection number: folders[starts[n], starts[n + 1]). */
  private foldersByCollection(): { starts: Int32Array; folders: Int32Array } {
    const columns = this.columns
    const fnode = columns.folderNode
    const count = columns.folders
    // One pass over the folders for (collection, folder) pairs, then a counting sort: run once
    // per engine, so mostly before the code is optimised, where a call per pair cost most.
    let pairs = new Int32Array(1024)
    let length = 0
    for (let folder = 0; folder < count; folder++) {
      const at = folder * FOLDER_NODE
      if ((fnode[at + F_FLAGS] & (LIVE | HAS_COLLECTIONS)) !== (LIVE | HAS_COLLECTIONS)) continue
      const only = fnode[at + F_COLLECTION]
      const numbers = only >= 0 ? null : only === SEVERAL ? columns.collectionsHolding(columns.folderSlot[folder]) : NONE
      const more = numbers === null ? 1 : numbers.length
      if (length + 2 * more > pairs.length) pairs = longer(pairs, length + 2 * more)
      if (numbers === null) {
        pairs[length++] = only
        pairs[length++] = folder
      } else {
        for (let i = 0; i < numbers.length; i++) {
          pairs[length++] = numbers[i]
          pairs[length++] = folder
        }
      }
    }
    const starts = new Int32Array(columns.collections + 2)
    for (let i = 0; i < length; i += 2) starts[pairs[i] + 2]++
    for (let n = 2; n < starts.length; n++) starts[n] += starts[n - 1]
    const folders = new Int32Array(length >> 1)
    // starts[n + 1] counts up from where collection n's folders begin, ending where they end.
    for (let i = 0; i < length; i += 2) folders[starts[pairs[i] + 1]++] = pairs[i + 1]
    const lists = { starts: starts.subarray(0, columns.collections + 1), folders }
    this.collectionFolders = lists
    return lists
  }

  /**
   * An asset's packed access from its parent's: the parent's (rules 1-3 cascade) raised by
   * what is the asset's own. With `exact` false, see packedAccess.
   */
  private stepDown(cache: UserCache, parentPacked: number, slot: number, exact: boolean): number {
    const columns = this.columns
    const at = slot * NODE
    const flags = columns.node[at + N_FLAGS]
    let rank = parentPacked & 3
    if (columns.node[at + N_CREATOR] === cache.subject) rank = MANAGE
    else if (rank < MANAGE && (flags & HAS_GRANTS) !== 0) {
      for (const ranks of cache.grantRanks) {
        const granted = ranks.get(slot)
        if (granted !== undefined && granted > rank) rank = granted
      }
    }
    let via = (parentPacked & VIA_COLLECTION) !== 0
    if (!via && (flags & HAS_COLLECTIONS) !== 0 && (exact || (flags & FOLDER) !== 0 || rank === 0)) {
      const viewable = cache.viewable ?? this.viewableOf(cache)
      const held = columns.held
      const only = held.of[slot]
      if (only >= 0) via = isMarked(viewable, only)
      else if (only < -1) via = anyMarked(held.lists, only, viewable)
    }
    return rank | (via ? VIA_COLLECTION : 0)
  }

  /** The collections the user can view (rank above none: any grant to them or their groups, or their own), by number. */
  private viewableOf(cache: UserCache): Uint32Array {
    const { indexes, tables } = this.store
    // Numbered first: numbering may add collections, and the memo is made as long as their count.
    const granted = [cache.userId, ...cache.groups].map((subject) => this.grantedCollections(subject))
    const own: number[] = []
    for (const id of indexes.collectionsByCreator.get(cache.userId)) if (tables.collections.has(id)) own.push(this.columns.collection(id))
    // A bit per collection, so every user's stay in the processor's caches together.
    const viewable = new Uint32Array((this.columns.collections + 31) >> 5)
    for (const numbers of granted) for (const n of numbers) viewable[n >> 5] |= 1 << (n & 31)
    for (const n of own) viewable[n >> 5] |= 1 << (n & 31)
    return (cache.viewable = viewable)
  }

  /** The numbers of the collections granted to a subject (at any level), kept until the next permission change. */
  private grantedCollections(subject: Id): Int32Array {
    let numbers = this.subjectCollections.get(subject)
    if (numbers === undefined) {
      const { indexes, tables } = this.store
      const found: number[] = []
      for (const grant of indexes.grantsBySubject.get(subject)?.values() ?? []) {
        if (grant.resourceType === 'collection' && tables.collections.has(grant.resourceId)) found.push(this.columns.collection(grant.resourceId))
      }
      numbers = Int32Array.from(found)
      this.subjectCollections.set(subject, numbers)
    }
    return numbers
  }
}

/** Whether two lists hold the same ids in the same order. */
function sameIds(a: readonly Id[], b: readonly Id[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

const NONE = new Int32Array(0)

/** `list` copied into one at least `size` long (twice as long where that is more). */
function longer(list: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(size, list.length * 2))
  grown.set(list)
  return grown
}

/** A memo long enough for `slot`, keeping what is known. */
function grow(memo: Uint8Array, slot: number): Uint8Array {
  const grown = new Uint8Array(Math.max(slot + 1, memo.length * 2))
  grown.set(memo)
  return grown
}

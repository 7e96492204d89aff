import type {
  ActivityRecord, AssetRecord, AssociationRecord, CollectionRecord, CommentRecord, DownloadRecord, GrantRecord,
  GroupRecord, Id, MembershipRecord, MetadataFieldRecord, TableName, Tables, TrashRecord, UserRecord,
} from '../../../shared/domain.js'
import { levelRank } from '../../../shared/domain.js'
import { AssetColumns, FOLDER, HAS_COLLECTIONS, HAS_GRANTS, LIVE } from './assetColumns.js'
import { ChildNames } from './childNames.js'
import type { ColumnBatch } from './hotColumns.js'
import { numberColumn } from './idIndex.js'
import { ChildLists, CollectionLists } from './slotLists.js'
import { MultiMap, type Members } from './multimap.js'
import { nameKey } from '../../../shared/names.js'
import { TextIndex } from './textIndex.js'
import { PermissionChanges } from './permissionChanges.js'

const lower = (s: string) => s.toLowerCase()
/** A move or deletion over more folders than this drops every memo rather than list them. */
const SUBTREE_FOLDERS = 1 << 16

/**
 * Everything a permission check or a listing needs, kept up to date on every put and
 * delete so that neither ever scans the whole library. What open must build is cheap (one
 * pass of map and array writes per record); indexes that few sessions need soon (names by
 * folder, blob references, assets by creator, activity by resource, search) are built on
 * first use from what is kept here, then kept up to date like the rest.
 */
export class Indexes {
  /** Every asset as dense numbers: what permission checks walk. */
  readonly columns = new AssetColumns()
  /** Folder id -> ids of its children, kept as slots (slotLists.ts). */
  readonly children = new ChildLists(this.columns)
  /** Folder id -> child name key (see nameKey) -> child id: names are unique per folder, case-insensitively. */
  readonly childByName = new ChildNames(this.columns, this.children)
  /** resource id -> subject id -> grant */
  readonly grantsByResource = new Map<Id, Map<Id, GrantRecord>>()
  /** subject id -> resource id -> grant */
  readonly grantsBySubject = new Map<Id, Map<Id, GrantRecord>>()
  /** subject id -> asset slot (see columns) -> rank (1 view, 2 contribute, 3 manage) of the grant on exactly that asset: what a check asks. */
  readonly assetGrantRanks = new Map<Id, Map<number, number>>()
  readonly groupsByUser = new MultiMap<Id, Id>()
  readonly membersByGroup = new MultiMap<Id, Id>()
  /** Asset id -> ids of the collections holding exactly it: read from the columns, which keep them as numbers. */
  readonly collectionsByAsset = new CollectionsByAsset(this.columns)
  readonly assetsByCollection = new CollectionLists(this.columns)
  readonly collectionsByCreator = new MultiMap<Id, Id>()
  readonly userByEmail = new Map<string, Id>()
  /** `${creatorId}\n${nameKey(name)}` -> collection id: names are unique per creator (docs/permissions.md). */
  readonly collectionByCreatorName = new Map<string, Id>()
  readonly groupByName = new Map<string, Id>()
  readonly fieldByName = new Map<string, Id>()
  readonly commentsByFile = new MultiMap<Id, Id>()
  readonly activityOrder: Id[] = []
  /** The entries of activityOrder, for building activityByResource when first asked. */
  private readonly activityEntries: ActivityRecord[] = []
  private activityIndex: Map<Id, Id[]> | null = null
  readonly downloadsByOwner = new MultiMap<Id, Id>()
  /** Trash root id -> ids of the trash records deleted with it (itself included). */
  readonly trashByRoot = new MultiMap<Id, Id>()
  /** Trashed files: their versions keep their blobs until they are purged (docs/trash.md). */
  private readonly trashedFiles = new Map<Id, AssetRecord & { kind: 'file' }>()
  private blobIndex: Map<string, number> | null = null
  /**
   * Hashes whose last reference may have gone since the last collection: the collector's
   * short list. Each is checked against blobRefs before anything is removed.
   */
  readonly orphanedBlobs = new Set<string>()
  private text: TextIndex | null = null
  rootId: Id | null = null
  /**
   * Whatever a permission depends on that changed (grants, memberships, roles, collections
   * and what they hold, the shape of the tree), said as narrowly as it can be, so cached
   * levels drop what went stale and only that (permissionChanges.ts).
   */
  readonly permissionChanges = new PermissionChanges()
  /** Collection id -> its creator: who can view it without a grant, for permissionChanges. */
  private readonly collectionCreators = new Map<Id, Id>()
  /**
   * While a library loads, permission changes are not said record by record (a grant to a
   * group would list its members, 100,000 times at a million files): the load ends with one
   * `all` instead (endLoad), which every memo made before it drops anyway.
   */
  private loading = false

  beginLoad(): void {
    this.loading = true
    this.children.lists.defer()
    this.assetsByCollection.lists.defer()
  }

  endLoad(): void {
    this.loading = false
    this.children.lists.settle()
    this.assetsByCollection.lists.settle()
    this.permissionChanges.add({ kind: 'all' })
  }

  /** Blob hash -> number of versions that reference it: a blob at zero may be collected. */
  get blobRefs(): ReadonlyMap<string, number> {
    if (this.blobIndex === null) {
      this.blobIndex = new Map()
      const { columns } = this
      for (let slot = 0; slot < columns.length; slot++) {
        if ((columns.flags[slot] & (LIVE | FOLDER)) !== LIVE) continue
        const asset = columns.body(columns.idOf(slot))
        if (asset?.kind === 'file') for (const v of asset.versions) this.ref(v.hash)
      }
      for (const file of this.trashedFiles.values()) for (const v of file.versions) this.ref(v.hash)
    }
    return this.blobIndex
  }

  /** Resource id -> ids of the activity entries naming it, oldest first. */
  get activityByResource(): ReadonlyMap<Id, readonly Id[]> {
    if (this.activityIndex === null) {
      this.activityIndex = new Map()
      for (const entry of this.activityEntries) this.indexActivity(entry)
    }
    return this.activityIndex
  }

  /** Ids of the live assets created by a user, in slot order: a pass over one column. */
  assetsCreatedBy(userId: Id): Id[] {
    const { columns } = this
    const subject = columns.subject(userId)
    const out: Id[] = []
    for (let slot = 0; slot < columns.length; slot++) {
      if (columns.creator[slot] === subject && (columns.flags[slot] & LIVE) !== 0) out.push(columns.idOf(slot))
    }
    return out
  }

  /**
   * Builds the search index after open, a millisecond at a time, from the columns (column
   * files keep every asset's search texts) or, for assets without, their records. A search
   * before it is done neither waits for it nor finishes it (docs/scale.md, "Search").
   */
  async buildSearchIndex(stop: () => boolean, sliceMs = 1, writing: () => boolean = () => false): Promise<void> {
    if (this.text !== null) return
    const text = (this.text = new TextIndex(this.columns, true))
    while (this.text === text && !stop()) {
      // A change on its way to disk goes first: an ack needs a few turns of the event loop, and
      // each would wait behind a slice (at a million files, p50 3.6 ms where 0.85 without).
      if (writing()) {
        await new Promise((resolve) => setTimeout(resolve, 1))
        continue
      }
      // A call waits at most a slice behind it.
      if (text.step(performance.now() + sliceMs)) return
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  /** Whether the search index is whole (a search scans what it lacks otherwise). */
  get searchIndexReady(): boolean {
    return this.text !== null && !this.text.building
  }

  /**
   * The search index, built at once on first use when no background build was begun; one
   * being built answers in full as it is (TextIndex.candidates).
   */
  get textIndex(): TextIndex {
    return (this.text ??= new TextIndex(this.columns))
  }

  /**
   * Takes a column file's assets, as `update('assets', undefined, hot)` would take each
   * (docs/scale.md, "Open from column files"). Returns each record's slot.
   */
  loadAssets(batch: ColumnBatch, parentsLookedUp?: Int32Array): Int32Array {
    const { columns } = this
    const slots = columns.putBatch(batch, parentsLookedUp)
    const lists = this.children.lists
    const { wasLive } = columns
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]
      const parent = columns.parent[slot]
      // An asset not live before is in no folder's list: appended without a search of the list.
      if (parent >= 0) {
        if (wasLive !== null && wasLive[i] === 1) lists.add(parent, slot)
        else lists.push(parent, slot)
      } else this.rootId = columns.idOf(slot)
    }
    // Not built at open; should it be, it is built again from the columns when next asked.
    this.text = null
    return slots
  }

  /** Takes a column file's collection links, as `update('associations', undefined, hot)` would take each. */
  loadAssociations(batch: ColumnBatch, lookedUp?: Int32Array): void {
    const { columns } = this
    const assets = numberColumn(columns.index, batch.fields.assetId, lookedUp)
    columns.fit()
    // Numbered from the bytes, as the asset ids are: no string per link.
    const numbers = numberColumn(columns.collectionIndex, batch.fields.collectionId)
    const lists = this.assetsByCollection.lists
    for (let i = 0; i < batch.count; i++) {
      const slot = assets[i]
      const n = numbers[i]
      // An asset no collection held before is in no collection's list: appended without a search of the list.
      const fresh = (columns.flags[slot] & HAS_COLLECTIONS) === 0
      columns.addSlotToCollection(slot, n)
      if (fresh) lists.push(n, slot)
      else lists.add(n, slot)
    }
    this.permissionChanges.add({ kind: 'all' })
  }

  update<T extends TableName>(table: T, before: Tables[T] | undefined, after: Tables[T] | undefined): void {
    switch (table) {
      case 'assets':
        return this.asset(before as AssetRecord | undefined, after as AssetRecord | undefined)
      case 'grants':
        return this.grant(before as GrantRecord | undefined, after as GrantRecord | undefined)
      case 'memberships':
        return this.membership(before as MembershipRecord | undefined, after as MembershipRecord | undefined)
      case 'associations':
        return this.association(before as AssociationRecord | undefined, after as AssociationRecord | undefined)
      case 'collections':
        return this.collection(before as CollectionRecord | undefined, after as CollectionRecord | undefined)
      case 'users':
        return this.user(before as UserRecord | undefined, after as UserRecord | undefined)
      case 'groups':
        return this.named(this.groupByName, before as GroupRecord | undefined, after as GroupRecord | undefined)
      case 'fields':
        return this.named(this.fieldByName, before as MetadataFieldRecord | undefined, after as MetadataFieldRecord | undefined)
      case 'comments':
        return this.comment(before as CommentRecord | undefined, after as CommentRecord | undefined)
      case 'activity':
        return this.activity(before as ActivityRecord | undefined, after as ActivityRecord | undefined)
      case 'downloads':
        return this.download(before as DownloadRecord | undefined, after as DownloadRecord | undefined)
      case 'trash':
        return this.trash(before as TrashRecord | undefined, after as TrashRecord | undefined)
      case 'settings':
      case 'smartCollections':
        return
    }
  }

  private asset(before: AssetRecord | undefined, after: AssetRecord | undefined): void {
    const { columns } = this
    // A new asset changes no one's level elsewhere; a move or a deletion changes what the
    // subtree inherits, for everyone, and nothing outside it.
    if (before && (!after || before.parentId !== after.parentId || before.createdBy !== after.createdBy)) this.subtreeChanged(before.id)
    if (before) {
      if (before.parentId !== null) {
        this.children.delete(before.parentId, before.id)
        this.childByName.drop(before.parentId, before)
      } else if (this.rootId === before.id) this.rootId = null
      const slot = columns.slotOf(before.id)
      if (slot !== undefined) this.text?.remove(slot, before)
      if (before.kind === 'file') this.unref(before, after)
    }
    if (after) {
      if (after.parentId !== null) {
        this.children.add(after.parentId, after.id)
        this.childByName.enter(after.parentId, after)
      } else this.rootId = after.id
      const slot = columns.put(after)
      this.text?.add(slot, after)
      if (after.kind === 'file' && this.blobIndex !== null) for (const v of after.versions) this.ref(v.hash)
    } else if (before) {
      columns.remove(before.id)
      this.childByName.forget(before.id)
    }
  }

  /** Says which folders' inherited levels may have changed: those at and below `id` (all, past a limit). */
  private subtreeChanged(id: Id): void {
    const { columns } = this
    const top = columns.slotOf(id)
    if (top === undefined) return
    const folders: number[] = []
    const stack = [top]
    while (stack.length > 0) {
      const slot = stack.pop()!
      const folder = columns.folderNumber[slot]
      if (folder < 0) continue
      if (folders.length === SUBTREE_FOLDERS) return this.permissionChanges.add({ kind: 'all' })
      folders.push(folder)
      for (const child of this.children.lists.get(slot)) if (columns.folderNumber[child] >= 0) stack.push(child)
    }
    this.permissionChanges.add({ kind: 'folders', folders: Int32Array.from(folders) })
  }

  /** The users a grant to `subjectId` (a user or a group) reaches now. */
  private usersOf(subjectId: Id): Id[] {
    // A user id is no group, and a group id no user: both lists are the ids they hold.
    return [subjectId, ...this.membersByGroup.get(subjectId)]
  }

  /** The users who can view a collection now: its creator and whoever a grant on it reaches. */
  private viewersOf(collectionId: Id): Id[] {
    const users: Id[] = []
    const creator = this.collectionCreators.get(collectionId)
    if (creator !== undefined) users.push(creator)
    for (const grant of this.grantsByResource.get(collectionId)?.values() ?? []) users.push(...this.usersOf(grant.subjectId))
    return users
  }

  private ref(hash: string): void {
    this.blobIndex!.set(hash, (this.blobIndex!.get(hash) ?? 0) + 1)
  }

  /** Drops the references of `before`'s versions; those `after` does not keep may leave their blob orphaned. */
  private unref(before: AssetRecord & { kind: 'file' }, after: AssetRecord | undefined): void {
    if (this.blobIndex === null) {
      // Not counted yet: every hash the record gives up is a candidate, checked when collected.
      const kept = new Set(after?.kind === 'file' ? after.versions.map((v) => v.hash) : [])
      for (const v of before.versions) if (!kept.has(v.hash)) this.orphanedBlobs.add(v.hash)
      return
    }
    for (const v of before.versions) {
      const n = (this.blobIndex.get(v.hash) ?? 0) - 1
      if (n <= 0) {
        this.blobIndex.delete(v.hash)
        this.orphanedBlobs.add(v.hash)
      } else this.blobIndex.set(v.hash, n)
    }
  }

  private grant(before: GrantRecord | undefined, after: GrantRecord | undefined): void {
    if (before) {
      this.grantsByResource.get(before.resourceId)?.delete(before.subjectId)
      if (this.grantsByResource.get(before.resourceId)?.size === 0) this.grantsByResource.delete(before.resourceId)
      this.grantsBySubject.get(before.subjectId)?.delete(before.resourceId)
      if (this.grantsBySubject.get(before.subjectId)?.size === 0) this.grantsBySubject.delete(before.subjectId)
      if (before.resourceType === 'asset') {
        this.columns.setFlag(before.resourceId, HAS_GRANTS, this.grantsByResource.has(before.resourceId))
        const ranks = this.assetGrantRanks.get(before.subjectId)
        ranks?.delete(this.columns.slotFor(before.resourceId))
        if (ranks?.size === 0) this.assetGrantRanks.delete(before.subjectId)
      }
    }
    if (after) {
      let byRes = this.grantsByResource.get(after.resourceId)
      if (!byRes) this.grantsByResource.set(after.resourceId, (byRes = new Map()))
      byRes.set(after.subjectId, after)
      let bySub = this.grantsBySubject.get(after.subjectId)
      if (!bySub) this.grantsBySubject.set(after.subjectId, (bySub = new Map()))
      bySub.set(after.resourceId, after)
      if (after.resourceType === 'asset') {
        // One lookup of the id: 100,000 grants at a million files.
        const slot = this.columns.slotFor(after.resourceId)
        this.columns.setSlotFlag(slot, HAS_GRANTS, true)
        let ranks = this.assetGrantRanks.get(after.subjectId)
        if (!ranks) this.assetGrantRanks.set(after.subjectId, (ranks = new Map()))
        ranks.set(slot, levelRank[after.level])
      }
    }
    if (this.loading) return
    const users = before ? this.usersOf(before.subjectId) : []
    if (after && after.subjectId !== before?.subjectId) users.push(...this.usersOf(after.subjectId))
    this.permissionChanges.add({ kind: 'users', users })
  }

  private membership(before: MembershipRecord | undefined, after: MembershipRecord | undefined): void {
    if (before) {
      this.groupsByUser.delete(before.userId, before.groupId)
      this.membersByGroup.delete(before.groupId, before.userId)
    }
    if (after) {
      this.groupsByUser.add(after.userId, after.groupId)
      this.membersByGroup.add(after.groupId, after.userId)
    }
    if (!this.loading) this.permissionChanges.add({ kind: 'users', users: [before?.userId, after?.userId].filter((id): id is Id => id !== undefined) })
  }

  private association(before: AssociationRecord | undefined, after: AssociationRecord | undefined): void {
    if (before) {
      this.assetsByCollection.delete(before.collectionId, before.assetId)
      this.columns.removeFromCollection(before.assetId, before.collectionId)
    }
    if (after) {
      this.assetsByCollection.add(after.collectionId, after.assetId)
      this.columns.addToCollection(after.assetId, after.collectionId)
    }
    if (this.loading) return
    // Only who can view the collection sees the asset through it.
    const users = before ? this.viewersOf(before.collectionId) : []
    if (after && after.collectionId !== before?.collectionId) users.push(...this.viewersOf(after.collectionId))
    this.permissionChanges.add({ kind: 'users', users })
  }

  private collection(before: CollectionRecord | undefined, after: CollectionRecord | undefined): void {
    if (before && this.collectionByCreatorName.get(creatorNameKey(before.createdBy, before.name)) === before.id) {
      this.collectionByCreatorName.delete(creatorNameKey(before.createdBy, before.name))
    }
    if (after) this.collectionByCreatorName.set(creatorNameKey(after.createdBy, after.name), after.id)
    if (before) this.collectionsByCreator.delete(before.createdBy, before.id)
    if (after) this.collectionsByCreator.add(after.createdBy, after.id)
    // A collection that comes or goes (or changes hands) changes what its viewers see, before and after.
    if (!before || !after || before.createdBy !== after.createdBy) {
      const users = before && !this.loading ? this.viewersOf(before.id) : []
      if (after) this.collectionCreators.set(after.id, after.createdBy)
      else this.collectionCreators.delete(before!.id)
      if (this.loading) return
      if (after) users.push(...this.viewersOf(after.id))
      this.permissionChanges.add({ kind: 'users', users })
    }
  }

  private user(before: UserRecord | undefined, after: UserRecord | undefined): void {
    if (before && this.userByEmail.get(lower(before.email)) === before.id) this.userByEmail.delete(lower(before.email))
    if (after) this.userByEmail.set(lower(after.email), after.id)
    if (!this.loading && (!before || !after || before.role !== after.role)) this.permissionChanges.add({ kind: 'users', users: [(after ?? before)!.id] })
  }

  private named(index: Map<string, Id>, before: { id: Id; name: string } | undefined, after: { id: Id; name: string } | undefined): void {
    if (before && index.get(nameKey(before.name)) === before.id) index.delete(nameKey(before.name))
    if (after) index.set(nameKey(after.name), after.id)
  }

  private comment(before: CommentRecord | undefined, after: CommentRecord | undefined): void {
    if (before) this.commentsByFile.delete(before.fileId, before.id)
    if (after) this.commentsByFile.add(after.fileId, after.id)
  }

  private activity(before: ActivityRecord | undefined, after: ActivityRecord | undefined): void {
    // Activity is append-only: entries are added, never changed or removed, except that a
    // change a team library refused is taken back out of memory, newest entries first (store.ts).
    if (before && !after) return this.unlistActivity(before)
    if (before || !after) return
    this.activityOrder.push(after.id)
    this.activityEntries.push(after)
    if (this.activityIndex !== null) this.indexActivity(after)
  }

  private unlistActivity(entry: ActivityRecord): void {
    const at = this.activityOrder.lastIndexOf(entry.id)
    if (at < 0) return
    this.activityOrder.splice(at, 1)
    this.activityEntries.splice(at, 1)
    for (const id of entry.ids) {
      const list = this.activityIndex?.get(id)
      const i = list?.lastIndexOf(entry.id) ?? -1
      if (i >= 0) list!.splice(i, 1)
    }
  }

  private indexActivity(entry: ActivityRecord): void {
    for (const id of entry.ids) {
      let list = this.activityIndex!.get(id)
      if (!list) this.activityIndex!.set(id, (list = []))
      list.push(entry.id)
    }
  }

  private trash(before: TrashRecord | undefined, after: TrashRecord | undefined): void {
    if (before) {
      this.trashByRoot.delete(before.rootId, before.id)
      if (before.asset.kind === 'file') {
        this.trashedFiles.delete(before.id)
        this.unref(before.asset, after?.asset)
      }
    }
    if (after) {
      this.trashByRoot.add(after.rootId, after.id)
      if (after.asset.kind === 'file') {
        this.trashedFiles.set(after.id, after.asset)
        if (this.blobIndex !== null) for (const v of after.asset.versions) this.ref(v.hash)
      }
    }
  }

  private download(before: DownloadRecord | undefined, after: DownloadRecord | undefined): void {
    if (before) this.downloadsByOwner.delete(before.ownerId, before.id)
    if (after) this.downloadsByOwner.add(after.ownerId, after.id)
  }
}

/** The collections holding exactly an asset, as ids, from the numbers the columns keep. */
class CollectionsByAsset {
  constructor(private readonly columns: AssetColumns) {}

  get(assetId: Id): Members<Id> {
    const slot = this.columns.slotOf(assetId)
    const numbers = slot === undefined ? [] : this.columns.collectionsHolding(slot)
    const ids = Array.from(numbers, (n) => this.columns.collectionIdOf(n))
    return { size: ids.length, has: (id) => ids.includes(id), [Symbol.iterator]: () => ids[Symbol.iterator]() }
  }

  has(assetId: Id, collectionId: Id): boolean {
    const slot = this.columns.slotOf(assetId)
    if (slot === undefined) return false
    const numbers = this.columns.collectionsHolding(slot)
    for (let i = 0; i < numbers.length; i++) if (this.columns.collectionIdOf(numbers[i]) === collectionId) return true
    return false
  }
}

/** The key of a collection name among its creator's collections. */
export function creatorNameKey(creatorId: Id, name: string): string {
  return `${creatorId}\n${nameKey(name)}`
}

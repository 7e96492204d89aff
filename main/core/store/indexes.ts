import type {
  ActivityRecord, AssetRecord, AssociationRecord, CollectionRecord, CommentRecord, DownloadRecord, GrantRecord,
  GroupRecord, Id, MembershipRecord, MetadataFieldRecord, TableName, Tables, UserRecord,
} from '../../../shared/domain.js'
import { MultiMap } from './multimap.js'
import { nameKey } from '../../../shared/names.js'

const lower = (s: string) => s.toLowerCase()

/**
 * Everything a permission check or a listing needs, kept up to date on every put and
 * delete so that neither ever scans the whole library.
 */
export class Indexes {
  readonly children = new MultiMap<Id, Id>()
  /** Folder id -> child name key (see nameKey) -> child id: names are unique per folder, case-insensitively. */
  readonly childByName = new Map<Id, Map<string, Id>>()
  readonly assetsByCreator = new MultiMap<Id, Id>()
  /** Lower-cased names of every asset, for substring search without lower-casing per query. */
  readonly lowerNames = new Map<Id, string>()
  /** resource id -> subject id -> grant */
  readonly grantsByResource = new Map<Id, Map<Id, GrantRecord>>()
  /** subject id -> resource id -> grant */
  readonly grantsBySubject = new Map<Id, Map<Id, GrantRecord>>()
  readonly groupsByUser = new MultiMap<Id, Id>()
  readonly membersByGroup = new MultiMap<Id, Id>()
  readonly collectionsByAsset = new MultiMap<Id, Id>()
  readonly assetsByCollection = new MultiMap<Id, Id>()
  readonly collectionsByCreator = new MultiMap<Id, Id>()
  readonly userByEmail = new Map<string, Id>()
  /** `${creatorId}\n${nameKey(name)}` -> collection id: names are unique per creator (docs/permissions.md). */
  readonly collectionByCreatorName = new Map<string, Id>()
  readonly groupByName = new Map<string, Id>()
  readonly fieldByName = new Map<string, Id>()
  readonly commentsByFile = new MultiMap<Id, Id>()
  readonly activityByResource = new Map<Id, Id[]>()
  readonly activityOrder: Id[] = []
  readonly downloadsByOwner = new MultiMap<Id, Id>()
  /** Blob hash -> number of versions that reference it: a blob at zero may be collected. */
  readonly blobRefs = new Map<string, number>()
  /** Hashes whose last reference went away since the last collection: the collector's short list. */
  readonly orphanedBlobs = new Set<string>()
  rootId: Id | null = null
  /**
   * Bumped whenever anything a permission depends on changes (grants, memberships, roles,
   * collection associations, the shape of the tree), so cached levels know they are stale.
   */
  permissionGeneration = 0

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
    }
  }

  private asset(before: AssetRecord | undefined, after: AssetRecord | undefined): void {
    if (before) {
      if (before.parentId !== null) {
        this.children.delete(before.parentId, before.id)
        const names = this.childByName.get(before.parentId)
        if (names?.get(nameKey(before.name)) === before.id) names.delete(nameKey(before.name))
      } else if (this.rootId === before.id) this.rootId = null
      this.assetsByCreator.delete(before.createdBy, before.id)
      this.lowerNames.delete(before.id)
      if (before.kind === 'file') for (const v of before.versions) this.unref(v.hash)
    }
    if (after) {
      if (after.parentId !== null) {
        this.children.add(after.parentId, after.id)
        let names = this.childByName.get(after.parentId)
        if (!names) this.childByName.set(after.parentId, (names = new Map()))
        names.set(nameKey(after.name), after.id)
      } else this.rootId = after.id
      this.assetsByCreator.add(after.createdBy, after.id)
      this.lowerNames.set(after.id, lower(after.name))
      if (after.kind === 'file') for (const v of after.versions) this.blobRefs.set(v.hash, (this.blobRefs.get(v.hash) ?? 0) + 1)
    } else if (before) {
      this.childByName.delete(before.id)
    }
    // A new asset changes no one's level elsewhere; a move or a deletion does.
    if (before && (!after || before.parentId !== after.parentId)) this.permissionGeneration++
  }

  private unref(hash: string): void {
    const n = (this.blobRefs.get(hash) ?? 0) - 1
    if (n <= 0) {
      this.blobRefs.delete(hash)
      this.orphanedBlobs.add(hash)
    } else this.blobRefs.set(hash, n)
  }

  private grant(before: GrantRecord | undefined, after: GrantRecord | undefined): void {
    if (before) {
      this.grantsByResource.get(before.resourceId)?.delete(before.subjectId)
      if (this.grantsByResource.get(before.resourceId)?.size === 0) this.grantsByResource.delete(before.resourceId)
      this.grantsBySubject.get(before.subjectId)?.delete(before.resourceId)
      if (this.grantsBySubject.get(before.subjectId)?.size === 0) this.grantsBySubject.delete(before.subjectId)
    }
    if (after) {
      let byRes = this.grantsByResource.get(after.resourceId)
      if (!byRes) this.grantsByResource.set(after.resourceId, (byRes = new Map()))
      byRes.set(after.subjectId, after)
      let bySub = this.grantsBySubject.get(after.subjectId)
      if (!bySub) this.grantsBySubject.set(after.subjectId, (bySub = new Map()))
      bySub.set(after.resourceId, after)
    }
    this.permissionGeneration++
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
    this.permissionGeneration++
  }

  private association(before: AssociationRecord | undefined, after: AssociationRecord | undefined): void {
    if (before) {
      this.collectionsByAsset.delete(before.assetId, before.collectionId)
      this.assetsByCollection.delete(before.collectionId, before.assetId)
    }
    if (after) {
      this.collectionsByAsset.add(after.assetId, after.collectionId)
      this.assetsByCollection.add(after.collectionId, after.assetId)
    }
    this.permissionGeneration++
  }

  private collection(before: CollectionRecord | undefined, after: CollectionRecord | undefined): void {
    if (before && this.collectionByCreatorName.get(creatorNameKey(before.createdBy, before.name)) === before.id) {
      this.collectionByCreatorName.delete(creatorNameKey(before.createdBy, before.name))
    }
    if (after) this.collectionByCreatorName.set(creatorNameKey(after.createdBy, after.name), after.id)
    if (before) this.collectionsByCreator.delete(before.createdBy, before.id)
    if (after) this.collectionsByCreator.add(after.createdBy, after.id)
    if (!before || !after) this.permissionGeneration++
  }

  private user(before: UserRecord | undefined, after: UserRecord | undefined): void {
    if (before && this.userByEmail.get(lower(before.email)) === before.id) this.userByEmail.delete(lower(before.email))
    if (after) this.userByEmail.set(lower(after.email), after.id)
    if (!before || !after || before.role !== after.role) this.permissionGeneration++
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
    // Activity is append-only: entries are added, never changed or removed.
    if (before || !after) return
    this.activityOrder.push(after.id)
    for (const id of after.ids) {
      let list = this.activityByResource.get(id)
      if (!list) this.activityByResource.set(id, (list = []))
      list.push(after.id)
    }
  }

  private download(before: DownloadRecord | undefined, after: DownloadRecord | undefined): void {
    if (before) this.downloadsByOwner.delete(before.ownerId, before.id)
    if (after) this.downloadsByOwner.add(after.ownerId, after.id)
  }
}

/** The key of a collection name among its creator's collections. */
export function creatorNameKey(creatorId: Id, name: string): string {
  return `${creatorId}\n${nameKey(name)}`
}

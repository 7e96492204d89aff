/** What channels return: records as a caller may see them, never more. */
import type {
  ActivityRecord, DownloadRecord, SavedSearch, EmbeddedMetadata, MediaProperties, FieldType, FocusArea, Id, Level, LevelOrNone, MetadataValue, Role,
} from './domain.js'

/** What anyone signed in may know of any user: enough to name them and share with them. */
export interface PersonView {
  id: Id
  name: string
}

export interface UserView extends PersonView {
  email: string
  role: Role
  hasPassword: boolean
  /** Groups the user belongs to (restricted users only have any). */
  groupIds: Id[]
  createdAt: number
}

/** What anyone signed in may know of any group: enough to name it and share with it. */
export interface GroupSummary {
  id: Id
  name: string
}

export interface GroupView extends GroupSummary {
  memberIds: Id[]
  createdAt: number
}

/**
 * An entry of `users.list`: the whole view for a reader who is not restricted; for a
 * restricted reader id and name only, never emails, roles or passwords (docs/accounts.md).
 */
export type UserListItem = PersonView & Partial<Omit<UserView, keyof PersonView>>

/**
 * An entry of `groups.list`: the whole view for a reader who is not restricted; for a
 * restricted reader id and name, and the members of the groups they are in themselves.
 */
export type GroupListItem = GroupSummary & Partial<Omit<GroupView, keyof GroupSummary>>

/** Something shared with a group, as the group's page lists it for an administrator. */
export interface GroupShareView {
  resourceType: 'asset' | 'collection'
  resourceId: Id
  /** A file or folder by its full path (`/Brand/Logos`), a collection by its name. */
  name: string
  kind: 'file' | 'folder' | 'collection'
  level: Level
}

export interface SessionView {
  /** Who acts: the viewed user while an admin views as someone. */
  user: UserView
  /** The admin behind a view-as, when there is one. */
  viewAsBy: UserView | null
  /** Admins manage users, groups and metadata fields. */
  isAdmin: boolean
  /** Restricted users see only what is shared with them. */
  isRestricted: boolean
}

export interface VersionView {
  number: number
  size: number
  mime: string
  width?: number
  height?: number
  createdBy: Id
  createdAt: number
  current: boolean
  /** "Restored from version 1": the version this one was restored from. */
  restoredFrom?: number
}

/** How a caller reaches an asset: through grants or ownership, or only through a collection (view only). */
export type AccessSource = 'full' | 'grant' | 'collection'

export interface AssetView {
  id: Id
  kind: 'folder' | 'file'
  name: string
  /** Null for Home, and for an asset whose folder the caller cannot view. */
  parentId: Id | null
  /** `/Marketing/Brand/logo.png`; Home is `/`. */
  path: string
  createdBy: Id
  createdAt: number
  updatedAt: number
  /** The caller's level on this asset. */
  level: Level
  access: AccessSource
  /** Files only. */
  size?: number
  mime?: string
  width?: number
  height?: number
  currentVersion?: number
  versionCount?: number
  tags?: string[]
  metadata?: Record<Id, MetadataValue>
  focus?: FocusArea | null
  /** Camera, date taken, keywords and the like, from the current version's embedded metadata. */
  embedded?: EmbeddedMetadata
  /** Duration, codec and frame rate of a video; page count of a PDF. */
  media?: MediaProperties
  /** Folders only: number of direct children (all visible to whoever sees the folder). */
  childCount?: number
  /** Folders only: whether it holds at least one folder. */
  hasSubfolders?: boolean
  /** Whether it is shared itself (has grants of its own); told only to who may manage its sharing. */
  shared?: boolean
}

/** One field read from a file's embedded metadata, as text, for the "All metadata" view. */
export interface EmbeddedField {
  /** Where it was read: exif, iptc, xmp, gps, png, riff, icc, file… */
  group: string
  name: string
  value: string
}

export interface FieldView {
  id: Id
  name: string
  type: FieldType
  options: string[]
}

export interface CommentView {
  id: Id
  fileId: Id
  authorId: Id
  authorName: string
  text: string
  createdAt: number
  updatedAt: number
}

export interface CollectionView {
  id: Id
  name: string
  createdBy: Id
  createdAt: number
  updatedAt: number
  level: Level
  assetCount: number
}

export interface GrantView {
  subjectType: 'user' | 'group'
  subjectId: Id
  subjectName: string
  level: Level
  grantedBy: Id
  grantedAt: number
}

export interface InheritedGrantView extends GrantView {
  /**
   * The ancestor folder the grant is set on; null where the caller cannot view that folder
   * (such grants are listed once per subject, at the highest level, from "a folder above").
   */
  sourceId: Id | null
  sourcePath: string | null
}

export interface SharingView {
  resourceId: Id
  resourceType: 'asset' | 'collection'
  /** Who created it: they manage it whatever the grants say. */
  ownerId: Id
  direct: GrantView[]
  inherited: InheritedGrantView[]
}

export interface AssociationView {
  collection: CollectionView
  /** The asset itself, or the ancestor folder through which it is in the collection. */
  viaAssetId: Id
  direct: boolean
}

/** A download as its owner sees it: the record without the owner, whom the list is of. */
export type DownloadView = Omit<DownloadRecord, 'ownerId'>

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

/** A long piece of work (import, zip, thumbnails, extensions) as its owner sees it. */
export interface JobView {
  id: Id
  kind: string
  title: string
  ownerId: Id
  state: JobState
  done: number
  total: number
  bytesDone?: number
  bytesTotal?: number
  /**
   * What the job is doing now, in words, where its counts alone would say nothing to a person
   * (removing a background: "Loading the model", then "Working").
   */
  stage?: string
  error?: { code: string; message: string; details?: Record<string, unknown> }
  createdAt: number
  startedAt?: number
  finishedAt?: number
}

/** An activity entry with its summary written for the caller. */
export type ActivityView = Omit<ActivityRecord, 'parts'> & { actorName: string; viaAdminName?: string }

export type { LevelOrNone }

/** One item of the trash as a caller may see it (docs/trash.md). */
export interface TrashItemView {
  /** The asset's own id: a restore gives it back unchanged. */
  id: Id
  kind: 'folder' | 'file'
  name: string
  /** Where it was: the folder's path as the caller may see it, or null when that is not theirs to know. */
  fromPath: string | null
  trashedAt: number
  trashedBy: PersonView
  /** When it will be purged on its own. */
  purgeAt: number
  /** Files and folders that went with it, itself included. */
  count: number
  /** Bytes of every version of every file in it. */
  bytes: number
  /** A file's type, so the trash shows its thumbnail where it has one (the thumbnail route serves a trashed file to who may see it here). */
  mime?: string
  /** A file's current version, for the thumbnail's address. */
  currentVersion?: number
}

/** Files shown together by "Find duplicates": every one viewable by the caller. */
export interface DuplicateGroup {
  files: AssetView[]
}

export interface DuplicateReport {
  /** Files whose content is byte for byte the same (stored once). */
  sameContent: DuplicateGroup[]
  /** Pictures that look the same though their bytes differ: resized, re-encoded or slightly cropped copies. */
  lookAlike: DuplicateGroup[]
}

export interface SimilarMatch {
  file: AssetView
  /** Bits in which the perceptual hashes differ (0 is identical to the eye). */
  distance: number
  /** The same bytes as the file asked about. */
  sameContent: boolean
}

/**
 * A smart collection as one reader may see it. `search` leaves out an "in this folder" the
 * reader cannot view (its hits are then none: `folderHidden`), so no hidden id is given.
 * `sharedWith` is told to the owner only.
 */
export interface SmartCollectionView {
  id: Id
  name: string
  ownerId: Id
  ownerName: string
  /** The reader owns it: may rename, change, share and delete it. */
  mine: boolean
  /** Its search as the reader may see it: see termsHidden and folderHidden. */
  search: SavedSearch
  /** It is kept to a folder the reader cannot view: the folder is left out, and it finds nothing for them. */
  folderHidden: boolean
  /**
   * It also looks for words, tags, a camera or metadata values not shown to this reader: they
   * are shown to a reader who is not its owner only while it finds something for them.
   */
  termsHidden: boolean
  sharedWith: { id: Id; name: string; type: 'user' | 'group' }[] | null
  createdAt: number
  updatedAt: number
}

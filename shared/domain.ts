/**
 * Records of a library and the permission vocabulary (docs/architecture.md and 4).
 * Shared by main and renderer: no Node, no DOM.
 */

export type Id = string

export const ROLES = ['admin', 'developer', 'fullAccess', 'restricted'] as const
export type Role = (typeof ROLES)[number]

/** Ordered: each level includes the ones before it. */
export const LEVELS = ['view', 'contribute', 'manage'] as const
export type Level = (typeof LEVELS)[number]
/** A caller's level on a resource; `none` means the resource is invisible. */
export type LevelOrNone = Level | 'none'

export const levelRank: Record<LevelOrNone, number> = { none: 0, view: 1, contribute: 2, manage: 3 }
export function atLeast(have: LevelOrNone, need: LevelOrNone): boolean {
  return levelRank[have] >= levelRank[need]
}

export interface FolderRecord {
  id: Id
  kind: 'folder'
  name: string
  /** null only for Home, the root. */
  parentId: Id | null
  createdBy: Id
  createdAt: number
  updatedAt: number
}

export interface FocusArea {
  x: number
  y: number
  width: number
  height: number
}

/** Read from the file's EXIF, IPTC and XMP when it arrives. */
export interface EmbeddedMetadata {
  camera?: string
  lens?: string
  /**
   * ISO 8601 as the file states it: the wall-clock time where it was taken, with the offset
   * only when the file gives one ("2023-07-14T23:30:00", "2023-07-14T23:30:00+02:00"); never
   * converted through a machine's time zone. Its first ten characters are the day taken.
   */
  takenAt?: string
  exposure?: string
  gps?: { latitude: number; longitude: number }
  keywords?: string[]
  title?: string
  caption?: string
  copyright?: string
}

/** What a video or PDF holds beyond a picture's width and height, read when the version arrives. */
export interface MediaProperties {
  /** Seconds, to the millisecond. */
  durationSec?: number
  /** The video stream's codec as ffprobe names it (h264, hevc, vp9, av1, mpeg4…). */
  codec?: string
  /** Frames a second (29.97, 25…). */
  frameRate?: number
  /** A PDF's page count. */
  pages?: number
}

export interface FileVersion {
  number: number
  hash: string
  size: number
  mime: string
  width?: number
  height?: number
  embedded?: EmbeddedMetadata
  media?: MediaProperties
  /** Set on a version made by restoring an earlier one: that version's number. */
  restoredFrom?: number
  createdBy: Id
  createdAt: number
}

export type MetadataValue = string | number | boolean | string[]

export interface FileRecord {
  id: Id
  kind: 'file'
  name: string
  parentId: Id
  createdBy: Id
  createdAt: number
  updatedAt: number
  versions: FileVersion[]
  currentVersion: number
  tags: string[]
  metadata: Record<Id, MetadataValue>
  focus: FocusArea | null
}

export type AssetRecord = FolderRecord | FileRecord

export const FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'singleSelect', 'multiSelect'] as const
export type FieldType = (typeof FIELD_TYPES)[number]

export interface MetadataFieldRecord {
  id: Id
  name: string
  type: FieldType
  options: string[]
  createdAt: number
}

export interface CommentRecord {
  id: Id
  fileId: Id
  authorId: Id
  text: string
  createdAt: number
  updatedAt: number
}

export interface CollectionRecord {
  id: Id
  name: string
  createdBy: Id
  createdAt: number
  updatedAt: number
}

/** One asset in one collection; the id is `${collectionId}:${assetId}`. */
export interface AssociationRecord {
  id: Id
  collectionId: Id
  assetId: Id
  addedBy: Id
  addedAt: number
}

export interface UserRecord {
  id: Id
  name: string
  email: string
  role: Role
  /** scrypt: `scrypt$N$r$p$salt$hash` (base64 parts). Never leaves main. */
  passwordHash?: string
  createdAt: number
}

export interface GroupRecord {
  id: Id
  name: string
  createdAt: number
}

/** The id is `${groupId}:${userId}`. */
export interface MembershipRecord {
  id: Id
  groupId: Id
  userId: Id
}

export type ResourceType = 'asset' | 'collection'
export type SubjectType = 'user' | 'group'

/** One subject's level on one resource; the id is `${resourceId}:${subjectId}`. */
export interface GrantRecord {
  id: Id
  resourceType: ResourceType
  resourceId: Id
  subjectType: SubjectType
  subjectId: Id
  level: Level
  grantedBy: Id
  grantedAt: number
}

/** A piece of an activity summary: text, or a file or folder named by id (with its name then, should it go). */
export type ActivityPart = string | { assetId: Id; name: string }

export interface ActivityRecord {
  id: Id
  at: number
  actorId: Id
  /** The admin behind a view-as, when there is one. */
  viaAdminId?: Id
  action: string
  ids: Id[]
  /** Names only; entries older than `parts` may hold full paths, and are shown to restricted readers by their action alone. */
  summary: string
  /** The summary with files and folders by id, rendered for each reader when read. */
  parts?: ActivityPart[]
}

export type DownloadState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

export interface DownloadRecord {
  id: Id
  ownerId: Id
  name: string
  destPath: string
  state: DownloadState
  fileCount: number
  bytes: number
  createdAt: number
  finishedAt?: number
  error?: string
  /** The job writing it, while it runs. */
  jobId?: Id
}

/**
 * One file or folder in the trash (docs/trash.md): the asset record exactly as it was, with
 * every record that hung off it, so that a restore puts back the same ids. The id is the
 * asset's. `rootId` is the top of what was deleted together; only that one is listed.
 */
export interface TrashRecord {
  id: Id
  rootId: Id
  asset: AssetRecord
  trashedAt: number
  trashedBy: Id
  comments: CommentRecord[]
  grants: GrantRecord[]
  associations: AssociationRecord[]
  /** On the root only: the full path of the folder it was in. */
  fromPath?: string
  /** On the root only: the restricted users who could manage it when it was deleted. */
  managers?: Id[]
  /** On the root only: how many files and folders went with it, itself included. */
  count?: number
}

/**
 * A saved search (docs/browse.md): the words and filters, exactly as search.assets takes them.
 * Kept here rather than taken from the contract, which imports this file.
 */
export interface SavedSearch {
  query: string
  folderId?: Id
  tags?: string[]
  type?: 'file' | 'folder' | 'image' | 'video' | 'audio' | 'document'
  camera?: string
  takenFrom?: string
  takenTo?: string
  modifiedFrom?: string
  modifiedTo?: string
  timeZoneOffset?: number
  metadata?: { fieldId: Id; value: string }[]
}

/**
 * A search saved by its owner and shown in the sidebar; run afresh as each reader whenever it
 * is opened, so it holds only what that reader can view (docs/browse.md).
 */
export interface SmartCollectionRecord {
  id: Id
  name: string
  ownerId: Id
  search: SavedSearch
  /** Users and groups who may open it too, each seeing their own hits. */
  sharedWith: Id[]
  createdAt: number
  updatedAt: number
}

/** Library-wide settings; one record, id `library`. */
export interface SettingsRecord {
  id: Id
  /** Days an item stays in the trash before it is purged on its own. */
  trashRetentionDays: number
}

/** Every table of the store and the record it holds. */
export interface Tables {
  assets: AssetRecord
  comments: CommentRecord
  fields: MetadataFieldRecord
  collections: CollectionRecord
  associations: AssociationRecord
  users: UserRecord
  groups: GroupRecord
  memberships: MembershipRecord
  grants: GrantRecord
  activity: ActivityRecord
  downloads: DownloadRecord
  trash: TrashRecord
  settings: SettingsRecord
  smartCollections: SmartCollectionRecord
}
export type TableName = keyof Tables
export const TABLE_NAMES: TableName[] = [
  'assets', 'comments', 'fields', 'collections', 'associations', 'users', 'groups',
  'memberships', 'grants', 'activity', 'downloads', 'trash', 'settings',
  'smartCollections',
]

/** Operations on files and folders with the level each needs (the table in docs/permissions.md). */
export const ASSET_OPERATIONS = {
  viewAndSearch: 'view',
  fileDetails: 'view',
  downloadFile: 'view',
  downloadZip: 'view',
  viewDownloads: 'view',
  viewComments: 'view',
  editComments: 'contribute',
  createFolder: 'contribute',
  upload: 'contribute',
  restoreVersion: 'contribute',
  updateMetadata: 'contribute',
  editTags: 'contribute',
  autoTags: 'contribute',
  removeBackground: 'contribute',
  removeTags: 'contribute',
  editImage: 'contribute',
  editFocus: 'contribute',
  copy: 'contribute',
  addToCollections: 'contribute',
  rename: 'manage',
  move: 'manage',
  deleteVersion: 'manage',
  delete: 'manage',
  share: 'manage',
} as const satisfies Record<string, Level>
export type AssetOperation = keyof typeof ASSET_OPERATIONS

/** Operations on collections (the table in docs/permissions.md); create needs no level. */
export const COLLECTION_OPERATIONS = {
  viewAndSearch: 'view',
  viewAssets: 'view',
  fileDetails: 'view',
  downloadZip: 'view',
  addAssets: 'contribute',
  rename: 'manage',
  removeAssets: 'manage',
  delete: 'manage',
  share: 'manage',
} as const satisfies Record<string, Level>
export type CollectionOperation = keyof typeof COLLECTION_OPERATIONS

/** Limits on one collections request (docs/permissions.md). */
export const LIMITS = {
  assetsPerAdd: 100,
  collectionsPerAdd: 100,
  assetsPerRemove: 100,
  collectionsPerRemove: 100,
} as const

export const HOME_NAME = 'Home'

/** How much of everything a generated library holds. */
export interface Scale {
  files: number
  /** Including Home. */
  folders: number
  maxDepth: number
  /** Direct children of the one large folder used for the listing figure. */
  bigFolderChildren: number
  users: number
  restrictedUsers: number
  groups: number
  maxGroupsPerUser: number
  grants: number
  collections: number
  associations: number
  comments: number
  activity: number
  /** Changes left in journal.jsonl, so that open replays a journal as it does after a day's work. */
  journalChanges: number
}

/** The library the targets are set for. */
export const FULL: Scale = {
  files: 100_000,
  folders: 10_000,
  maxDepth: 8,
  bigFolderChildren: 10_000,
  users: 1_000,
  restrictedUsers: 900,
  groups: 100,
  maxGroupsPerUser: 5,
  grants: 10_000,
  collections: 1_000,
  associations: 100_000,
  comments: 5_000,
  activity: 5_000,
  journalChanges: 1_000,
}

/** The same shape a hundred times smaller in assets: the reference for "does latency grow with size". */
export const SMALL: Scale = {
  files: 1_000,
  folders: 100,
  maxDepth: 8,
  bigFolderChildren: 100,
  users: 100,
  restrictedUsers: 90,
  groups: 10,
  maxGroupsPerUser: 5,
  grants: 100,
  collections: 10,
  associations: 1_000,
  comments: 50,
  activity: 50,
  journalChanges: 10,
}

/**
 * FULL ten times over in what grows with a library (assets, folders, grants, collections,
 * associations, comments, activity); people, the large folder and the journal stay as they are.
 */
export const MILLION: Scale = {
  ...FULL,
  files: FULL.files * 10,
  folders: FULL.folders * 10,
  grants: FULL.grants * 10,
  collections: FULL.collections * 10,
  associations: FULL.associations * 10,
  comments: FULL.comments * 10,
  activity: FULL.activity * 10,
}

/** A search term no generated name, tag or folder holds. */
export const NO_HIT_TERM = 'zqxj'

import { levelRank, type GrantRecord, type Id, type Level, type LevelOrNone, type Role } from '../../../shared/domain.js'
import type { Store } from '../store/store.js'

/**
 * The permission rule of docs/permissions.md, worked out afresh on every call with no memo.
 * The engine (engine.ts) answers the same questions from memos over the store's dense
 * columns; a test holds the two equal on random libraries (test/unit/permissions/rule.test.ts).
 * Sharing uses highestFromAbove to say where a subject's inherited level comes from.
 */

/** What the rule reads of a library: records and the plain lookups by id the store keeps. */
export interface Facts {
  role(userId: Id): Role | undefined
  groupsOf(userId: Id): Iterable<Id>
  asset(id: Id): { parentId: Id | null; createdBy: Id } | undefined
  collection(id: Id): { createdBy: Id } | undefined
  /** The grants on one file, folder or collection. */
  grantsOn(resourceId: Id): Iterable<GrantRecord>
  collectionsHolding(assetId: Id): Iterable<Id>
}

export function factsOf(store: Store): Facts {
  const { tables, indexes } = store
  return {
    role: (userId) => tables.users.get(userId)?.role,
    groupsOf: (userId) => indexes.groupsByUser.get(userId),
    asset: (id) => tables.assets.get(id),
    collection: (id) => tables.collections.get(id),
    grantsOn: (resourceId) => indexes.grantsByResource.get(resourceId)?.values() ?? [],
    collectionsHolding: (assetId) => indexes.collectionsByAsset.get(assetId),
  }
}

/** Where a level comes from: a grant on `sourceId`, or having created it. */
export interface LevelSource {
  level: Level
  sourceId: Id
  how: 'grant' | 'creator'
}

/**
 * The highest level grants to `subjects` and the creation of assets by `creatorId` give,
 * over `fromId` and each folder above it (levels cascade down the tree). Where two sources
 * give the same level the nearest wins, and on one asset a grant before its creation.
 */
export function highestFromAbove(facts: Facts, fromId: Id | null, subjects: ReadonlySet<Id>, creatorId: Id): LevelSource | null {
  let best: LevelSource | null = null
  const offer = (level: Level, sourceId: Id, how: LevelSource['how']) => {
    if (!best || levelRank[level] > levelRank[best.level]) best = { level, sourceId, how }
  }
  for (let id = fromId; id !== null; ) {
    const asset = facts.asset(id)
    if (!asset) break
    for (const grant of facts.grantsOn(id)) if (grant.resourceType === 'asset' && subjects.has(grant.subjectId)) offer(grant.level, id, 'grant')
    if (asset.createdBy === creatorId) offer('manage', id, 'creator')
    id = asset.parentId
  }
  return best
}

const subjectsOf = (facts: Facts, userId: Id): Set<Id> => new Set([userId, ...facts.groupsOf(userId)])

/** A user's level on a collection: full roles manage every one; a restricted user has the highest grant to them or their groups, `manage` on their own. */
export function collectionLevel(facts: Facts, userId: Id, collectionId: Id): LevelOrNone {
  const role = facts.role(userId)
  const collection = facts.collection(collectionId)
  if (!role || !collection) return 'none'
  if (role !== 'restricted' || collection.createdBy === userId) return 'manage'
  const subjects = subjectsOf(facts, userId)
  let level: LevelOrNone = 'none'
  for (const grant of facts.grantsOn(collectionId)) {
    if (grant.resourceType === 'collection' && subjects.has(grant.subjectId) && levelRank[grant.level] > levelRank[level]) level = grant.level
  }
  return level
}

/**
 * A user's access to a file or folder: the level from grants and ownership on it and the
 * folders above it (what operations are checked against), and whether a collection the
 * user can view holds it or a folder above it (which lets them view it).
 */
export function assetAccess(facts: Facts, userId: Id, assetId: Id): { level: LevelOrNone; viaCollection: boolean } {
  const role = facts.role(userId)
  if (!role || !facts.asset(assetId)) return { level: 'none', viaCollection: false }
  if (role !== 'restricted') return { level: 'manage', viaCollection: false }
  const level = highestFromAbove(facts, assetId, subjectsOf(facts, userId), userId)?.level ?? 'none'
  let viaCollection = false
  for (let id: Id | null = assetId; id !== null && !viaCollection; id = facts.asset(id)?.parentId ?? null) {
    for (const collectionId of facts.collectionsHolding(id)) if (collectionLevel(facts, userId, collectionId) !== 'none') viaCollection = true
  }
  return { level, viaCollection }
}

/** The level a user sees a file or folder with: a collection's route gives `view` where nothing else gives a level. */
export function effectiveLevel(facts: Facts, userId: Id, assetId: Id): LevelOrNone {
  const { level, viaCollection } = assetAccess(facts, userId, assetId)
  return level === 'none' && viaCollection ? 'view' : level
}

import type { AssociationRecord, CollectionRecord, GrantRecord, Id, Level, ResourceType, SubjectType } from '../../shared/domain.js'
import { levelRank } from '../../shared/domain.js'
import type { People } from './people.js'
import type { Prng } from './prng.js'
import type { Scale } from './scale.js'
import type { Tree } from './tree.js'
import { ADJECTIVES, NOUNS } from './vocabulary.js'

export interface Sharing {
  grants: GrantRecord[]
  collections: CollectionRecord[]
  associations: AssociationRecord[]
  /** Restricted user with a direct view grant on the large folder. */
  viewerId: Id
  /** Restricted user with contribute on one top-level folder, who makes the measured changes. */
  editorId: Id
  editorFolderId: Id
}

const capital = (s: string) => s[0].toUpperCase() + s.slice(1)

export function buildSharing(prng: Prng, scale: Scale, people: People, tree: Tree, clock: () => number): Sharing {
  const collections: CollectionRecord[] = []
  for (let i = 0; i < scale.collections; i++) {
    const at = clock()
    const createdBy = prng.chance(0.3) ? prng.pick(people.restrictedIds) : prng.pick(people.staffIds)
    collections.push({ id: prng.uuid(), name: `${capital(prng.pick(ADJECTIVES))} ${prng.pick(NOUNS)} ${i + 1}`, createdBy, createdAt: at, updatedAt: at })
  }

  const associations: AssociationRecord[] = []
  const associated = new Set<Id>()
  const shareableFolders = tree.folders.filter((f) => f.parentId !== null)
  while (associations.length < scale.associations) {
    const collection = prng.pick(collections)
    const assetId = prng.chance(0.9) ? prng.pick(tree.files).id : prng.pick(shareableFolders).id
    const id = `${collection.id}:${assetId}`
    if (associated.has(id)) continue
    associated.add(id)
    associations.push({ id, collectionId: collection.id, assetId, addedBy: collection.createdBy, addedAt: clock() })
  }

  const grants: GrantRecord[] = []
  // resource id -> subject id -> rank, to refuse what the share dialog refuses: a grant below an inherited one.
  const ranks = new Map<Id, Map<Id, number>>()
  const inherited = (resourceId: Id, subjectId: Id): number => {
    let best = 0
    for (let p = tree.parentOf.get(resourceId) ?? null; p !== null; p = tree.parentOf.get(p) ?? null) {
      best = Math.max(best, ranks.get(p)?.get(subjectId) ?? 0)
    }
    return best
  }
  const grant = (resourceType: ResourceType, resourceId: Id, subjectType: SubjectType, subjectId: Id, level: Level): boolean => {
    const id = `${resourceId}:${subjectId}`
    if (ranks.get(resourceId)?.has(subjectId)) return false
    if (resourceType === 'asset' && inherited(resourceId, subjectId) > levelRank[level]) return false
    let bySubject = ranks.get(resourceId)
    if (!bySubject) ranks.set(resourceId, (bySubject = new Map()))
    bySubject.set(subjectId, levelRank[level])
    grants.push({ id, resourceType, resourceId, subjectType, subjectId, level, grantedBy: people.adminId, grantedAt: clock() })
    return true
  }

  const [viewerId, editorId] = people.restrictedIds
  const editorFolderId = tree.topFolderIds.find((id) => id !== tree.parentOf.get(tree.bigFolderId))!
  grant('asset', tree.bigFolderId, 'user', viewerId, 'view')
  grant('asset', editorFolderId, 'user', editorId, 'contribute')

  // Home cannot be shared with restricted users or groups (docs/permissions.md).
  const levels: Level[] = ['view', 'view', 'view', 'view', 'view', 'view', 'contribute', 'contribute', 'contribute', 'manage']
  while (grants.length < scale.grants) {
    const toUser = prng.chance(0.55)
    const subjectId = toUser ? prng.pick(people.restrictedIds) : prng.pick(people.groupIds)
    const level = prng.pick(levels)
    if (prng.chance(0.25)) grant('collection', prng.pick(collections).id, toUser ? 'user' : 'group', subjectId, level)
    else grant('asset', prng.chance(0.7) ? prng.pick(shareableFolders).id : prng.pick(tree.files).id, toUser ? 'user' : 'group', subjectId, level)
  }
  return { grants, collections, associations, viewerId, editorId, editorFolderId }
}

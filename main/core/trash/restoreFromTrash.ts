import type { AssetRecord, AssociationRecord, CommentRecord, GrantRecord, Id, MetadataValue } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { MAX_FREE_NAME_ATTEMPTS, firstFreeName, nameKey, withMarker } from '../../../shared/names.js'
import type { Core } from '../context.js'
import type { Dels } from '../store/change.js'
import { entryRecords, mayHandle } from './trashAccess.js'

export interface RestoreChange {
  assets: AssetRecord[]
  comments: CommentRecord[]
  grants: GrantRecord[]
  associations: AssociationRecord[]
  del: Dels
  /** Roots put back, those asked for and the folders they needed. */
  roots: Id[]
}

/**
 * What putting the given trash roots back changes (docs/trash.md). Each goes back into the
 * folder it was in. When that folder is in the trash too (and the caller may handle it there)
 * it comes back with it, whole; when it is gone for good, or not the caller's to restore, the
 * item goes into Home. A name taken meanwhile gets " (restored)". Links to collections, users
 * and groups deleted meanwhile, and values of deleted metadata fields, are left behind.
 */
export function restoreChange(core: Core, actorId: Id, rootIds: Id[]): RestoreChange {
  const { tables, indexes } = core.store
  const out: RestoreChange = { assets: [], comments: [], grants: [], associations: [], del: [], roots: [] }
  const placed = new Set<Id>()
  const taken = new Map<Id, Set<string>>()
  const isFree = (parentId: Id, name: string) => !indexes.childByName.get(parentId)?.has(nameKey(name)) && !taken.get(parentId)?.has(nameKey(name))
  const take = (parentId: Id, name: string) => {
    let names = taken.get(parentId)
    if (!names) taken.set(parentId, (names = new Set()))
    names.add(nameKey(name))
  }

  const restoreEntry = (rootId: Id, pending: Set<Id>): void => {
    if (placed.has(rootId) || pending.has(rootId)) return
    pending.add(rootId)
    const records = entryRecords(core, rootId)
    const root = records[0]
    let parentId = root.asset.parentId!
    if (!tables.assets.has(parentId) && !placed.has(parentId)) {
      const parentInTrash = tables.trash.get(parentId)
      const parentRoot = parentInTrash && tables.trash.get(parentInTrash.rootId)
      if (parentRoot && mayHandle(core, actorId, parentRoot)) restoreEntry(parentRoot.id, pending)
      if (!placed.has(parentId)) parentId = indexes.rootId!
    }
    let name = root.asset.name
    if (!isFree(parentId, name)) {
      const found = firstFreeName((i) => withMarker(name, ` (restored${i === 1 ? '' : ` ${i}`})`), (n) => isFree(parentId, n))
      if (!found) {
        throw new AppError('LIMIT_EXCEEDED', `The folder already holds ${MAX_FREE_NAME_ATTEMPTS} restored copies of "${name}".`, { name })
      }
      name = found.name
    }
    for (const record of records) {
      let asset = record.asset
      if (record.id === rootId) asset = { ...asset, parentId, name } as AssetRecord
      if (asset.kind === 'file' && Object.keys(asset.metadata).some((f) => !tables.fields.has(f))) {
        asset = { ...asset, metadata: Object.fromEntries(Object.entries(asset.metadata).filter(([f]) => tables.fields.has(f))) as Record<Id, MetadataValue> }
      }
      out.assets.push(asset)
      placed.add(asset.id)
      take(asset.parentId!, asset.name)
      out.comments.push(...record.comments)
      out.grants.push(...record.grants.filter((g) => tables.users.has(g.subjectId) || tables.groups.has(g.subjectId)))
      out.associations.push(...record.associations.filter((a) => tables.collections.has(a.collectionId)))
      out.del.push(['trash', record.id])
    }
    out.roots.push(rootId)
  }

  for (const id of rootIds) restoreEntry(id, new Set())
  return out
}

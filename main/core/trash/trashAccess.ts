import type { Id, TrashRecord } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { Core } from '../context.js'

export const DAY_MS = 24 * 60 * 60 * 1000
export const DEFAULT_RETENTION_DAYS = 30
export const SETTINGS_ID = 'library'

export function retentionDays(core: Core): number {
  return core.store.tables.settings.get(SETTINGS_ID)?.trashRetentionDays ?? DEFAULT_RETENTION_DAYS
}

/**
 * Full roles see the whole trash; a restricted user sees what they could manage when it was
 * deleted. Seeing an item there is the manage that restoring and purging need.
 */
export function mayHandle(core: Core, actorId: Id, root: TrashRecord): boolean {
  return !core.engine.isRestricted(actorId) || (root.managers ?? []).includes(actorId)
}

/** A trashed item the caller may handle, or NOT_FOUND, exactly as for something that never was. */
export function requireTrashRoot(core: Core, actorId: Id, id: Id): TrashRecord {
  const record = core.store.tables.trash.get(id)
  if (!record || record.rootId !== id || !mayHandle(core, actorId, record)) {
    throw new AppError('NOT_FOUND', `Nothing in the trash with id ${id}.`, { id })
  }
  return record
}

/** The trash records deleted together with a root, the root first, parents before children. */
export function entryRecords(core: Core, rootId: Id): TrashRecord[] {
  const { tables, indexes } = core.store
  const records = [...indexes.trashByRoot.get(rootId)].map((id) => tables.trash.get(id)!)
  const byId = new Map(records.map((r) => [r.id, r]))
  const depth = new Map<Id, number>()
  // Iterative: a deep folder chain must not run out of stack.
  for (const record of records) {
    const chain: TrashRecord[] = []
    let cursor: TrashRecord | undefined = record
    while (cursor && !depth.has(cursor.id)) {
      chain.push(cursor)
      cursor = cursor.id === rootId ? undefined : byId.get(cursor.asset.parentId!)
    }
    let d = cursor ? depth.get(cursor.id)! : -1
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i].id, ++d)
  }
  return records.sort((a, b) => depth.get(a.id)! - depth.get(b.id)!)
}

/** The roots of the trash: what it lists. */
export function trashRoots(core: Core): TrashRecord[] {
  const { tables, indexes } = core.store
  const roots: TrashRecord[] = []
  for (const rootId of indexes.trashByRoot.keys()) {
    const root = tables.trash.get(rootId)
    if (root) roots.push(root)
  }
  return roots
}

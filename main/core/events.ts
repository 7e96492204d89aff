import type { Id, TableName, TrashRecord } from '../../shared/domain.js'
import type { Events } from '../../shared/contract/index.js'
import type { Core } from './context.js'
import type { Change } from './store/change.js'
import { changedTables } from './store/change.js'
import { canOpenSmart } from './smartCollections/smartCollectionAccess.js'

/** What of one change reaches one restricted reader: the tables and the assets it touched that they can see. */
export interface Reach {
  tables: Set<TableName>
  assetIds: Set<Id>
}

/** A change event without its number: the number is the receiving session's own (see Library). */
export type ChangeEvent = Omit<Events['library.changed'], 'seq'>

/**
 * What of a change touches what a restricted reader can see, judged against the store as it
 * stands when this is called. The library calls it just before a change is applied (so what
 * the reader could see before, such as an asset now deleted or moved away, counts) and again
 * once it is applied. Users, groups and fields are listed to everyone; a group's members only
 * to its members; activity never reaches a restricted reader as an event.
 */
export function reachOf(core: Core, readerId: Id, change: Pick<Change, 'put' | 'del'>): Reach {
  const { tables } = core.store
  const { engine } = core
  const reach: Reach = { tables: new Set(), assetIds: new Set() }
  const groups = core.store.indexes.groupsByUser.get(readerId)
  const asset = (id: Id) => {
    if (!engine.canView(readerId, id)) return false
    reach.assetIds.add(id)
    return true
  }
  const collection = (id: Id) => engine.collectionLevel(readerId, id) !== 'none'
  const resource = (type: 'asset' | 'collection', id: Id) => (type === 'asset' ? engine.canView(readerId, id) : collection(id))
  // A deletion puts thousands of trash records at once: looked up by id, not searched for each.
  let putTrash: Map<Id, TrashRecord> | null = null
  const trashRecord = (id: Id) => tables.trash.get(id) ?? (putTrash ??= new Map((change.put.trash ?? []).map((r) => [r.id, r]))).get(id)
  const touches: { [T in TableName]?: (id: Id) => boolean } = {
    assets: asset,
    collections: collection,
    grants: (id) => {
      const g = tables.grants.get(id) ?? change.put.grants?.find((r) => r.id === id)
      return !!g && (g.subjectId === readerId || groups.has(g.subjectId) || resource(g.resourceType, g.resourceId))
    },
    memberships: (id) => {
      const m = tables.memberships.get(id) ?? change.put.memberships?.find((r) => r.id === id)
      return !!m && (m.userId === readerId || groups.has(m.groupId))
    },
    associations: (id) => {
      const a = tables.associations.get(id) ?? change.put.associations?.find((r) => r.id === id)
      return !!a && collection(a.collectionId)
    },
    comments: (id) => {
      const c = tables.comments.get(id) ?? change.put.comments?.find((r) => r.id === id)
      return !!c && engine.canView(readerId, c.fileId)
    },
    downloads: (id) => (tables.downloads.get(id) ?? change.put.downloads?.find((r) => r.id === id))?.ownerId === readerId,
    users: () => true,
    groups: () => true,
    fields: () => true,
    activity: () => false,
    // Only a root is listed in the trash, to those who could manage it when it went (docs/trash.md).
    trash: (id) => {
      const r = trashRecord(id)
      return !!r && r.id === r.rootId && (r.managers ?? []).includes(readerId)
    },
    settings: () => true,
    // A smart collection reaches its owner and whom it is shared with; its hits are worked out when read.
    smartCollections: (id) => {
      const r = tables.smartCollections.get(id) ?? change.put.smartCollections?.find((s) => s.id === id)
      return !!r && canOpenSmart(core, readerId, r)
    },
  }
  const note = (table: TableName, id: Id) => {
    // Every id is checked, not only the first that touches: each visible asset is named.
    if (touches[table]?.(id)) reach.tables.add(table)
  }
  for (const [table, rows] of Object.entries(change.put) as [TableName, { id: Id }[]][]) for (const row of rows) note(table, row.id)
  for (const [table, id] of change.del) note(table, id)
  return reach
}

/**
 * A committed change as one session may hear of it, or null when it should hear nothing.
 * Full roles hear every change whole. A restricted reader hears of a change only when it
 * touched something they could see before it or can see after it, and then only of those
 * tables and assets: of changes elsewhere they learn nothing, not even that one happened
 * (docs/permissions.md). `before` is the reach worked out just before the change applied,
 * when there was one.
 */
export function changeEventFor(core: Core, actorId: Id | null, change: Change, before?: Reach): ChangeEvent | null {
  if (actorId === null || !core.store.tables.users.has(actorId)) return null
  if (!core.engine.isRestricted(actorId)) {
    const assetIds = [...new Set([...(change.put.assets ?? []).map((a) => a.id), ...change.del.filter(([t]) => t === 'assets').map(([, id]) => id)])]
    return { op: change.op, tables: changedTables(change), assetIds }
  }
  const after = reachOf(core, actorId, change)
  const tables = new Set([...(before?.tables ?? []), ...after.tables])
  if (tables.size === 0) return null
  const assetIds = [...new Set([...(before?.assetIds ?? []), ...after.assetIds])]
  return { op: change.op, tables: changedTables(change).filter((t) => tables.has(t)), assetIds }
}

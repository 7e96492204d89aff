import type { Id, TableName } from '../../shared/domain.js'
import type { Events } from '../../shared/contract/index.js'
import type { Core } from './context.js'
import type { Change } from './store/change.js'
import { changedTables } from './store/change.js'

/**
 * A committed change as one session may hear of it: only assets that session can view are
 * named (SPEC section 4: change events never reveal an asset the user cannot view). Deleted
 * assets can no longer be checked, so only full roles hear their ids.
 */
export function changeEventFor(core: Core, actorId: Id | null, change: Change): Events['library.changed'] {
  const ids = new Set<Id>()
  for (const asset of change.put.assets ?? []) ids.add(asset.id)
  const deleted = change.del.filter(([t]) => t === 'assets').map(([, id]) => id)
  const restricted = actorId === null || core.engine.isRestricted(actorId)
  const assetIds = [...ids].filter((id) => actorId !== null && core.engine.canView(actorId, id))
  if (!restricted) assetIds.push(...deleted)
  const tables = changedTables(change).filter((t: TableName) => t !== 'activity' || !restricted)
  return { seq: change.seq, op: change.op, tables, assetIds }
}

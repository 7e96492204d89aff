import type { Id } from '../../../shared/domain.js'
import type { Core } from '../context.js'
import type { Dels } from '../store/change.js'
import { DAY_MS, retentionDays, trashRoots } from './trashAccess.js'

/** Every trash record of the given roots: once they go, their blobs may be collected. */
export function purgeDels(core: Core, rootIds: Id[]): Dels {
  const del: Dels = []
  for (const rootId of rootIds) for (const id of core.store.indexes.trashByRoot.get(rootId)) del.push(['trash', id])
  return del
}

/** Roots kept longer than the library's retention, as of `now`. */
export function expiredRoots(core: Core, now: number): Id[] {
  const keepMs = retentionDays(core) * DAY_MS
  return trashRoots(core).filter((r) => r.trashedAt + keepMs <= now).map((r) => r.id)
}

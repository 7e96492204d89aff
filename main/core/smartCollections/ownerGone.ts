import type { Id, SmartCollectionRecord, UserRecord } from '../../../shared/domain.js'
import { firstFreeName, fitName, nameKey } from '../../../shared/names.js'
import type { Dels } from '../store/change.js'
import type { Core } from '../context.js'

/**
 * What becomes of a deleted user's smart collections (docs/browse.md). One they kept to
 * themselves was of use to them alone and goes with them. One shared with others passes to
 * the administrator who deletes them, still shared with the same people (less the new
 * owner), so nobody loses a collection they open; that administrator can keep it, share it
 * further or delete it. A name the administrator already uses gets "(from <name>)" after it.
 * The deleted user also leaves every other smart collection's sharing.
 */
export function smartChangesForDeletedUser(core: Core, gone: UserRecord, heir: UserRecord): { put: SmartCollectionRecord[]; del: Dels; handedOver: number } {
  const now = core.clock()
  const put: SmartCollectionRecord[] = []
  const del: Dels = []
  const taken = new Set<string>()
  for (const r of core.store.tables.smartCollections.values()) if (r.ownerId === heir.id) taken.add(nameKey(r.name))
  const exists = (id: Id) => core.store.tables.users.has(id) || core.store.tables.groups.has(id)
  let handedOver = 0
  for (const record of core.store.tables.smartCollections.values()) {
    if (record.ownerId === gone.id) {
      const readers = record.sharedWith.filter((id) => id !== gone.id && id !== heir.id && exists(id))
      if (readers.length === 0) {
        del.push(['smartCollections', record.id])
        continue
      }
      const name = freeName(record, gone.name, taken)
      taken.add(nameKey(name))
      put.push({ ...record, name, ownerId: heir.id, sharedWith: readers, updatedAt: now })
      handedOver++
    } else if (record.sharedWith.includes(gone.id)) {
      put.push({ ...record, sharedWith: record.sharedWith.filter((id) => id !== gone.id), updatedAt: now })
    }
  }
  return { put, del, handedOver }
}

/**
 * The name itself when free, else "name (from Uma)", then "name (from Uma) 2", …: the marker kept
 * whole and the name cut between graphemes to fit (fitName), the search bounded as every free-name
 * search is (firstFreeName); past that bound the record's own id makes the name unique.
 */
function freeName(record: SmartCollectionRecord, from: string, taken: Set<string>): string {
  const isFree = (candidate: string) => !taken.has(nameKey(candidate))
  if (isFree(record.name)) return record.name
  const found = firstFreeName((n) => fitName(record.name, ` (from ${from})${n > 1 ? ` ${n}` : ''}`), isFree)
  return found?.name ?? fitName(record.name, ` (from ${from}) ${record.id}`)
}

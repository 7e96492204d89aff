import type { AssetRecord } from '../../../shared/domain.js'
import { Indexes } from '../../../main/core/store/indexes.js'

/**
 * Indexes over a map of live asset records that stands in for the store: `put` and `del`
 * change both, as a commit does, and cold bodies are read from the map.
 */
export function liveIndexes() {
  const indexes = new Indexes()
  const live = new Map<string, AssetRecord>()
  indexes.columns.body = (id) => live.get(id)
  const put = (r: AssetRecord) => {
    indexes.update('assets', live.get(r.id), r)
    live.set(r.id, r)
  }
  const del = (id: string) => {
    indexes.update('assets', live.get(id), undefined)
    live.delete(id)
  }
  return { indexes, live, put, del }
}

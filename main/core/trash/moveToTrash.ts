import type { AssetRecord, Id, TrashRecord } from '../../../shared/domain.js'
import type { Core } from '../context.js'
import type { Dels } from '../store/change.js'
import { pathOf } from '../assets/views.js'
import { subtree } from '../assets/tree.js'

export interface TrashChange {
  put: TrashRecord[]
  del: Dels
  /** Every asset that went, tops first within each subtree. */
  assets: AssetRecord[]
}

/**
 * Deleting moves each top asset and everything below it out of the assets table into the
 * trash table, each record whole with the comments, grants and collection links that named
 * it (docs/trash.md). Nothing that reads assets can then show a trashed item, and a restore
 * gives back the very same records.
 */
export function trashChange(core: Core, topIds: Id[], actorId: Id, now: number): TrashChange {
  const { tables, indexes } = core.store
  const restrictedUsers = [...tables.users.values()].filter((u) => u.role === 'restricted')
  const put: TrashRecord[] = []
  const del: Dels = []
  const assets: AssetRecord[] = []
  for (const topId of topIds) {
    const top = tables.assets.get(topId)!
    const records = subtree(core, topId)
    // Who may see it in the trash is settled now: levels cascade from folders that may be gone by the time anyone looks.
    const managers = restrictedUsers.filter((u) => core.engine.assetAccess(u.id, topId).level === 'manage').map((u) => u.id)
    for (const asset of records) {
      const grants = [...(indexes.grantsByResource.get(asset.id)?.values() ?? [])]
      const associations = [...indexes.collectionsByAsset.get(asset.id)].map((c) => tables.associations.get(`${c}:${asset.id}`)!).filter(Boolean)
      const comments = [...indexes.commentsByFile.get(asset.id)].map((c) => tables.comments.get(c)!).filter(Boolean)
      const record: TrashRecord = { id: asset.id, rootId: topId, asset, trashedAt: now, trashedBy: actorId, comments, grants, associations }
      if (asset.id === topId) {
        record.fromPath = pathOf(core, top.parentId!)
        record.managers = managers
        record.count = records.length
      }
      put.push(record)
      del.push(['assets', asset.id])
      for (const g of grants) del.push(['grants', g.id])
      for (const a of associations) del.push(['associations', a.id])
      for (const c of comments) del.push(['comments', c.id])
      assets.push(asset)
    }
  }
  return { put, del, assets }
}

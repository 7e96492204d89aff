import type { AssetView } from '../../../shared/views.js'
import { AppError } from '../../../shared/errors.js'
import type { Handlers } from './mockApi.js'

/**
 * A small folder tree served the way main serves it: roots, listings, single assets and
 * breadcrumbs, all from one map. Unknown ids are NOT_FOUND.
 */
export function treeHandlers(assets: AssetView[], rootIds: string[]): Partial<Handlers> {
  const byId = new Map(assets.map((a) => [a.id, a]))
  const need = (id: string) => {
    const a = byId.get(id)
    if (!a) throw new AppError('NOT_FOUND', `No asset ${id}.`)
    return a
  }
  return {
    'assets.roots': () => rootIds.map(need),
    'assets.list': ({ folderId }) => assets.filter((a) => a.parentId === need(folderId).id),
    'assets.get': ({ id }) => need(id),
    'assets.breadcrumbs': ({ id }) => {
      const trail: AssetView[] = []
      for (let p = need(id).parentId; p !== null && byId.has(p) && !rootIds.includes(id); p = byId.get(p)!.parentId) {
        trail.unshift(byId.get(p)!)
        if (rootIds.includes(p)) break
      }
      return trail
    },
  }
}

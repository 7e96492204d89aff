import type { TroveState } from '../store/types.js'
import type { Route } from './routes.js'

/**
 * The address of what is on show, or null while there is nothing settled to name (a place
 * still opening, or one that was not found: its address stays as it was typed).
 */
export function routeOf(s: TroveState): Route | null {
  if (s.status !== 'ready' || s.routePending || s.listing === 'missing') return null
  const withFile = (route: Route): Route => (s.viewerId ? { ...route, fileId: s.viewerId } : route)
  if (s.screen === 'admin') return { place: { kind: 'admin' } }
  if (s.screen === 'trash') return { place: { kind: 'trash' } }
  if (s.screen === 'activity') return { place: { kind: 'activity' } }
  if (s.search?.smartId) return withFile({ place: { kind: 'smart', id: s.search.smartId } })
  if (s.search) return withFile({ place: { kind: 'search', filters: s.search.filters } })
  const scope = s.collectionScope
  if (scope && scope.folderIds.length === 0) return withFile({ place: { kind: 'collection', id: scope.collectionId } })
  if (s.folderId !== null) return withFile({ place: { kind: 'folder', id: s.folderId } })
  if (s.listing === 'ready') return withFile({ place: { kind: 'shared' } })
  return null
}

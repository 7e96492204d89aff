import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import { api } from '../api/client.js'
import { formatRoute, type Route } from '../routing/routes.js'
import { selectionInitial } from './selectionSlice.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

/**
 * Addresses (docs/browse.md): the store holds what is on show; the router turns it into an
 * address and an address back into it. Every way in goes through openRoute, so reload, Back,
 * Forward and a link all restore the same view.
 */
export interface RouteSlice {
  /** A route being opened: the address is not rewritten from half-opened state meanwhile. */
  routePending: boolean
  /** The address last opened, formatted (so the router does not open it twice). */
  openedAddress: string | null
  /** The file in the full-window viewer, over the view it was opened from. */
  viewerId: Id | null
  openRoute(route: Route | null): Promise<void>
  openViewer(id: Id): void
  closeViewer(): void
  /** A short confirmation read out and shown briefly ("Link copied"). */
  announcement: { text: string; at: number } | null
  announce(text: string): void
}

export const routeInitial = { routePending: false, openedAddress: null, viewerId: null, announcement: null } satisfies Partial<RouteSlice>

/** Nothing to show: the same answer whether the thing is missing or only hidden from this user. */
export function missingPlace(): Partial<TroveState> {
  return { listing: 'missing', folderId: null, trail: [], itemIds: [], collectionScope: null, ...selectionInitial, search: null, viewerId: null, screen: 'library' }
}

export const createRouteSlice: StateCreator<TroveState, [], [], RouteSlice> = (set, get) => {
  onReset(() => set(routeInitial))
  let request = 0

  /** Tree roots and people, which every place needs; the start place loads them itself. */
  async function surroundings(): Promise<void> {
    void get().loadUsers()
    if (!get().rootsLoaded) await get().loadRoots()
    const { rootIds, byId, session } = get()
    const home = rootIds.length === 1 && byId[rootIds[0]]?.kind === 'folder' && !session?.isRestricted ? rootIds[0] : null
    if (home && !get().expanded[home]) void get().setExpanded(home, true)
  }

  function missing(): void {
    set(missingPlace())
  }

  /** A link names only the asset: a folder opens, a file opens in the viewer over its folder (or the shared-with-me top). */
  async function openAsset(id: Id, mine: number): Promise<Id | null> {
    let asset
    try {
      asset = await api.call('assets.get', { id })
    } catch (error) {
      if (mine !== request) return null
      if ((error as { code?: string }).code === 'NOT_FOUND') missing()
      else get().reportError(error)
      return null
    }
    if (mine !== request) return null
    get().remember([asset])
    if (asset.kind === 'folder') {
      await get().openFolder(asset.id)
      return null
    }
    await get().openFolder(asset.parentId)
    return asset.id
  }

  return {
    ...routeInitial,

    async openRoute(route) {
      const mine = ++request
      set({ routePending: true, openedAddress: route ? formatRoute(route) : null })
      try {
        if (!route) return missing()
        const { place } = route
        let fileId = route.fileId ?? null
        if (place.kind === 'start') await get().startLibrary()
        else {
          await surroundings()
          if (mine !== request) return
          switch (place.kind) {
            case 'shared':
              await get().openFolder(null)
              break
            case 'folder':
              await get().openFolder(place.id)
              break
            case 'collection':
              await get().openCollection(place.id)
              break
            case 'smart':
              await get().openSmartCollection(place.id)
              break
            case 'search':
              if (get().listing === 'idle') set({ listing: 'ready' })
              await get().runSearch(place.filters)
              break
            case 'admin':
              if (get().listing === 'idle') await get().startLibrary()
              get().showScreen('admin')
              break
            case 'trash':
              if (get().listing === 'idle') await get().startLibrary()
              await get().openTrash()
              break
            case 'activity':
              if (get().listing === 'idle') await get().startLibrary()
              get().showScreen('activity')
              break
            case 'asset':
              fileId = (await openAsset(place.id, mine)) ?? fileId
              break
          }
        }
        if (mine !== request) return
        // A file in the address opens over whatever place it names; the viewer says when it is not there.
        if (get().listing !== 'missing') set({ viewerId: fileId })
      } finally {
        if (mine === request) set({ routePending: false })
      }
    },

    openViewer(id) {
      set({ viewerId: id })
    },

    closeViewer() {
      set({ viewerId: null })
    },

    announce(text) {
      set({ announcement: { text, at: Date.now() } })
    },
  }
}

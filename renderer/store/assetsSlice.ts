import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import type { AssetView } from '../../shared/views.js'
import { AppError } from '../../shared/errors.js'
import { api } from '../api/client.js'
import { scopeAfterOpening } from './collectionsSlice.js'
import { searchInitial } from './searchSlice.js'
import { selectionInitial } from './selectionSlice.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

/** The folder on show and its contents. */
export interface AssetsSlice {
  /** Every asset seen so far, as main last described it to this session. */
  byId: Record<Id, AssetView>
  /** null: the top of a restricted user's library ("Shared with me"). */
  folderId: Id | null
  /** Visible ancestors of the folder, from the top down (breadcrumbs). */
  trail: Id[]
  itemIds: Id[]
  /** `missing`: the place asked for is not there or not shared with this user (the same answer either way). */
  listing: 'idle' | 'loading' | 'ready' | 'failed' | 'missing'
  remember(views: AssetView[]): void
  /** Loads the roots and opens where this user starts: Home, or the shared-with-me top. */
  startLibrary(): Promise<void>
  openFolder(folderId: Id | null): Promise<void>
  refreshListing(): Promise<void>
  /** After a change: whatever is on screen (tree, folder, search) is asked for again. */
  refreshVisible(): Promise<void>
  createFolder(name: string): Promise<AssetView>
  /** One asset by id, as main shows it to this user (NOT_FOUND when it is gone or not shared). */
  fetchAsset(id: Id): Promise<AssetView>
}

const assetsInitial = {
  byId: {},
  folderId: null,
  trail: [],
  itemIds: [],
  listing: 'idle',
} satisfies Partial<AssetsSlice>

export const createAssetsSlice: StateCreator<TroveState, [], [], AssetsSlice> = (set, get) => {
  onReset(() => set(assetsInitial))
  /** Only the latest listing request may fill the centre; an older answer arriving late is dropped. */
  let listingRequest = 0

  return {
    ...assetsInitial,

    remember(views) {
      if (views.length === 0) return
      set((s) => {
        const byId = { ...s.byId }
        for (const v of views) byId[v.id] = v
        return { byId }
      })
    },

    async startLibrary() {
      const request = ++listingRequest
      set({ listing: 'loading', collectionScope: null })
      // Owner names in the details and the list come from here.
      void get().loadUsers()
      await get().loadRoots()
      if (request !== listingRequest) return
      const { rootIds, byId, session, rootsLoaded } = get()
      // loadRoots has already said why; one message per failure.
      if (!rootsLoaded) return set({ listing: 'failed' })
      const home = rootIds.length === 1 && byId[rootIds[0]]?.kind === 'folder' && !session?.isRestricted ? rootIds[0] : null
      if (home) {
        void get().setExpanded(home, true)
        await get().openFolder(home)
      } else set({ folderId: null, itemIds: rootIds, trail: [], ...selectionInitial, listing: 'ready' })
    },

    async openFolder(folderId) {
      const request = ++listingRequest
      // Until main answers, the trail is what is known of it: cut at the folder when going up it, else empty.
      const known = get().trail
      set({
        folderId,
        trail: folderId !== null && known.includes(folderId) ? known.slice(0, known.indexOf(folderId)) : [],
        listing: 'loading',
        collectionScope: scopeAfterOpening(get(), folderId),
        ...selectionInitial,
        ...searchInitial,
        renamingId: null,
        screen: 'library',
      })
      // A collection opened meanwhile (collections slice) has taken the centre.
      const superseded = () => request !== listingRequest || get().folderId !== folderId || (folderId === null && get().collectionScope !== null)
      try {
        if (folderId === null) {
          await get().loadRoots()
          if (superseded()) return
          set({ itemIds: get().rootIds, trail: [], listing: 'ready' })
          return
        }
        const [folder, children, trail] = await Promise.all([
          api.call('assets.get', { id: folderId }),
          api.call('assets.list', { folderId }),
          api.call('assets.breadcrumbs', { id: folderId }),
        ])
        if (superseded()) return
        get().remember([folder, ...children, ...trail])
        const ids = children.map((c) => c.id)
        set((s) => ({ itemIds: ids, trail: trail.map((t) => t.id), listing: 'ready', childIds: { ...s.childIds, [folderId]: ids } }))
        // A folder opened from the grid or the breadcrumbs is revealed in the tree.
        for (const t of trail) if (!get().expanded[t.id]) void get().setExpanded(t.id, true)
      } catch (error) {
        if (superseded()) return
        // A folder gone or out of reach: one answer, whichever it is, and nothing else said.
        if ((error as { code?: string }).code === 'NOT_FOUND') return set({ listing: 'missing', itemIds: [], trail: [] })
        set({ listing: 'failed', itemIds: [] })
        get().reportError(error)
      }
    },

    async refreshListing() {
      const { folderId, listing } = get()
      if (listing === 'idle') return
      // The top of a collection is listed by the collections slice.
      if (folderId === null && get().collectionScope) return get().refreshCollection()
      const request = ++listingRequest
      try {
        if (folderId === null) {
          await get().loadRoots()
          // A refresh that overtook a first load (a change arrived meanwhile) finishes that load too.
          if (request === listingRequest) set({ itemIds: get().rootIds, listing: 'ready' })
        } else {
          // The folder and its ancestors too: any of them may have been renamed.
          const [folder, children, trail] = await Promise.all([
            api.call('assets.get', { id: folderId }),
            api.call('assets.list', { folderId }),
            api.call('assets.breadcrumbs', { id: folderId }),
          ])
          if (request !== listingRequest) return
          get().remember([folder, ...children, ...trail])
          const ids = children.map((c) => c.id)
          set((s) => ({ itemIds: ids, trail: trail.map((t) => t.id), listing: 'ready', childIds: { ...s.childIds, [folderId]: ids } }))
        }
        if (!get().search) {
          const present = new Set(get().itemIds)
          set((s) => ({ selection: s.selection.filter((id) => present.has(id)) }))
        }
      } catch (error) {
        if (request !== listingRequest) return
        // The folder went away or out of reach (deleted, unshared): go back to where this user starts.
        if ((error as { code?: string }).code === 'NOT_FOUND') return get().startLibrary()
        // A first load this refresh overtook ends here too, with the retry button.
        if (get().listing === 'loading') set({ listing: 'failed' })
        get().reportError(error)
      }
    },

    async refreshVisible() {
      const { childIds, expanded, folderId } = get()
      const loadedOpen = Object.keys(childIds).filter((id) => expanded[id] && id !== folderId)
      await Promise.all([get().loadRoots(), get().refreshListing(), get().refreshSearch(), ...loadedOpen.map((id) => get().loadChildren(id))])
    },

    async createFolder(name) {
      const parentId = get().folderId
      if (parentId === null) throw new AppError('INVALID_INPUT', 'Open a folder first: new folders go inside a folder.')
      const folder = await api.call('folders.create', { parentId, name })
      get().remember([folder])
      await get().refreshListing()
      get().setSelection([folder.id])
      return folder
    },

    fetchAsset(id) {
      return api.call('assets.get', { id })
    },
  }
}

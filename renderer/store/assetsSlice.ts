import type { StateCreator } from 'zustand'
import { AppError } from '../../shared/errors.js'
import { api } from '../api/index.js'
import { toBase64 } from './base64.js'
import { treeInitial } from './treeSlice.js'
import type { AssetsSlice, TroveState } from './types.js'

/**
 * Inline uploads travel as base64 in one request, which the browser and main both hold in
 * memory; bigger files wait for the streamed import the desktop shell and later issues bring.
 */
export const MAX_INLINE_UPLOAD = 100 * 1024 * 1024

const assetsInitial = {
  byId: {},
  folderId: null,
  trail: [],
  itemIds: [],
  listing: 'idle',
  selection: [],
  uploads: null,
} satisfies Partial<AssetsSlice>

export const createAssetsSlice: StateCreator<TroveState, [], [], AssetsSlice> = (set, get) => {
  /** Only the latest listing request may fill the grid; an older answer arriving late is dropped. */
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

    resetLibrary() {
      listingRequest++
      set({ ...assetsInitial, ...treeInitial })
    },

    async startLibrary() {
      const request = ++listingRequest
      set({ listing: 'loading' })
      await get().loadRoots()
      if (request !== listingRequest) return
      const { rootIds, byId, session, rootsLoaded } = get()
      // loadRoots has already said why; one message per failure.
      if (!rootsLoaded) return set({ listing: 'failed' })
      const home = rootIds.length === 1 && byId[rootIds[0]]?.kind === 'folder' && !session?.isRestricted ? rootIds[0] : null
      if (home) {
        void get().setExpanded(home, true)
        await get().openFolder(home)
      } else set({ folderId: null, itemIds: rootIds, trail: [], selection: [], listing: 'ready' })
    },

    async openFolder(folderId) {
      const request = ++listingRequest
      set({ folderId, listing: 'loading', selection: [] })
      try {
        if (folderId === null) {
          await get().loadRoots()
          if (request !== listingRequest) return
          set({ itemIds: get().rootIds, trail: [], listing: 'ready' })
          return
        }
        const [folder, children, trail] = await Promise.all([
          api.call('assets.get', { id: folderId }),
          api.call('assets.list', { folderId }),
          api.call('assets.breadcrumbs', { id: folderId }),
        ])
        if (request !== listingRequest) return
        get().remember([folder, ...children, ...trail])
        const ids = children.map((c) => c.id)
        set((s) => ({ itemIds: ids, trail: trail.map((t) => t.id), listing: 'ready', childIds: { ...s.childIds, [folderId]: ids } }))
        // A folder opened from the grid or the breadcrumbs is revealed in the tree.
        for (const t of trail) if (!get().expanded[t.id]) void get().setExpanded(t.id, true)
      } catch (error) {
        if (request !== listingRequest) return
        set({ listing: 'failed', itemIds: [] })
        get().reportError(error)
      }
    },

    async refreshListing() {
      const { folderId, listing } = get()
      if (listing === 'idle') return
      const request = ++listingRequest
      try {
        if (folderId === null) {
          await get().loadRoots()
          if (request === listingRequest) set({ itemIds: get().rootIds })
          return
        }
        const children = await api.call('assets.list', { folderId })
        if (request !== listingRequest) return
        get().remember(children)
        const ids = children.map((c) => c.id)
        set((s) => ({ itemIds: ids, selection: s.selection.filter((id) => ids.includes(id)), childIds: { ...s.childIds, [folderId]: ids } }))
      } catch (error) {
        if (request !== listingRequest) return
        // The folder went away or out of reach (deleted, unshared): go back to where this user starts.
        if ((error as { code?: string }).code === 'NOT_FOUND') await get().startLibrary()
        else get().reportError(error)
      }
    },

    async refreshVisible() {
      const { childIds, expanded, folderId } = get()
      const loadedOpen = Object.keys(childIds).filter((id) => expanded[id] && id !== folderId)
      await Promise.all([get().loadRoots(), get().refreshListing(), ...loadedOpen.map((id) => get().loadChildren(id))])
    },

    select(id, mode = 'replace') {
      set((s) => {
        if (mode === 'replace') return { selection: [id] }
        return { selection: s.selection.includes(id) ? s.selection.filter((x) => x !== id) : [...s.selection, id] }
      })
    },

    async createFolder(name) {
      const parentId = get().folderId
      if (parentId === null) throw new AppError('INVALID_INPUT', 'Open a folder first: new folders go inside a folder.')
      const folder = await api.call('folders.create', { parentId, name })
      get().remember([folder])
      await get().refreshListing()
      set({ selection: [folder.id] })
      return folder
    },

    async uploadFiles(files) {
      const folderId = get().folderId
      if (folderId === null || files.length === 0) return
      try {
        for (let i = 0; i < files.length; i++) {
          const file = files[i]
          set({ uploads: { done: i, total: files.length, current: file.name } })
          if (file.size > MAX_INLINE_UPLOAD) {
            get().reportError(new AppError('LIMIT_EXCEEDED', `"${file.name}" is larger than ${MAX_INLINE_UPLOAD / 1024 / 1024} MB, the most a browser upload takes for now.`))
            continue
          }
          try {
            const base64 = toBase64(new Uint8Array(await file.arrayBuffer()))
            await api.call('files.upload', { folderId, name: file.name, base64 })
          } catch (error) {
            get().reportError(error)
          }
        }
      } finally {
        set({ uploads: null })
        if (get().folderId === folderId) await get().refreshListing()
      }
    },
  }
}

import type { StateCreator } from 'zustand'
import { api } from '../api/client.js'
import type { TreeSlice, TroveState } from './types.js'
import { withReset } from './resets.js'

export const treeInitial = {
  rootIds: [],
  rootsLoaded: false,
  childIds: {},
  expanded: {},
  loadingIds: {},
} satisfies Partial<TreeSlice>

export const createTreeSlice: StateCreator<TroveState, [], [], TreeSlice> = (set, get) => withReset(() => set(treeInitial), {
  ...treeInitial,

  async loadRoots() {
    try {
      const roots = await api.call('assets.roots')
      get().remember(roots)
      set({ rootIds: roots.map((r) => r.id), rootsLoaded: true })
    } catch (error) {
      get().reportError(error)
    }
  },

  async loadChildren(folderId) {
    set((s) => ({ loadingIds: { ...s.loadingIds, [folderId]: true } }))
    try {
      const children = await api.call('assets.list', { folderId })
      get().remember(children)
      set((s) => ({ childIds: { ...s.childIds, [folderId]: children.map((c) => c.id) } }))
    } catch (error) {
      get().reportError(error)
    } finally {
      set((s) => {
        const { [folderId]: _done, ...rest } = s.loadingIds
        return { loadingIds: rest }
      })
    }
  },

  async setExpanded(folderId, open) {
    set((s) => ({ expanded: { ...s.expanded, [folderId]: open } }))
    if (open && !get().childIds[folderId]) await get().loadChildren(folderId)
  },
})

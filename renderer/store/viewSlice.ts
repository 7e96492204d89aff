import type { StateCreator } from 'zustand'
import type { TroveState } from './types.js'

export type SortKey = 'name' | 'type' | 'size' | 'modified' | 'owner'
export type SortDir = 'asc' | 'desc'
export type ViewMode = 'grid' | 'list'
export type Screen = 'library' | 'admin' | 'trash'

/** How the centre shows what it holds, and which screen is up. */
export interface ViewSlice {
  viewMode: ViewMode
  sort: { key: SortKey; dir: SortDir }
  /** Administration is a screen of its own, for admins only. */
  screen: Screen
  setViewMode(mode: ViewMode): void
  /** The same key again flips the direction, as a column header does. */
  setSort(key: SortKey, dir?: SortDir): void
  showScreen(screen: Screen): void
}

export const viewInitial = {
  viewMode: 'grid',
  sort: { key: 'name', dir: 'asc' },
  screen: 'library',
} satisfies Partial<ViewSlice>

export const createViewSlice: StateCreator<TroveState, [], [], ViewSlice> = (set, get) => ({
  ...viewInitial,

  setViewMode(viewMode) {
    set({ viewMode })
  },

  setSort(key, dir) {
    const current = get().sort
    set({ sort: { key, dir: dir ?? (current.key === key && current.dir === 'asc' ? 'desc' : 'asc') } })
  },

  showScreen(screen) {
    // Only an admin acting as themselves has the administration screen.
    if (screen === 'admin' && !get().session?.isAdmin) return
    set({ screen })
  },
})

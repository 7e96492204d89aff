import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import { api } from '../api/index.js'
import { selectionInitial } from './selectionSlice.js'
import type { TroveState } from './types.js'

/** Enough for a person to scan; beyond it they are asked to refine the words. */
export const SEARCH_LIMIT = 500

export interface SearchState {
  query: string
  ids: Id[]
  hasMore: boolean
  status: 'loading' | 'ready' | 'failed'
}

/** A search over the whole library (as far as the user can view it) replaces the folder in the centre. */
export interface SearchSlice {
  search: SearchState | null
  runSearch(query: string): Promise<void>
  clearSearch(): void
  /** After a change: the same words asked again. */
  refreshSearch(): Promise<void>
}

export const searchInitial = { search: null } satisfies Partial<SearchSlice>

export const createSearchSlice: StateCreator<TroveState, [], [], SearchSlice> = (set, get) => {
  /** Typing fires several searches; only the answer to the latest one is shown. */
  let request = 0

  async function fetch(query: string, keepSelection: boolean): Promise<void> {
    const mine = ++request
    try {
      const { items, hasMore } = await api.call('search.assets', { query, limit: SEARCH_LIMIT })
      if (mine !== request || get().search?.query !== query) return
      get().remember(items)
      const ids = items.map((a) => a.id)
      const present = new Set(ids)
      set((s) => ({
        search: { query, ids, hasMore, status: 'ready' },
        selection: keepSelection ? s.selection.filter((id) => present.has(id)) : s.selection,
      }))
    } catch (error) {
      if (mine !== request) return
      set((s) => ({ search: s.search && { ...s.search, status: 'failed' } }))
      get().reportError(error)
    }
  }

  return {
    ...searchInitial,

    async runSearch(query) {
      if (query.trim() === '') return get().clearSearch()
      set((s) => ({ search: { query, ids: s.search?.ids ?? [], hasMore: false, status: 'loading' }, ...selectionInitial, renamingId: null, screen: 'library' }))
      await fetch(query, false)
    },

    clearSearch() {
      request++
      if (get().search) set({ ...searchInitial, ...selectionInitial })
    },

    async refreshSearch() {
      const search = get().search
      if (search) await fetch(search.query, true)
    },
  }
}

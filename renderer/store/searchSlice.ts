import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import { api } from '../api/client.js'
import type { SearchFilters } from '../routing/routes.js'
import { selectionInitial } from './selectionSlice.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

/** Hits asked for at a time; the next page is asked for as the view scrolls near its end. */
export const SEARCH_PAGE = 200

export interface SearchState {
  /** The words, as filters.query. */
  query: string
  filters: SearchFilters
  ids: Id[]
  /** Every viewable hit, loaded or not. */
  total: number
  hasMore: boolean
  status: 'loading' | 'ready' | 'failed'
  loadingMore: boolean
  /** A smart collection on show: its saved search, run by main as this user (docs/browse.md). */
  smartId?: Id
}

/** A search over the whole library (as far as the user can view it) replaces the folder in the centre. */
export interface SearchSlice {
  search: SearchState | null
  /** Words alone keep the filters on show; filters given replace them all. */
  runSearch(query: string | SearchFilters): Promise<void>
  /** The same words with some filters changed (undefined removes one). */
  setSearchFilters(patch: Partial<SearchFilters>): Promise<void>
  loadMoreResults(): Promise<void>
  clearSearch(): void
  /** After a change: the same search asked again, as far as it was loaded. */
  refreshSearch(): Promise<void>
  /** A smart collection's hits in the centre, with its saved filters on show (the smart slice opens it). */
  showSmartSearch(smartId: Id, filters: SearchFilters): Promise<void>
  /** The cameras of the files this user can view (under a folder when given), for the camera filter. */
  loadCameras(folderId?: Id): Promise<string[]>
}

export const searchInitial = { search: null } satisfies Partial<SearchSlice>

/** True when the filters ask for anything: words or at least one filter. */
export function asksForSomething(f: SearchFilters): boolean {
  return Object.entries(f).some(([key, value]) => (key === 'query' ? String(value).trim() !== '' : value !== undefined && (!Array.isArray(value) || value.length > 0)))
}

/** Filters without the empty ones, so equal searches have equal addresses. */
export function cleanFilters(f: SearchFilters): SearchFilters {
  const out: Record<string, unknown> = { query: f.query }
  for (const [key, value] of Object.entries(f)) {
    if (key === 'query' || key === 'timeZoneOffset' || value === undefined || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    out[key] = value
  }
  return out as SearchFilters
}

/** One page of the search on show: a smart collection's hits come from its own channel, so a saved search is run as saved. */
function page(search: Pick<SearchState, 'filters' | 'smartId'>, offset: number, limit: number) {
  if (search.smartId) return api.call('smartCollections.assets', { smartCollectionId: search.smartId, limit, ...(offset > 0 ? { offset } : {}) })
  return api.call('search.assets', channelInput(search.filters, offset, limit))
}

function channelInput(f: SearchFilters, offset: number, limit: number) {
  // Days modified are the searcher's days: main is told this zone's offset to turn them into instants.
  const zone = f.modifiedFrom || f.modifiedTo ? { timeZoneOffset: new Date().getTimezoneOffset() } : {}
  return { ...f, ...zone, ...(offset > 0 ? { offset } : {}), limit }
}

export const createSearchSlice: StateCreator<TroveState, [], [], SearchSlice> = (set, get) => {
  onReset(() => set(searchInitial))
  /** Typing fires several searches; only the answer to the latest one is shown. */
  let request = 0

  async function fetch(filters: SearchFilters, keepSelection: boolean, smartId?: Id): Promise<void> {
    const mine = ++request
    const loaded = keepSelection ? (get().search?.ids.length ?? 0) : 0
    try {
      const { items, hasMore, total } = await page({ filters, smartId }, 0, Math.min(1000, Math.max(SEARCH_PAGE, loaded)))
      if (mine !== request || get().search?.filters !== filters) return
      get().remember(items)
      const ids = items.map((a) => a.id)
      const present = new Set(ids)
      set((s) => ({
        search: { query: filters.query, filters, ids, total, hasMore, status: 'ready', loadingMore: false, ...(smartId ? { smartId } : {}) },
        selection: keepSelection ? s.selection.filter((id) => present.has(id)) : s.selection,
      }))
    } catch (error) {
      if (mine !== request) return
      // A smart collection deleted or no longer shared: the same answer as a missing place.
      if (smartId && (error as { code?: string }).code === 'NOT_FOUND') return get().smartCollectionGone(smartId)
      set((s) => ({ search: s.search && { ...s.search, status: 'failed', loadingMore: false } }))
      get().reportError(error)
    }
  }

  return {
    ...searchInitial,

    async runSearch(given) {
      const filters = cleanFilters(typeof given === 'string' ? { ...(get().search?.filters ?? {}), query: given } : given)
      if (!asksForSomething(filters)) return get().clearSearch()
      const current = get().search
      // The same search again (an address read back, say) keeps what is loaded.
      if (current && !current.smartId && JSON.stringify(current.filters) === JSON.stringify(filters)) return
      set((s) => ({
        search: { query: filters.query, filters, ids: s.search?.ids ?? [], total: s.search?.total ?? 0, hasMore: false, status: 'loading', loadingMore: false },
        ...selectionInitial,
        renamingId: null,
        screen: 'library',
      }))
      await fetch(filters, false)
    },

    async setSearchFilters(patch) {
      const base = get().search?.filters ?? { query: '' }
      await get().runSearch({ ...base, ...patch })
    },

    async loadMoreResults() {
      const search = get().search
      if (!search || !search.hasMore || search.loadingMore || search.status !== 'ready') return
      const mine = request
      set({ search: { ...search, loadingMore: true } })
      try {
        const next = await page(search, search.ids.length, SEARCH_PAGE)
        const now = get().search
        if (mine !== request || now?.filters !== search.filters) return
        get().remember(next.items)
        const have = new Set(now.ids)
        // A change between pages may shift hits by one: never show one twice.
        const ids = [...now.ids, ...next.items.map((a) => a.id).filter((id) => !have.has(id))]
        set({ search: { ...now, ids, total: next.total, hasMore: next.hasMore && next.items.length > 0, loadingMore: false } })
      } catch (error) {
        const now = get().search
        if (now) set({ search: { ...now, loadingMore: false } })
        get().reportError(error)
      }
    },

    clearSearch() {
      request++
      if (get().search) set({ ...searchInitial, ...selectionInitial })
    },

    async refreshSearch() {
      const search = get().search
      if (search) await fetch(search.filters, true, search.smartId)
    },

    async showSmartSearch(smartId, filters) {
      const current = get().search
      if (current?.smartId === smartId && JSON.stringify(current.filters) === JSON.stringify(filters)) return fetch(current.filters, true, smartId)
      set((s) => ({
        search: { query: filters.query, filters, ids: [], total: 0, hasMore: false, status: 'loading', loadingMore: false, smartId },
        ...(s.search?.smartId === smartId ? {} : selectionInitial),
        renamingId: null,
        screen: 'library',
      }))
      await fetch(filters, current?.smartId === smartId, smartId)
    },

    loadCameras(folderId) {
      return api.call('search.cameras', folderId ? { folderId } : {})
    },
  }
}

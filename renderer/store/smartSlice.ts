import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import type { SmartCollectionView } from '../../shared/views.js'
import { api } from '../api/client.js'
import { missingPlace } from './routeSlice.js'
import { cleanFilters } from './searchSlice.js'
import type { ResultOf } from '../../shared/contract/index.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

/**
 * Smart collections (docs/browse.md): saved searches in the sidebar. Main runs each one as
 * this user whenever it is shown, so it holds what this user can view, and a change that
 * reaches this user shows in it as in any search.
 */
export interface SmartSlice {
  smartCollections: SmartCollectionView[]
  smartLoaded: boolean
  loadSmartCollections(): Promise<void>
  /** Shows its hits in the centre; one deleted or not shared with this user is "not found". */
  openSmartCollection(id: Id): Promise<void>
  /** After a change to smart collections: the list, and the open one's filters and hits. */
  refreshSmartCollections(): Promise<void>
  /** The open one went away (deleted, or no longer shared): the same screen as a missing place. */
  smartCollectionGone(id: Id): void
  /** These throw, so the dialog that asked can show main's refusal by its fields. */
  saveSearchAs(name: string): Promise<SmartCollectionView>
  renameSmartCollection(id: Id, name: string): Promise<void>
  /** Saves the search on show as this smart collection's search. */
  replaceSmartSearch(id: Id): Promise<void>
  shareSmartCollection(id: Id, subjectIds: Id[]): Promise<void>
  deleteSmartCollection(id: Id): Promise<void>
  /** The groups a saved search can be shared with. */
  listShareGroups(): Promise<ResultOf<'groups.list'>>
}

export const smartInitial = { smartCollections: [], smartLoaded: false } satisfies Partial<SmartSlice>

const byName = (a: SmartCollectionView, b: SmartCollectionView) => a.name.localeCompare(b.name) || a.ownerName.localeCompare(b.ownerName)

export const createSmartSlice: StateCreator<TroveState, [], [], SmartSlice> = (set, get) => {
  onReset(() => set(smartInitial))
  let opening = 0

  function put(view: SmartCollectionView): void {
    set((s) => ({ smartCollections: [...s.smartCollections.filter((c) => c.id !== view.id), view].sort(byName) }))
  }

  return {
    ...smartInitial,

    async loadSmartCollections() {
      try {
        const list = await api.call('smartCollections.list')
        set({ smartCollections: list, smartLoaded: true })
      } catch (error) {
        get().reportError(error)
      }
    },

    async openSmartCollection(id) {
      const mine = ++opening
      let view: SmartCollectionView
      try {
        view = await api.call('smartCollections.get', { smartCollectionId: id })
      } catch (error) {
        if (mine !== opening) return
        if ((error as { code?: string }).code === 'NOT_FOUND') return get().smartCollectionGone(id)
        return get().reportError(error)
      }
      if (mine !== opening) return
      put(view)
      if (get().listing === 'idle' || get().listing === 'missing') set({ listing: 'ready' })
      await get().showSmartSearch(id, view.search)
    },

    async refreshSmartCollections() {
      await get().loadSmartCollections()
      const open = get().search?.smartId
      if (!open) return
      const view = get().smartCollections.find((c) => c.id === open)
      if (!view) return get().smartCollectionGone(open)
      await get().showSmartSearch(open, view.search)
    },

    smartCollectionGone(id) {
      set((s) => ({ smartCollections: s.smartCollections.filter((c) => c.id !== id) }))
      set(missingPlace())
    },

    async saveSearchAs(name) {
      const search = get().search
      if (!search) throw new Error('There is no search to save.')
      const created = await api.call('smartCollections.create', { name, search: cleanFilters(search.filters) })
      put(created)
      void get().openSmartCollection(created.id)
      return created
    },

    async renameSmartCollection(id, name) {
      put(await api.call('smartCollections.rename', { smartCollectionId: id, name }))
    },

    async replaceSmartSearch(id) {
      const search = get().search
      if (!search) return
      put(await api.call('smartCollections.setSearch', { smartCollectionId: id, search: cleanFilters(search.filters) }))
      await get().openSmartCollection(id)
    },

    async shareSmartCollection(id, subjectIds) {
      put(await api.call('smartCollections.share', { smartCollectionId: id, subjectIds }))
    },

    async deleteSmartCollection(id) {
      await api.call('smartCollections.delete', { smartCollectionId: id })
      set((s) => ({ smartCollections: s.smartCollections.filter((c) => c.id !== id) }))
      if (get().search?.smartId === id) {
        get().clearSearch()
        await get().startLibrary()
      }
    },

    listShareGroups() {
      return api.call('groups.list')
    },
  }
}

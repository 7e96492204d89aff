import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import { selectShownIds } from './shownItems.js'
import type { TroveState } from './types.js'
import { withReset } from './resets.js'

/**
 * replace: a plain click; toggle: ctrl/cmd-click; range: shift-click (from the anchor);
 * addRange: ctrl+shift-click, the range added to what is already selected.
 */
export type SelectMode = 'replace' | 'toggle' | 'range' | 'addRange'

/** The selection in the centre, and the item keyboard navigation is on. */
export interface SelectionSlice {
  selection: Id[]
  /** Where a shift-click range starts: the last item clicked without shift. */
  anchorId: Id | null
  /** The item the keyboard is on (shown with a focus ring while the view has focus). */
  activeId: Id | null
  select(id: Id, mode?: SelectMode): void
  selectAll(): void
  clearSelection(): void
  setSelection(ids: Id[]): void
  setActive(id: Id | null): void
}

export const selectionInitial = {
  selection: [],
  anchorId: null,
  activeId: null,
} satisfies Partial<SelectionSlice>

export const createSelectionSlice: StateCreator<TroveState, [], [], SelectionSlice> = (set, get) => withReset(() => set(selectionInitial), {
  ...selectionInitial,

  select(id, mode = 'replace') {
    const s = get()
    if (mode === 'replace') return set({ selection: [id], anchorId: id, activeId: id })
    if (mode === 'toggle') {
      const selection = s.selection.includes(id) ? s.selection.filter((x) => x !== id) : [...s.selection, id]
      return set({ selection, anchorId: id, activeId: id })
    }
    const ids = selectShownIds(s)
    const anchor = s.anchorId && ids.includes(s.anchorId) ? s.anchorId : id
    const [from, to] = [ids.indexOf(anchor), ids.indexOf(id)].sort((a, b) => a - b)
    const range = ids.slice(from, to + 1)
    const selection = mode === 'addRange' ? [...new Set([...s.selection, ...range])] : range
    // The anchor stays put, so a second shift-click redraws the range from the same place.
    set({ selection, anchorId: anchor, activeId: id })
  },

  selectAll() {
    const ids = selectShownIds(get())
    set((s) => ({ selection: [...ids], anchorId: s.anchorId ?? ids[0] ?? null, activeId: s.activeId ?? ids[0] ?? null }))
  },

  clearSelection() {
    set({ selection: [], anchorId: null })
  },

  setSelection(ids) {
    set({ selection: ids, anchorId: ids[0] ?? null, activeId: ids[ids.length - 1] ?? null })
  },

  setActive(activeId) {
    set({ activeId })
  },
})

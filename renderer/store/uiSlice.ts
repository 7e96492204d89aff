import type { StateCreator } from 'zustand'
import { describeError, isDisconnected } from '../api/errors.js'
import type { TroveState, UiSlice } from './types.js'
import { withReset } from './resets.js'

/** Messages, the dialog and the user menu belong to who acted when they opened. */
export const uiInitial = { errors: [], dialog: null, switcherOpen: false } satisfies Partial<UiSlice>

/** Older messages give way: a burst of failures must not bury the screen. */
const MAX_ERRORS = 4
let nextErrorId = 1

export const createUiSlice: StateCreator<TroveState, [], [], UiSlice> = (set) => withReset(() => set(uiInitial), {
  ...uiInitial,

  reportError(error) {
    if (isDisconnected(error)) {
      set({ status: 'disconnected', session: null })
      return
    }
    const shown = describeError(error)
    set((s) => ({
      errors: [...s.errors.filter((e) => e.message !== shown.message), { ...shown, id: nextErrorId++ }].slice(-MAX_ERRORS),
    }))
  },

  dismissError(id) {
    set((s) => ({ errors: s.errors.filter((e) => e.id !== id) }))
  },

  openDialog(dialog) {
    set({ dialog })
  },

  closeDialog() {
    set({ dialog: null })
  },

  setSwitcherOpen(switcherOpen) {
    set({ switcherOpen })
  },
})

import type { StateCreator } from 'zustand'
import type { SessionView } from '../../shared/views.js'
import { api } from '../api/index.js'
import { isDisconnected, isSignedOut } from '../api/errors.js'
import type { SessionSlice, TroveState } from './types.js'

export const createSessionSlice: StateCreator<TroveState, [], [], SessionSlice> = (set, get) => {
  /** A different actor sees a different library: nothing of the previous one may linger on screen. */
  async function enter(session: SessionView): Promise<void> {
    get().resetLibrary()
    set({ session, status: 'ready', users: [], dialog: null, switcherOpen: false, ownPasswordAsked: false })
    await get().startLibrary()
  }

  /**
   * Main acts as the new user from the moment it answers, before this window has taken the
   * answer in: while the call is out, what is on screen may already be another user's to ask for.
   */
  async function change(call: () => Promise<SessionView>): Promise<void> {
    set((s) => ({ sessionChanges: s.sessionChanges + 1 }))
    try {
      await enter(await call())
    } finally {
      set((s) => ({ sessionChanges: s.sessionChanges - 1 }))
    }
  }

  return {
    status: 'loading',
    session: null,
    users: [],
    sessionChanges: 0,
    ownPasswordAsked: false,

    async loadSession() {
      try {
        await enter(await api.call('session.current'))
      } catch (error) {
        get().resetLibrary()
        if (isDisconnected(error)) set({ status: 'disconnected', session: null })
        else if (isSignedOut(error)) set({ status: 'signedOut', session: null })
        else {
          set({ status: 'failed', session: null })
          get().reportError(error)
        }
      }
    },

    async loadUsers() {
      try {
        set({ users: await api.call('users.list') })
      } catch (error) {
        get().reportError(error)
      }
    },

    signIn: (email, password) => change(() => api.call('session.signIn', { email, password })),
    switchUser: (userId, password) => change(() => api.call('session.switchUser', { userId, password })),
    viewAs: (userId) => change(() => api.call('session.viewAs', { userId })),
    endViewAs: () => change(() => api.call('session.endViewAs')),

    async setOwnPassword(password) {
      const me = get().session?.user.id
      if (!me) return
      await get().updateUser({ userId: me, password })
      set({ ownPasswordAsked: false })
    },

    skipOwnPassword: () => set({ ownPasswordAsked: false }),
  }
}

import type { StateCreator } from 'zustand'
import type { SessionView } from '../../shared/views.js'
import { api } from '../api/index.js'
import { isDisconnected, isSignedOut } from '../api/errors.js'
import type { SessionSlice, TroveState } from './types.js'
import { addressRoute } from '../routing/address.js'

export const createSessionSlice: StateCreator<TroveState, [], [], SessionSlice> = (set, get) => {
  /** A different actor sees a different library: nothing of the previous one may linger on screen. */
  async function enter(session: SessionView, atAddress: boolean): Promise<void> {
    get().resetLibrary()
    set({ session, status: 'ready', users: [], dialog: null, switcherOpen: false, ownPasswordAsked: false })
    // A page (re)loaded opens where its address says; a new user starts at their start.
    await get().openRoute(atAddress ? addressRoute() : { place: { kind: 'start' } })
  }

  /**
   * Main acts as the new user from the moment it answers, before this window has taken the
   * answer in: while the call is out, what is on screen may already be another user's to ask for.
   */
  async function change(call: () => Promise<SessionView>, atAddress = false): Promise<void> {
    set((s) => ({ sessionChanges: s.sessionChanges + 1 }))
    try {
      await enter(await call(), atAddress)
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

    async loadSession(atAddress = true) {
      try {
        await enter(await api.call('session.current'), atAddress)
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

    // Signing in lands where the address says (a link opened before signing in); a switch starts afresh.
    signIn: (email, password) => change(() => api.call('session.signIn', { email, password }), true),
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

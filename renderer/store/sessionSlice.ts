import type { StateCreator } from 'zustand'
import type { SessionView } from '../../shared/views.js'
import { api } from '../api/index.js'
import { isDisconnected, isSignedOut } from '../api/errors.js'
import type { SessionSlice, TroveState } from './types.js'

export const createSessionSlice: StateCreator<TroveState, [], [], SessionSlice> = (set, get) => {
  /** A different actor sees a different library: nothing of the previous one may linger on screen. */
  async function enter(session: SessionView): Promise<void> {
    get().resetLibrary()
    set({ session, status: 'ready', users: [], dialog: null, switcherOpen: false })
    await get().startLibrary()
  }

  return {
    status: 'loading',
    session: null,
    users: [],

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

    async signIn(email, password) {
      await enter(await api.call('session.signIn', { email, password }))
    },

    async switchUser(userId, password) {
      await enter(await api.call('session.switchUser', { userId, password }))
    },

    async viewAs(userId) {
      await enter(await api.call('session.viewAs', { userId }))
    },

    async endViewAs() {
      await enter(await api.call('session.endViewAs'))
    },
  }
}

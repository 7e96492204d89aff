import type { StateCreator } from 'zustand'
import type { SessionView } from '../../shared/views.js'
import { api } from '../api/client.js'
import { isDisconnected, isSignedOut } from '../api/errors.js'
import type { SessionSlice, TroveState } from './types.js'
import { addressRoute } from '../routing/address.js'
import { routeOf } from '../routing/routeOf.js'
import type { Route } from '../routing/routes.js'
import { onReset, resetSlices } from './resets.js'

/** Whom main knows besides who acts; who acts (`session`, `status`) changes only with main's answer. */
export const sessionInitial = { users: [], ownPasswordAsked: false } satisfies Partial<SessionSlice>

export const createSessionSlice: StateCreator<TroveState, [], [], SessionSlice> = (set, get) => {
  onReset(() => set(sessionInitial))

  /**
   * Where the admin was when they began to view as someone, so "Return to …" goes back there
   * rather than to their start. Kept through moving on to view as another user; dropped once used.
   */
  let adminPlace: { adminId: string; route: Route } | null = null

  /** A different actor sees a different library: nothing of the previous one may linger on screen. */
  async function enter(session: SessionView, atAddress: boolean, route?: Route): Promise<void> {
    resetSlices()
    set({ session, status: 'ready' })
    get().loadGridPrefs()
    // A page (re)loaded opens where its address says; a new user starts at their start.
    await get().openRoute(route ?? (atAddress ? addressRoute() : { place: { kind: 'start' } }))
  }

  /**
   * Main acts as the new user from the moment it answers, before this window has taken the
   * answer in: while the call is out, what is on screen may already be another user's to ask for.
   */
  async function change(call: () => Promise<SessionView>, atAddress = false, routeFor?: (session: SessionView) => Route | undefined): Promise<void> {
    set((s) => ({ sessionChanges: s.sessionChanges + 1 }))
    try {
      const session = await call()
      await enter(session, atAddress, routeFor?.(session))
    } finally {
      set((s) => ({ sessionChanges: s.sessionChanges - 1 }))
    }
  }

  return {
    status: 'loading',
    session: null,
    sessionChanges: 0,
    ...sessionInitial,

    async loadSession(atAddress = true) {
      try {
        await enter(await api.callSession('session.current'), atAddress)
      } catch (error) {
        resetSlices()
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
    signIn: (email, password) => change(() => api.callSession('session.signIn', { email, password }), true),
    switchUser: (userId, password) => change(() => api.callSession('session.switchUser', { userId, password })),
    viewAs: (userId) => {
      const s = get()
      if (s.session && !s.session.viewAsBy) {
        const route = routeOf(s)
        adminPlace = route ? { adminId: s.session.user.id, route } : null
      }
      return change(() => api.callSession('session.viewAs', { userId }))
    },
    // Back where the admin was before viewing as anyone (docs/accounts.md).
    endViewAs: () =>
      change(
        () => api.callSession('session.endViewAs'),
        false,
        (session) => {
          const place = adminPlace
          adminPlace = null
          return place && place.adminId === session.user.id ? place.route : undefined
        },
      ),

    async setOwnPassword(password) {
      const me = get().session?.user.id
      if (!me) return
      await get().updateUser({ userId: me, password })
      set({ ownPasswordAsked: false })
    },

    skipOwnPassword: () => set({ ownPasswordAsked: false }),
  }
}

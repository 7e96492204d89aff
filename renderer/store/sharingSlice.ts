import type { StateCreator } from 'zustand'
import type { Id, Level } from '../../shared/domain.js'
import type { GroupListItem, SharingView, UserListItem } from '../../shared/views.js'
import { api } from '../api/index.js'
import { describeError, type ShownError } from '../api/errors.js'
import type { TroveState } from './types.js'

export type SharingError = ShownError & { details?: Record<string, unknown> }

/** A refusal as the share dialog shows it: `CANNOT_LOWER` carries the inherited level and its source. */
export function describeSharingError(e: unknown): SharingError {
  return { ...describeError(e), details: (e as { details?: Record<string, unknown> } | null)?.details }
}

/**
 * The grants on the one file, folder or collection whose share dialog is open, and the
 * people and groups it can be shared with. An answer for another resource than the open
 * one (the dialog closed or moved on meanwhile) is dropped.
 */
export interface SharingSlice {
  sharing: {
    resourceId: Id | null
    view: SharingView | null
    users: UserListItem[]
    groups: GroupListItem[]
    error: SharingError | null
    busy: boolean
  }
  openSharing(resourceId: Id): Promise<void>
  closeSharing(): void
  /** Grants one level to each subject in turn; stops at the first refusal and returns those that went through. */
  grantSharing(subjectIds: Id[], level: Level): Promise<Id[]>
  revokeSharing(subjectId: Id): Promise<void>
  clearSharingError(): void
}

export const sharingInitial = {
  sharing: { resourceId: null, view: null, users: [], groups: [], error: null, busy: false },
} satisfies Partial<SharingSlice>

export const createSharingSlice: StateCreator<TroveState, [], [], SharingSlice> = (set, get) => {
  /** Changes the open dialog's state, unless the dialog is now about something else. */
  const update = (resourceId: Id, change: Partial<SharingSlice['sharing']>) => {
    if (get().sharing.resourceId === resourceId) set((s) => ({ sharing: { ...s.sharing, ...change } }))
  }

  return {
    ...sharingInitial,

    async openSharing(resourceId) {
      set({ sharing: { ...sharingInitial.sharing, resourceId } })
      try {
        const [view, users, groups] = await Promise.all([api.call('sharing.list', { resourceId }), api.call('users.list'), api.call('groups.list')])
        update(resourceId, { view, users, groups })
      } catch (e) {
        update(resourceId, { error: describeSharingError(e) })
      }
    },

    closeSharing() {
      set(sharingInitial)
    },

    async grantSharing(subjectIds, level) {
      const { resourceId } = get().sharing
      if (resourceId === null) return []
      update(resourceId, { busy: true, error: null })
      const done: Id[] = []
      try {
        for (const subjectId of subjectIds) {
          update(resourceId, { view: await api.call('sharing.set', { resourceId, subjectId, level }) })
          done.push(subjectId)
        }
      } catch (e) {
        update(resourceId, { error: describeSharingError(e) })
      } finally {
        update(resourceId, { busy: false })
      }
      return done
    },

    async revokeSharing(subjectId) {
      const { resourceId } = get().sharing
      if (resourceId === null) return
      update(resourceId, { busy: true, error: null })
      try {
        update(resourceId, { view: await api.call('sharing.remove', { resourceId, subjectId }) })
      } catch (e) {
        update(resourceId, { error: describeSharingError(e) })
      } finally {
        update(resourceId, { busy: false })
      }
    },

    clearSharingError() {
      const { resourceId } = get().sharing
      if (resourceId !== null) update(resourceId, { error: null })
    },
  }
}

import type { StateCreator } from 'zustand'
import type { Id, Level } from '../../shared/domain.js'
import type { GroupListItem, SharingView, UserListItem } from '../../shared/views.js'
import { api } from '../api/client.js'
import { describeError, type ShownError } from '../api/errors.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

export type SharingError = ShownError & { details?: Record<string, unknown> }

/** A refusal as the share dialog shows it: `CANNOT_LOWER` carries the inherited level and its source. */
export function describeSharingError(e: unknown): SharingError {
  return { ...describeError(e), details: (e as { details?: Record<string, unknown> } | null)?.details }
}

/** The share dialog's state: the grants on its resource and whom it can be shared with. */
export interface SharingState {
  resourceId: Id | null
  view: SharingView | null
  users: UserListItem[]
  groups: GroupListItem[]
  error: SharingError | null
  busy: boolean
}

/**
 * The grants on the one file, folder or collection whose share dialog is open, and the
 * people and groups it can be shared with (sharing applies to restricted users and groups
 * only; docs/permissions.md). The dialog opens it on mount and closes it on unmount. An answer
 * for another resource than the open one (the dialog closed or moved on meanwhile) is dropped.
 */
export interface SharingSlice {
  sharing: SharingState
  openSharing(resourceId: Id): Promise<void>
  closeSharing(): void
  /** Grants one level to each subject in turn; stops at the first refusal and returns those that went through. */
  grantSharing(subjectIds: Id[], level: Level): Promise<Id[]>
  revokeSharing(subjectId: Id): Promise<void>
  /** Who an asset is shared with, for the details panel (only who may manage its sharing is told). */
  loadSharedWith(resourceId: Id): Promise<SharingView>
}

const closed: SharingState = { resourceId: null, view: null, users: [], groups: [], error: null, busy: false }

export const sharingInitial = { sharing: closed } satisfies Partial<SharingSlice>

/** The sharing state as the dialog for `resourceId` shows it: nothing yet while another resource's is held. */
export const sharingOf =
  (resourceId: Id) =>
  (s: TroveState): SharingState =>
    s.sharing.resourceId === resourceId ? s.sharing : closed

export const createSharingSlice: StateCreator<TroveState, [], [], SharingSlice> = (set, get) => {
  onReset(() => set(sharingInitial))
  /** Changes the open dialog's state, unless the dialog is now about something else. */
  const update = (resourceId: Id, change: Partial<SharingState>) => {
    if (get().sharing.resourceId === resourceId) set((s) => ({ sharing: { ...s.sharing, ...change } }))
  }

  return {
    ...sharingInitial,

    async openSharing(resourceId) {
      set({ sharing: { ...closed, resourceId } })
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

    loadSharedWith(resourceId) {
      return api.call('sharing.list', { resourceId })
    },
  }
}

import { useCallback, useEffect } from 'react'
import type { Id, Level } from '../../../shared/domain.js'
import type { GroupListItem, SharingView, UserListItem } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import type { SharingError } from '../../store/sharingSlice.js'
import { highest } from './levels.js'

export type { SharingError } from '../../store/sharingSlice.js'

export interface Sharing {
  view: SharingView | null
  users: UserListItem[]
  groups: GroupListItem[]
  error: SharingError | null
  busy: boolean
  clearError(): void
  /** The highest level this same subject inherits from a parent folder, if any. */
  floorFor(subjectId: Id): Level | null
  /** Grants one level to each subject in turn; stops at the first refusal and says which went through. */
  grant(subjectIds: Id[], level: Level): Promise<Id[]>
  revoke(subjectId: Id): Promise<void>
}

/**
 * The share dialog's view of the store's sharing slice for one resource (sharing applies to
 * restricted users and groups only; docs/permissions.md): opened on mount, closed on unmount.
 */
export function useSharing(resourceId: Id): Sharing {
  const sharing = useTrove((s) => s.sharing)
  const openSharing = useTrove((s) => s.openSharing)
  const closeSharing = useTrove((s) => s.closeSharing)
  const grant = useTrove((s) => s.grantSharing)
  const revoke = useTrove((s) => s.revokeSharing)
  const clearError = useTrove((s) => s.clearSharingError)

  useEffect(() => {
    void openSharing(resourceId)
    return closeSharing
  }, [resourceId, openSharing, closeSharing])

  const open = sharing.resourceId === resourceId
  const view = open ? sharing.view : null
  const floorFor = useCallback((subjectId: Id) => highest((view?.inherited ?? []).filter((g) => g.subjectId === subjectId).map((g) => g.level)), [view])

  return {
    view,
    users: open ? sharing.users : [],
    groups: open ? sharing.groups : [],
    error: open ? sharing.error : null,
    busy: open && sharing.busy,
    clearError,
    floorFor,
    grant,
    revoke,
  }
}

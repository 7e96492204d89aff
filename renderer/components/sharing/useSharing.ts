import { useCallback, useEffect, useState } from 'react'
import type { Id, Level } from '../../../shared/domain.js'
import type { GroupListItem, SharingView, UserListItem } from '../../../shared/views.js'
import { api } from '../../api/index.js'
import { describeError, type ShownError } from '../../api/errors.js'
import { highest } from './levels.js'

export type SharingError = ShownError & { details?: Record<string, unknown> }

export function describeSharingError(e: unknown): SharingError {
  return { ...describeError(e), details: (e as { details?: Record<string, unknown> } | null)?.details }
}

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

/** The grants on one resource and the people and groups it can be shared with (restricted users only: seed). */
export function useSharing(resourceId: Id): Sharing {
  const [view, setView] = useState<SharingView | null>(null)
  const [users, setUsers] = useState<UserListItem[]>([])
  const [groups, setGroups] = useState<GroupListItem[]>([])
  const [error, setError] = useState<SharingError | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    Promise.all([api.call('sharing.list', { resourceId }), api.call('users.list'), api.call('groups.list')]).then(
      ([v, u, g]) => {
        if (!live) return
        setView(v)
        setUsers(u)
        setGroups(g)
      },
      (e: unknown) => live && setError(describeSharingError(e)),
    )
    return () => {
      live = false
    }
  }, [resourceId])

  const floorFor = useCallback((subjectId: Id) => highest((view?.inherited ?? []).filter((g) => g.subjectId === subjectId).map((g) => g.level)), [view])

  const grant = async (subjectIds: Id[], level: Level): Promise<Id[]> => {
    setBusy(true)
    setError(null)
    const done: Id[] = []
    try {
      for (const subjectId of subjectIds) {
        setView(await api.call('sharing.set', { resourceId, subjectId, level }))
        done.push(subjectId)
      }
    } catch (e) {
      setError(describeSharingError(e))
    } finally {
      setBusy(false)
    }
    return done
  }

  const revoke = async (subjectId: Id): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      setView(await api.call('sharing.remove', { resourceId, subjectId }))
    } catch (e) {
      setError(describeSharingError(e))
    } finally {
      setBusy(false)
    }
  }

  return { view, users, groups, error, busy, clearError: () => setError(null), floorFor, grant, revoke }
}

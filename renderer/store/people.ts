import type { GroupListItem, GroupView, UserListItem, UserView } from '../../shared/views.js'
import type { TroveState } from './types.js'

/**
 * Main lists users and groups in full for anyone but a restricted user, who gets ids and names
 * (docs/accounts.md). The administration screens, only ever shown to an admin, work on full views.
 */
export function isUserView(u: UserListItem): u is UserView {
  return u.email !== undefined && u.role !== undefined && u.groupIds !== undefined && u.hasPassword !== undefined && u.createdAt !== undefined
}

export function isGroupView(g: GroupListItem): g is GroupView {
  return g.memberIds !== undefined && g.createdAt !== undefined
}

/**
 * Whether the acting administrator must set a password now ('required': someone who is not an
 * administrator is in the library), may be asked to ('suggested': only other administrators,
 * and an account was just created), or neither (docs/accounts.md).
 */
export function ownPasswordNeed(s: Pick<TroveState, 'session' | 'users' | 'ownPasswordAsked'>): 'required' | 'suggested' | null {
  const { session, users } = s
  if (!session?.isAdmin || session.viewAsBy) return null
  // The list is reloaded after every change to people; the session view is from sign-in.
  const hasPassword = users.find((u) => u.id === session.user.id)?.hasPassword ?? session.user.hasPassword
  if (hasPassword) return null
  const others = users.filter((u) => u.id !== session.user.id)
  if (others.some((u) => u.role !== 'admin')) return 'required'
  return others.length > 0 && s.ownPasswordAsked ? 'suggested' : null
}

import type { GroupRecord, UserRecord } from '../../../shared/domain.js'
import type { GroupListItem, GroupView, SessionView, UserListItem, UserView } from '../../../shared/views.js'
import type { Core } from '../context.js'

export function userView(core: Core, user: UserRecord): UserView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    hasPassword: user.passwordHash !== undefined,
    groupIds: [...core.store.indexes.groupsByUser.get(user.id)],
    createdAt: user.createdAt,
  }
}

/**
 * Users as `reader` may list them: a restricted reader learns who exists (id and name, to share
 * with them and to name owners and authors) but no email, role, password or membership.
 */
export function userListItem(core: Core, reader: UserRecord, user: UserRecord): UserListItem {
  return reader.role === 'restricted' ? { id: user.id, name: user.name } : userView(core, user)
}

/** Groups as `reader` may list them: a restricted reader sees the members of their own groups only. */
export function groupListItem(core: Core, reader: UserRecord, group: GroupRecord): GroupListItem {
  if (reader.role !== 'restricted') return groupView(core, group)
  const members = core.store.indexes.membersByGroup.get(group.id)
  return members.has(reader.id) ? { id: group.id, name: group.name, memberIds: [...members] } : { id: group.id, name: group.name }
}

export function groupView(core: Core, group: GroupRecord): GroupView {
  return { id: group.id, name: group.name, memberIds: [...core.store.indexes.membersByGroup.get(group.id)], createdAt: group.createdAt }
}

export function sessionView(core: Core, actor: UserRecord, viaAdmin: UserRecord | null): SessionView {
  return {
    user: userView(core, actor),
    viewAsBy: viaAdmin ? userView(core, viaAdmin) : null,
    isAdmin: actor.role === 'admin',
    isRestricted: actor.role === 'restricted',
  }
}

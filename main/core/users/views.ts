import type { GroupRecord, UserRecord } from '../../../shared/domain.js'
import type { GroupView, SessionView, UserView } from '../../../shared/views.js'
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

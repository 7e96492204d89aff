import type { Id, UserRecord } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { Dels, Puts } from '../store/change.js'
import type { userChannels } from '../../../shared/contract/users.js'
import type { Core, Ctx, HandlersOf } from '../context.js'
import { requireAdmin, notFound } from '../access.js'
import { hashPassword } from './passwords.js'
import { smartChangesForDeletedUser } from '../smartCollections/ownerGone.js'
import { userListItem, userView } from './views.js'

function emailFree(core: Core, email: string, exceptId?: Id): void {
  const holder = core.store.indexes.userByEmail.get(email.toLowerCase())
  if (holder && holder !== exceptId) throw new AppError('CONFLICT', `Another user already has the email ${email}.`, { field: 'email' })
}

function otherAdmins(core: Core, userId: Id): number {
  let n = 0
  for (const u of core.store.tables.users.values()) if (u.role === 'admin' && u.id !== userId) n++
  return n
}

/** Leaving the restricted role (or the library) ends every group membership (docs/permissions.md, groups and role changes). */
function membershipDeletes(core: Core, userId: Id): Dels {
  return [...core.store.indexes.groupsByUser.get(userId)].map((groupId) => ['memberships', `${groupId}:${userId}`])
}

/** On a team server anyone who can reach it over the network could act as an account without a password (docs/team.md). */
function passwordRequired(): AppError {
  return new AppError('INVALID_INPUT', 'Every account on a team server has a password: give this one a password.', { field: 'password' })
}

export const userHandlers: HandlersOf<typeof userChannels> = {
  'users.list': (ctx) =>
    [...ctx.core.store.tables.users.values()].map((u) => userListItem(ctx.core, ctx.actor, u)).sort((a, b) => a.name.localeCompare(b.name)),

  'users.create': async (ctx, input) => {
    requireAdmin(ctx, 'create users')
    if (ctx.core.passwordsRequired && input.password === undefined) throw passwordRequired()
    emailFree(ctx.core, input.email)
    const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password)
    emailFree(ctx.core, input.email) // again: the hash took a while and another call may have taken it
    const user: UserRecord = { id: ctx.core.newId(), name: input.name, email: input.email, role: input.role, createdAt: ctx.core.clock() }
    if (passwordHash) user.passwordHash = passwordHash
    await ctx.commit({
      put: { users: [user] },
      activity: { ids: [user.id], summary: `created user ${user.name} (${user.role})` },
    })
    return userView(ctx.core, user)
  },

  'users.update': async (ctx, input) => {
    const self = input.userId === ctx.actor.id
    const changesOthers = input.role !== undefined || input.email !== undefined
    if (!self || changesOthers) requireAdmin(ctx, self ? 'change roles or emails' : 'change other users')
    if (ctx.core.passwordsRequired && input.password === null) throw passwordRequired()
    const passwordHash = input.password ? await hashPassword(input.password) : input.password
    const user = ctx.core.store.tables.users.get(input.userId)
    if (!user) throw notFound('user', input.userId)
    if (input.email !== undefined) emailFree(ctx.core, input.email, user.id)
    if (input.role !== undefined && user.role === 'admin' && input.role !== 'admin' && otherAdmins(ctx.core, user.id) === 0) {
      throw new AppError('CONFLICT', `${user.name} is the last administrator; make someone else an administrator first.`)
    }
    const next: UserRecord = { ...user }
    if (input.name !== undefined) next.name = input.name
    if (input.email !== undefined) next.email = input.email
    if (input.role !== undefined) next.role = input.role
    if (passwordHash === null) delete next.passwordHash
    else if (passwordHash !== undefined) next.passwordHash = passwordHash
    const leavesRestricted = user.role === 'restricted' && next.role !== 'restricted'
    const del = leavesRestricted ? membershipDeletes(ctx.core, user.id) : []
    const what = [
      input.name !== undefined && 'name',
      input.email !== undefined && 'email',
      input.role !== undefined && `role ${user.role} -> ${next.role}`,
      input.password !== undefined && (input.password === null ? 'password removed' : 'password'),
    ].filter(Boolean)
    await ctx.commit({
      put: { users: [next] },
      del,
      activity: { ids: [user.id], summary: `updated user ${next.name}: ${what.join(', ') || 'nothing'}` },
    })
    return userView(ctx.core, next)
  },

  'users.delete': async (ctx, { userId }) => {
    requireAdmin(ctx, 'delete users')
    const user = ctx.core.store.tables.users.get(userId)
    if (!user) throw notFound('user', userId)
    if (user.id === ctx.actor.id || user.id === ctx.viaAdmin?.id) throw new AppError('CONFLICT', 'You cannot delete the account you are signed in with.')
    if (user.role === 'admin' && otherAdmins(ctx.core, user.id) === 0) throw new AppError('CONFLICT', `${user.name} is the last administrator.`)
    // What they created stays (and stays theirs, should an account with this id ever return); their grants go.
    // Their smart collections are saved searches, not content: kept for whoever they were shared with (ownerGone.ts).
    const smart = smartChangesForDeletedUser(ctx.core, user, ctx.actor)
    const del: Dels = [['users', user.id], ...membershipDeletes(ctx.core, user.id), ...grantDeletes(ctx, user.id), ...smart.del]
    const passed = smart.handedOver > 0 ? `; ${smart.handedOver} smart collection(s) they shared passed to ${ctx.actor.name}` : ''
    await ctx.commit({
      ...(smart.put.length > 0 ? { put: { smartCollections: smart.put } } : {}),
      del,
      activity: { ids: [user.id], summary: `deleted user ${user.name}${passed}` },
    })
    return { deleted: user.id }
  },
}

export function grantDeletes(ctx: Ctx, subjectId: Id): Dels {
  return [...(ctx.core.store.indexes.grantsBySubject.get(subjectId)?.values() ?? [])].map((g) => ['grants', g.id])
}

export type { Puts }

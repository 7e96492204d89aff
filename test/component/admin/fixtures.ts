import { AppError } from '../../../shared/errors.js'
import type { FieldView, GroupView, UserView } from '../../../shared/views.js'
import type { Handlers } from '../support/mockApi.js'
import { ADA, RITA, folder, sessionOf, user } from '../support/views.js'
import { openWorkspace } from '../support/workspace.js'

export const MIA = user('u-mia', 'Mia', 'restricted', { groupIds: ['g-design'] })
export const DAN = user('u-dan', 'Dan', 'developer', { hasPassword: true })

/** Users, groups and fields held as main holds them, with main's refusals for the cases the tests need. */
export function adminWorld() {
  const world = {
    users: [ADA, DAN, MIA, RITA] as UserView[],
    groups: [{ id: 'g-design', name: 'Design', memberIds: [MIA.id], createdAt: 1 }] as GroupView[],
    fields: [{ id: 'f-season', name: 'Season', type: 'singleSelect', options: ['Spring', 'Summer'] }] as FieldView[],
  }
  const withGroups = (u: UserView): UserView => ({ ...u, groupIds: world.groups.filter((g) => g.memberIds.includes(u.id)).map((g) => g.id) })
  const userById = (id: string) => world.users.find((u) => u.id === id)!
  const handlers: Partial<Handlers> = {
    'users.list': () => world.users.map(withGroups),
    'groups.list': () => world.groups,
    'metadata.fields': () => world.fields,
    'users.create': ({ name, email, role, password }) => {
      // The schema is checked before anything else, as main's dispatcher does.
      if (password !== undefined && password.length < 8) {
        throw new AppError('INVALID_INPUT', 'Invalid input for users.create: password must be at least 8 characters.', { issues: [{ path: 'password', message: 'must be at least 8 characters' }] })
      }
      if (world.users.some((u) => u.email === email)) throw new AppError('CONFLICT', `Another user already has the email ${email}.`, { field: 'email' })
      const made = user(`u-${name.toLowerCase()}`, name, role, { email, hasPassword: !!password })
      world.users = [...world.users, made]
      return made
    },
    'users.update': ({ userId, role, password }) => {
      const before = userById(userId)
      const next = { ...before, role: role ?? before.role, hasPassword: password === undefined ? before.hasPassword : password !== null }
      // Leaving the restricted role ends every group membership (docs/permissions.md).
      if (before.role === 'restricted' && next.role !== 'restricted') world.groups = world.groups.map((g) => ({ ...g, memberIds: g.memberIds.filter((m) => m !== userId) }))
      world.users = world.users.map((u) => (u.id === userId ? next : u))
      return next
    },
    'users.delete': ({ userId }) => {
      world.users = world.users.filter((u) => u.id !== userId)
      return { deleted: userId }
    },
    'groups.create': ({ name }) => {
      if (world.groups.some((g) => g.name.toLowerCase() === name.toLowerCase())) throw new AppError('CONFLICT', `A group named "${name}" already exists.`, { field: 'name' })
      const g = { id: `g-${name.toLowerCase()}`, name, memberIds: [], createdAt: 2 }
      world.groups = [...world.groups, g]
      return g
    },
    'groups.rename': ({ groupId, name }) => {
      world.groups = world.groups.map((g) => (g.id === groupId ? { ...g, name } : g))
      return world.groups.find((g) => g.id === groupId)!
    },
    'groups.delete': ({ groupId }) => {
      world.groups = world.groups.filter((g) => g.id !== groupId)
      return { deleted: groupId }
    },
    'groups.shares': ({ groupId }) =>
      groupId === 'g-design'
        ? [
            { resourceType: 'asset', resourceId: 'b', name: '/Brand', kind: 'folder', level: 'contribute' },
            { resourceType: 'collection', resourceId: 'c-kit', name: 'Press kit', kind: 'collection', level: 'view' },
          ]
        : [],
    'groups.addMembers': ({ groupId, userIds }) => {
      world.groups = world.groups.map((g) => (g.id === groupId ? { ...g, memberIds: [...g.memberIds, ...userIds] } : g))
      return world.groups.find((g) => g.id === groupId)!
    },
    'groups.removeMembers': ({ groupId, userIds }) => {
      world.groups = world.groups.map((g) => (g.id === groupId ? { ...g, memberIds: g.memberIds.filter((m) => !userIds.includes(m)) } : g))
      return world.groups.find((g) => g.id === groupId)!
    },
    'metadata.defineField': ({ name, type, options }) => {
      if ((type === 'singleSelect' || type === 'multiSelect') && !options?.length) throw new AppError('INVALID_INPUT', `A ${type} field needs at least one option.`, { field: 'options' })
      const f = { id: `f-${name.toLowerCase()}`, name, type, options: options ?? [] }
      world.fields = [...world.fields, f]
      return f
    },
    'metadata.deleteField': ({ fieldId }) => {
      world.fields = world.fields.filter((f) => f.id !== fieldId)
      return { deleted: fieldId }
    },
  }
  return { world, handlers }
}

/** Ada opens the administration screen on the given tab. */
export async function openAdmin(tab: 'Users' | 'User groups' | 'Metadata fields', moreRestricted: string[] = []) {
  const { world, handlers } = adminWorld()
  // More restricted users, to pick among: "Nora" is u-nora, nora@example.com.
  world.users = [...world.users, ...moreRestricted.map((name) => user(`u-${name.toLowerCase()}`, name, 'restricted', { email: `${name.toLowerCase()}@example.com` }))]
  const opened = await openWorkspace(sessionOf(ADA), [folder('h', 'Home', null)], ['h'], handlers)
  const { screen, within } = await import('@testing-library/react')
  await opened.user.click(within(screen.getByRole('navigation', { name: 'Screens' })).getByRole('button', { name: 'Administration' }))
  await opened.user.click(await screen.findByRole('tab', { name: tab }))
  return { ...opened, world }
}

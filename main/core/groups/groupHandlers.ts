import type { GroupRecord, Id, MembershipRecord } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { groupChannels } from '../../../shared/contract/groups.js'
import type { Core, Ctx, HandlersOf } from '../context.js'
import { distinct, notFound, requireAdmin } from '../access.js'
import { grantDeletes } from '../users/userHandlers.js'
import { groupListItem, groupView } from '../users/views.js'
import { nameKey } from '../../../shared/names.js'
import type { GroupShareView } from '../../../shared/views.js'
import { pathOf } from '../assets/views.js'

function nameFree(core: Core, name: string, exceptId?: Id): void {
  const holder = core.store.indexes.groupByName.get(nameKey(name))
  if (holder && holder !== exceptId) throw new AppError('CONFLICT', `A group named "${name}" already exists.`, { field: 'name' })
}

function requireGroup(ctx: Ctx, groupId: Id): GroupRecord {
  const group = ctx.core.store.tables.groups.get(groupId)
  if (!group) throw notFound('group', groupId)
  return group
}

export const groupHandlers: HandlersOf<typeof groupChannels> = {
  'groups.shares': (ctx, { groupId }) => {
    requireAdmin(ctx, 'see what is shared with a group')
    const group = requireGroup(ctx, groupId)
    const { assets, collections } = ctx.core.store.tables
    const shares: GroupShareView[] = []
    for (const g of ctx.core.store.indexes.grantsBySubject.get(group.id)?.values() ?? []) {
      if (g.resourceType === 'asset') {
        // A deletion takes an asset's grants to the trash with it, so each names a live one; checked all the same.
        const asset = assets.get(g.resourceId)
        if (asset) shares.push({ resourceType: 'asset', resourceId: asset.id, name: pathOf(ctx.core, asset.id), kind: asset.kind, level: g.level })
      } else {
        const collection = collections.get(g.resourceId)
        if (collection) shares.push({ resourceType: 'collection', resourceId: collection.id, name: collection.name, kind: 'collection', level: g.level })
      }
    }
    const order = (s: GroupShareView) => (s.kind === 'collection' ? 1 : 0)
    return shares.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name))
  },

  'groups.list': (ctx) =>
    [...ctx.core.store.tables.groups.values()].map((g) => groupListItem(ctx.core, ctx.actor, g)).sort((a, b) => a.name.localeCompare(b.name)),

  'groups.create': async (ctx, { name }) => {
    requireAdmin(ctx, 'manage user groups')
    nameFree(ctx.core, name)
    const group: GroupRecord = { id: ctx.core.newId(), name, createdAt: ctx.core.clock() }
    await ctx.commit({ put: { groups: [group] }, activity: { ids: [group.id], summary: `created group ${name}` } })
    return groupView(ctx.core, group)
  },

  'groups.rename': async (ctx, { groupId, name }) => {
    requireAdmin(ctx, 'manage user groups')
    const group = requireGroup(ctx, groupId)
    nameFree(ctx.core, name, group.id)
    const next = { ...group, name }
    await ctx.commit({
      put: { groups: [next] },
      activity: { ids: [group.id], summary: `renamed group ${group.name} to ${name}` },
    })
    return groupView(ctx.core, next)
  },

  'groups.delete': async (ctx, { groupId }) => {
    requireAdmin(ctx, 'manage user groups')
    const group = requireGroup(ctx, groupId)
    // Members keep only what was shared with them directly (docs/permissions.md, groups and role changes).
    const memberships = [...ctx.core.store.indexes.membersByGroup.get(group.id)].map((u) => ['memberships', `${group.id}:${u}`] as ['memberships', Id])
    await ctx.commit({
      del: [['groups', group.id], ...memberships, ...grantDeletes(ctx, group.id)],
      activity: { ids: [group.id], summary: `deleted group ${group.name}` },
    })
    return { deleted: group.id }
  },

  'groups.addMembers': async (ctx, { groupId, userIds }) => {
    requireAdmin(ctx, 'manage user groups')
    const group = requireGroup(ctx, groupId)
    distinct(userIds, 'userIds')
    const users = userIds.map((id) => ctx.core.store.tables.users.get(id) ?? (() => { throw notFound('user', id) })())
    const notRestricted = users.filter((u) => u.role !== 'restricted')
    if (notRestricted.length > 0) {
      throw new AppError(
        'INVALID_INPUT',
        `Only restricted users can be in groups; ${notRestricted.map((u) => u.name).join(', ')} ${notRestricted.length === 1 ? 'has' : 'have'} another role.`,
        { userIds: notRestricted.map((u) => u.id) },
      )
    }
    const added: MembershipRecord[] = users
      .filter((u) => !ctx.core.store.indexes.membersByGroup.get(group.id).has(u.id))
      .map((u) => ({ id: `${group.id}:${u.id}`, groupId: group.id, userId: u.id }))
    if (added.length > 0) {
      await ctx.commit({
        put: { memberships: added },
        activity: { ids: [group.id, ...added.map((m) => m.userId)], summary: `added ${added.length} member(s) to ${group.name}` },
      })
    }
    return groupView(ctx.core, group)
  },

  'groups.removeMembers': async (ctx, { groupId, userIds }) => {
    requireAdmin(ctx, 'manage user groups')
    const group = requireGroup(ctx, groupId)
    distinct(userIds, 'userIds')
    for (const id of userIds) if (!ctx.core.store.tables.users.has(id)) throw notFound('user', id)
    const gone = userIds.filter((id) => ctx.core.store.indexes.membersByGroup.get(group.id).has(id))
    if (gone.length > 0) {
      await ctx.commit({
        del: gone.map((u) => ['memberships', `${group.id}:${u}`]),
        activity: { ids: [group.id, ...gone], summary: `removed ${gone.length} member(s) from ${group.name}` },
      })
    }
    return groupView(ctx.core, group)
  },
}

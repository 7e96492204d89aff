import { levelRank, type GrantRecord, type Id, type Level } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { GrantView, InheritedGrantView, SharingView } from '../../../shared/views.js'
import type { sharingChannels } from '../../../shared/contract/sharing.js'
import type { Core, Ctx, HandlersOf } from '../context.js'
import { notFound, requireAsset, requireCollection } from '../access.js'
import { visiblePathOf } from '../assets/views.js'
import { factsOf, highestFromAbove } from '../permissions/rule.js'

interface Resource {
  type: 'asset' | 'collection'
  id: Id
  name: string
  ownerId: Id
  parentId: Id | null
}

/** Sharing needs manage on the asset or collection (docs/permissions.md). */
function requireShareable(ctx: Ctx, resourceId: Id): Resource {
  if (ctx.core.store.tables.collections.has(resourceId)) {
    const c = requireCollection(ctx, resourceId, 'share')
    return { type: 'collection', id: c.id, name: c.name, ownerId: c.createdBy, parentId: null }
  }
  if (!ctx.core.store.tables.assets.has(resourceId)) throw notFound('file, folder or collection', resourceId)
  const a = requireAsset(ctx, resourceId, 'share')
  return { type: 'asset', id: a.id, name: a.name, ownerId: a.createdBy, parentId: a.parentId }
}

function subjectName(core: Core, grant: GrantRecord): string {
  return grant.subjectType === 'user' ? (core.store.tables.users.get(grant.subjectId)?.name ?? 'Deleted user') : (core.store.tables.groups.get(grant.subjectId)?.name ?? 'Deleted group')
}

function grantView(core: Core, g: GrantRecord): GrantView {
  return { subjectType: g.subjectType, subjectId: g.subjectId, subjectName: subjectName(core, g), level: g.level, grantedBy: g.grantedBy, grantedAt: g.grantedAt }
}

/**
 * Where an inherited level comes from, as the reader may learn it: a folder a restricted
 * reader cannot view is neither named nor identified (see docs/permissions.md).
 */
function sourceFor(core: Core, readerId: Id, folderId: Id): { sourceId: Id; sourcePath: string } | null {
  if (!core.engine.canView(readerId, folderId)) return null
  return { sourceId: folderId, sourcePath: visiblePathOf(core, readerId, folderId) }
}

function sharingView(core: Core, readerId: Id, resource: Resource): SharingView {
  const { indexes, tables } = core.store
  const direct = [...(indexes.grantsByResource.get(resource.id)?.values() ?? [])].map((g) => grantView(core, g))
  const inherited: InheritedGrantView[] = []
  // Grants from folders the reader cannot view count once per subject, at the highest level,
  // so neither how many hidden folders carry grants nor which is told.
  const fromHidden = new Map<Id, InheritedGrantView>()
  for (let p = resource.parentId; p !== null; p = tables.assets.get(p)?.parentId ?? null) {
    const source = sourceFor(core, readerId, p)
    for (const g of indexes.grantsByResource.get(p)?.values() ?? []) {
      if (source) {
        inherited.push({ ...grantView(core, g), ...source })
        continue
      }
      const known = fromHidden.get(g.subjectId)
      if (!known || levelRank[g.level] > levelRank[known.level]) fromHidden.set(g.subjectId, { ...grantView(core, g), sourceId: null, sourcePath: null })
    }
  }
  inherited.push(...fromHidden.values())
  const bySubject = (a: GrantView, b: GrantView) => a.subjectName.localeCompare(b.subjectName)
  return { resourceId: resource.id, resourceType: resource.type, ownerId: resource.ownerId, direct: direct.sort(bySubject), inherited: inherited.sort(bySubject) }
}

/**
 * The highest level this same subject already has from above, by the permission rule: a grant
 * here may raise it, never lower it.
 */
function inheritedLevel(core: Core, resource: Resource, subjectId: Id): { level: Level; sourceId: Id; how: string } | null {
  const source = highestFromAbove(factsOf(core.store), resource.parentId, new Set([subjectId]), subjectId)
  return source && { level: source.level, sourceId: source.sourceId, how: source.how === 'grant' ? 'from' : 'as the creator of' }
}

export const sharingHandlers: HandlersOf<typeof sharingChannels> = {
  'sharing.list': (ctx, { resourceId }) => sharingView(ctx.core, ctx.actor.id, requireShareable(ctx, resourceId)),

  'sharing.set': async (ctx, { resourceId, subjectId, level }) => {
    const resource = requireShareable(ctx, resourceId)
    if (resource.type === 'asset' && resource.parentId === null) {
      throw new AppError('FORBIDDEN', 'Home cannot be shared with restricted users or groups; share the folders inside it.', { resourceId })
    }
    const { tables } = ctx.core.store
    const user = tables.users.get(subjectId)
    const group = tables.groups.get(subjectId)
    if (!user && !group) throw notFound('user or group', subjectId)
    if (user && user.role !== 'restricted') {
      throw new AppError('INVALID_INPUT', `${user.name} is not a restricted user and already has full access; sharing applies to restricted users and groups.`, { subjectId })
    }
    const name = user?.name ?? group!.name
    const inherited = inheritedLevel(ctx.core, resource, subjectId)
    if (inherited && levelRank[level] < levelRank[inherited.level]) {
      const source = sourceFor(ctx.core, ctx.actor.id, inherited.sourceId)
      throw new AppError(
        'CANNOT_LOWER',
        `${name} already has ${inherited.level} access here, inherited ${inherited.how} ${source?.sourcePath ?? 'a folder above'}. A grant on a subfolder can raise that level but not lower it.`,
        { inherited: inherited.level, ...(source ?? { sourceId: null, sourcePath: null }), subjectId },
      )
    }
    const existing = ctx.core.store.indexes.grantsByResource.get(resource.id)?.get(subjectId)
    if (existing?.level !== level) {
      const grant: GrantRecord = {
        id: `${resource.id}:${subjectId}`, resourceType: resource.type, resourceId: resource.id, subjectType: user ? 'user' : 'group', subjectId,
        level, grantedBy: ctx.actor.id, grantedAt: ctx.core.clock(),
      }
      await ctx.commit({
        put: { grants: [grant] },
        activity: { ids: [resource.id, subjectId], summary: `shared ${resource.name} with ${name} (${level})` },
      })
    }
    return sharingView(ctx.core, ctx.actor.id, resource)
  },

  'sharing.remove': async (ctx, { resourceId, subjectId }) => {
    const resource = requireShareable(ctx, resourceId)
    const grant = ctx.core.store.indexes.grantsByResource.get(resource.id)?.get(subjectId)
    if (!grant) throw new AppError('NOT_FOUND', `${resource.name} is not shared directly with that user or group.`, { resourceId, subjectId })
    await ctx.commit({
      del: [['grants', grant.id]],
      activity: { ids: [resource.id, subjectId], summary: `stopped sharing ${resource.name} with ${subjectName(ctx.core, grant)}` },
    })
    return sharingView(ctx.core, ctx.actor.id, resource)
  },
}

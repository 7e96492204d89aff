import type { ActivityRecord, Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { ActivityView } from '../../../shared/views.js'
import type { HandlerMap } from '../context.js'
import { requireAsset, requireCollection } from '../access.js'

export const activityHandlers: HandlerMap<'activity.list'> = {
  /**
   * Full roles read the whole log. A restricted user reads the history of a resource they
   * can view, or their own actions: never entries about what they cannot see.
   */
  'activity.list': (ctx, input) => {
    const { core, actor } = ctx
    const { indexes, tables } = core.store
    const restricted = core.engine.isRestricted(actor.id)
    let ids: readonly Id[]
    if (input?.resourceId !== undefined) {
      if (tables.collections.has(input.resourceId)) requireCollection(ctx, input.resourceId, 'viewAndSearch')
      else if (tables.assets.has(input.resourceId) || restricted) requireAsset(ctx, input.resourceId, 'viewAndSearch')
      ids = indexes.activityByResource.get(input.resourceId) ?? []
    } else {
      ids = indexes.activityOrder
    }
    const limit = input?.limit ?? 100
    let end = ids.length
    if (input?.before !== undefined) {
      end = ids.lastIndexOf(input.before)
      if (end === -1) throw new AppError('NOT_FOUND', `No activity entry ${input.before} here.`, { before: input.before })
    }
    const items: ActivityView[] = []
    let hasMore = false
    for (let i = end - 1; i >= 0; i--) {
      const entry = tables.activity.get(ids[i])
      if (!entry) continue
      if (restricted && input?.resourceId === undefined && entry.actorId !== actor.id) continue
      if (items.length === limit) {
        hasMore = true
        break
      }
      items.push(view(ctx.core.store.tables.users, entry))
    }
    return { items, hasMore }
  },
}

function view(users: Map<Id, { name: string }>, entry: ActivityRecord): ActivityView {
  const out: ActivityView = { ...entry, actorName: users.get(entry.actorId)?.name ?? 'Deleted user' }
  if (entry.viaAdminId) out.viaAdminName = users.get(entry.viaAdminId)?.name ?? 'Deleted user'
  return out
}

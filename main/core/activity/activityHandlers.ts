import { TABLE_NAMES, type ActivityRecord, type Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { ActivityView } from '../../../shared/views.js'
import type { activityChannels } from '../../../shared/contract/activity.js'
import { SYSTEM_ID, type Core, type HandlersOf } from '../context.js'
import { notFound, requireAsset, requireCollection } from '../access.js'
import { isWithin } from '../assets/tree.js'
import { summaryFor } from './summary.js'
import { canOpenSmart } from '../smartCollections/smartCollectionAccess.js'

export const activityHandlers: HandlersOf<typeof activityChannels> = {
  /**
   * Full roles read the whole log. A restricted user reads the history of a resource they
   * can view, or their own actions: never entries about what they cannot see.
   */
  'activity.list': (ctx, input) => {
    const { core, actor } = ctx
    const { indexes, tables } = core.store
    const restricted = core.engine.isRestricted(actor.id)
    let ids: readonly Id[]
    /** Set for a folder's activity with everything below it: the log is read whole and kept to entries naming the subtree. */
    let under: Id | null = null
    if (input?.resourceId !== undefined) {
      if (tables.collections.has(input.resourceId)) requireCollection(ctx, input.resourceId, 'viewAndSearch')
      else if (tables.assets.has(input.resourceId) || restricted) requireAsset(ctx, input.resourceId, 'viewAndSearch')
      const history = indexes.activityByResource.get(input.resourceId)
      // An id that names no record and that no entry ever named is a mistake, not an empty history
      // (a deleted record's history stays readable: its entries still name it).
      if (!history && !TABLE_NAMES.some((t) => tables[t].has(input.resourceId!))) throw notFound('record', input.resourceId)
      if (input.within && tables.assets.get(input.resourceId)?.kind === 'folder') {
        under = input.resourceId
        ids = indexes.activityOrder
      } else {
        ids = history ?? []
      }
    } else {
      ids = indexes.activityOrder
    }
    const limit = input?.limit ?? 100
    let end = ids.length
    if (input?.before !== undefined) {
      end = ids.lastIndexOf(input.before)
      if (end === -1) throw new AppError('NOT_FOUND', `No activity entry ${input.before} here.`, { before: input.before })
    }
    const wanted = matcher(input ?? {})
    const items: ActivityView[] = []
    let hasMore = false
    for (let i = end - 1; i >= 0; i--) {
      const entry = tables.activity.get(ids[i])
      if (!entry) continue
      if (!wanted(entry)) continue
      if (under !== null && !entry.ids.some((id) => tables.assets.has(id) && isWithin(core, id, under))) continue
      if (restricted && input?.resourceId === undefined && entry.actorId !== actor.id) continue
      // Her own entries too: what she did to something she can no longer see is not told.
      if (restricted && !entryIsVisible(core, actor.id, entry)) continue
      if (items.length === limit) {
        hasMore = true
        break
      }
      items.push(view(core, actor.id, restricted, entry))
    }
    return { items, hasMore }
  },
}

/** The filters other than place: who, what and when. */
function matcher(input: { by?: Id; actions?: string[]; from?: number; to?: number }): (entry: ActivityRecord) => boolean {
  const { by, actions, from, to } = input
  return (entry) =>
    (by === undefined || entry.actorId === by || entry.viaAdminId === by) &&
    (from === undefined || entry.at >= from) &&
    (to === undefined || entry.at <= to) &&
    (actions === undefined || actions.some((a) => entry.action === a || entry.action.startsWith(`${a}.`)))
}

/**
 * An entry in a visible resource's history may name other things ("added 2 assets to
 * Hidden plans"): a restricted user sees it only when everything it names is theirs to see.
 * Users, groups and fields are listed to everyone; anything gone can no longer be checked,
 * so an entry naming it stays hidden.
 */
function entryIsVisible(core: Core, actorId: Id, entry: ActivityRecord): boolean {
  const { tables } = core.store
  return entry.ids.every((id) => {
    if (tables.users.has(id) || tables.groups.has(id) || tables.fields.has(id)) return true
    if (tables.assets.has(id)) return core.engine.canView(actorId, id)
    if (tables.collections.has(id)) return core.engine.collectionLevel(actorId, id) !== 'none'
    const smart = tables.smartCollections.get(id)
    if (smart) return canOpenSmart(core, actorId, smart)
    const comment = tables.comments.get(id)
    if (comment) return core.engine.canView(actorId, comment.fileId)
    return tables.downloads.get(id)?.ownerId === actorId
  })
}

function view(core: Core, readerId: Id, restricted: boolean, entry: ActivityRecord): ActivityView {
  const users = core.store.tables.users
  const { parts: _parts, ...rest } = entry
  const out: ActivityView = { ...rest, summary: summaryFor(core, readerId, restricted, entry), actorName: entry.actorId === SYSTEM_ID ? 'Trove' : (users.get(entry.actorId)?.name ?? 'Deleted user') }
  if (entry.viaAdminId) out.viaAdminName = users.get(entry.viaAdminId)?.name ?? 'Deleted user'
  return out
}

import type { Id, SavedSearch, SmartCollectionRecord } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { nameKey } from '../../../shared/names.js'
import type { smartCollectionChannels } from '../../../shared/contract/smartCollections.js'
import type { Ctx, HandlersOf } from '../context.js'
import { distinct, requireFolder } from '../access.js'
import { searchPage } from '../search/searchHandlers.js'
import { canOpenSmart, folderHiddenFrom, requireSmart, smartView } from './smartCollectionAccess.js'

const DEFAULT_LIMIT = 100
/** Whom one smart collection may be shared with at most. */
const MAX_SHARED = 100

/** Names are unique among one owner's smart collections, ignoring case; others' names are never consulted. */
function nameFree(ctx: Ctx, name: string, exceptId?: Id): void {
  const key = nameKey(name)
  for (const record of ctx.core.store.tables.smartCollections.values()) {
    if (record.ownerId === ctx.actor.id && record.id !== exceptId && nameKey(record.name) === key) {
      throw new AppError('CONFLICT', `You already have a smart collection named "${record.name}".`, { field: 'name', existingId: record.id })
    }
  }
}

/** The saver must be able to view the folder a search is kept to; a hidden one answers as a missing one. */
function checkedSearch(ctx: Ctx, search: SavedSearch): SavedSearch {
  if (search.folderId !== undefined) requireFolder(ctx, search.folderId, 'viewAndSearch')
  return search
}

function sorted(views: ReturnType<typeof smartView>[]) {
  return views.sort((a, b) => a.name.localeCompare(b.name) || a.ownerName.localeCompare(b.ownerName))
}

export const smartCollectionHandlers: HandlersOf<typeof smartCollectionChannels> = {
  'smartCollections.list': (ctx) => {
    const { core, actor } = ctx
    const views = []
    for (const record of core.store.tables.smartCollections.values()) if (canOpenSmart(core, actor.id, record)) views.push(smartView(ctx, record))
    return sorted(views)
  },

  'smartCollections.get': (ctx, { smartCollectionId }) => smartView(ctx, requireSmart(ctx, smartCollectionId)),

  'smartCollections.create': async (ctx, { name, search }) => {
    nameFree(ctx, name)
    const now = ctx.core.clock()
    const record: SmartCollectionRecord = { id: ctx.core.newId(), name, ownerId: ctx.actor.id, search: checkedSearch(ctx, search), sharedWith: [], createdAt: now, updatedAt: now }
    await ctx.commit({
      put: { smartCollections: [record] },
      activity: { ids: [record.id], summary: `saved the search ${name}` },
    })
    return smartView(ctx, record)
  },

  'smartCollections.rename': async (ctx, { smartCollectionId, name }) => {
    const record = requireSmart(ctx, smartCollectionId, true)
    nameFree(ctx, name, record.id)
    const next = { ...record, name, updatedAt: ctx.core.clock() }
    await ctx.commit({
      put: { smartCollections: [next] },
      activity: { ids: [record.id], summary: `renamed the saved search ${record.name} to ${name}` },
    })
    return smartView(ctx, next)
  },

  'smartCollections.setSearch': async (ctx, { smartCollectionId, search }) => {
    const record = requireSmart(ctx, smartCollectionId, true)
    const next = { ...record, search: checkedSearch(ctx, search), updatedAt: ctx.core.clock() }
    await ctx.commit({
      put: { smartCollections: [next] },
      activity: { ids: [record.id], summary: `changed the saved search ${record.name}` },
    })
    return smartView(ctx, next)
  },

  'smartCollections.share': async (ctx, { smartCollectionId, subjectIds }) => {
    const record = requireSmart(ctx, smartCollectionId, true)
    if (subjectIds.length > MAX_SHARED) {
      throw new AppError('LIMIT_EXCEEDED', `A smart collection can be shared with at most ${MAX_SHARED} users and groups; this request has ${subjectIds.length}.`, { limit: MAX_SHARED, count: subjectIds.length })
    }
    distinct(subjectIds, 'subjectIds')
    const { users, groups } = ctx.core.store.tables
    for (const id of subjectIds) {
      if (!users.has(id) && !groups.has(id)) throw new AppError('NOT_FOUND', `No user or group with id ${id}.`, { id })
      if (id === record.ownerId) throw new AppError('INVALID_INPUT', 'subjectIds: the owner already has it; share it with others.', { id })
    }
    const next = { ...record, sharedWith: subjectIds, updatedAt: ctx.core.clock() }
    await ctx.commit({
      put: { smartCollections: [next] },
      activity: { ids: [record.id, ...subjectIds], summary: `shared the saved search ${record.name}` },
    })
    return smartView(ctx, next)
  },

  'smartCollections.delete': async (ctx, { smartCollectionId }) => {
    const record = requireSmart(ctx, smartCollectionId, true)
    await ctx.commit({
      del: [['smartCollections', record.id]],
      activity: { ids: [record.id], summary: `deleted the saved search ${record.name}` },
    })
    return { deleted: record.id }
  },

  /**
   * The saved search run as the caller: only what they can view is found, counted or paged.
   * Kept to a folder they cannot view, it finds nothing for them, and says no more.
   */
  'smartCollections.assets': (ctx, { smartCollectionId, offset, limit }) => {
    const record = requireSmart(ctx, smartCollectionId)
    if (folderHiddenFrom(ctx.core, ctx.actor.id, record)) return { items: [], hasMore: false, total: 0 }
    return searchPage(ctx, record.search, offset ?? 0, limit ?? DEFAULT_LIMIT)
  },
}

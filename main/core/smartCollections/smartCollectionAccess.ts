import type { Id, SavedSearch, SmartCollectionRecord } from '../../../shared/domain.js'
import type { SmartCollectionView } from '../../../shared/views.js'
import type { Core, Ctx } from '../context.js'
import { AppError } from '../../../shared/errors.js'
import { notFound } from '../access.js'
import { findsAny } from '../search/searchHandlers.js'

/**
 * Who may open a smart collection: its owner, and the users and groups its owner shared it
 * with. Roles do not widen this: a saved search is its owner's, and what it finds is worked
 * out for each reader anyway (docs/browse.md).
 */
export function canOpenSmart(core: Core, readerId: Id, record: SmartCollectionRecord): boolean {
  if (record.ownerId === readerId) return true
  const groups = core.store.indexes.groupsByUser.get(readerId)
  return record.sharedWith.some((id) => id === readerId || groups.has(id))
}

/** The smart collection, or NOT_FOUND alike for a missing one and one the caller may not open. */
export function requireSmart(ctx: Ctx, id: Id, own = false): SmartCollectionRecord {
  const record = ctx.core.store.tables.smartCollections.get(id)
  if (!record || !canOpenSmart(ctx.core, ctx.actor.id, record)) throw notFound('smart collection', id)
  if (own && record.ownerId !== ctx.actor.id) {
    throw new AppError('FORBIDDEN', `Only its owner may change the smart collection "${record.name}".`, { id })
  }
  return record
}

/** Whether the saved "in this folder" is one the reader cannot view: the search then finds nothing for them. */
export function folderHiddenFrom(core: Core, readerId: Id, record: SmartCollectionRecord): boolean {
  const folderId = record.search.folderId
  return folderId !== undefined && !(core.store.tables.assets.has(folderId) && core.engine.canView(readerId, folderId))
}

/**
 * What a reader who does not own it is told of its search. Its words, tags, camera and custom
 * metadata values may have been picked from files only its owner can view; each is something
 * the reader can view a match of exactly when the search finds something for them (every hit
 * matches every term), so they are shown then and only then. Otherwise the reader is told
 * only that it also looks for what is not shown to them (`termsHidden`): type and dates name
 * nothing, and stay (docs/permissions.md).
 */
function readerSearch(ctx: Ctx, record: SmartCollectionRecord, folderHidden: boolean): { search: SavedSearch; termsHidden: boolean } {
  const { folderId, ...rest } = record.search
  const kept: SavedSearch = folderHidden || folderId === undefined ? rest : { ...rest, folderId }
  if (record.ownerId === ctx.actor.id) return { search: kept, termsHidden: false }
  const { query, tags, camera, metadata, ...plain } = kept
  const hasTerms = query.trim() !== '' || (tags?.length ?? 0) > 0 || camera !== undefined || (metadata?.length ?? 0) > 0
  if (!hasTerms || (!folderHidden && findsAny(ctx, record.search))) return { search: kept, termsHidden: false }
  return { search: { ...plain, query: '' }, termsHidden: true }
}

/** The smart collection as the caller may see it. */
export function smartView(ctx: Ctx, record: SmartCollectionRecord): SmartCollectionView {
  const { core } = ctx
  const readerId = ctx.actor.id
  const { users, groups } = core.store.tables
  const folderHidden = folderHiddenFrom(core, readerId, record)
  const mine = record.ownerId === readerId
  return {
    id: record.id,
    name: record.name,
    ownerId: record.ownerId,
    ownerName: users.get(record.ownerId)?.name ?? 'Deleted user',
    mine,
    ...readerSearch(ctx, record, folderHidden),
    folderHidden,
    sharedWith: mine
      ? record.sharedWith.flatMap((id): { id: Id; name: string; type: 'user' | 'group' }[] => {
          const user = users.get(id)
          if (user) return [{ id, name: user.name, type: 'user' }]
          const group = groups.get(id)
          return group ? [{ id, name: group.name, type: 'group' }] : []
        })
      : null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  }
}

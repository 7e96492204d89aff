import {
  ASSET_OPERATIONS, COLLECTION_OPERATIONS, atLeast, type AssetOperation, type AssetRecord, type CollectionOperation,
  type CollectionRecord, type FileRecord, type FolderRecord, type Id, type Level, type LevelOrNone,
} from '../../shared/domain.js'
import { AppError } from '../../shared/errors.js'
import type { Ctx } from './context.js'

/** How each operation of the permission tables (docs/permissions.md) is named in messages a person reads. */
const ASSET_OPERATION_LABELS: Record<AssetOperation, string> = {
  viewAndSearch: 'view', fileDetails: 'see the details of', downloadFile: 'download', downloadZip: 'download as zip',
  viewDownloads: 'view downloads of', viewComments: 'view comments on', editComments: 'comment on', createFolder: 'create folders in',
  upload: 'upload into', restoreVersion: 'restore versions of', updateMetadata: 'update custom metadata of', editTags: 'edit tags of',
  autoTags: 'add auto tags to', removeBackground: 'remove the background of', removeTags: 'remove tags from', editImage: 'edit',
  editFocus: 'edit the focus area of', copy: 'copy', addToCollections: 'add to collections', rename: 'rename', move: 'move',
  deleteVersion: 'delete versions of', delete: 'delete', share: 'share',
}
const COLLECTION_OPERATION_LABELS: Record<CollectionOperation, string> = {
  viewAndSearch: 'view', viewAssets: 'view the assets of', fileDetails: 'see file details in', downloadZip: 'download',
  addAssets: 'add assets to', rename: 'rename', removeAssets: 'remove assets from', delete: 'delete', share: 'share',
}

export function notFound(what: string, id: Id): AppError {
  return new AppError('NOT_FOUND', `No ${what} with id ${id}.`, { id })
}

/** The caller's level on an asset: view operations count collection-derived view, the others do not. */
export function assetLevelFor(ctx: Ctx, assetId: Id, need: Level): LevelOrNone {
  const access = ctx.core.engine.assetAccess(ctx.actor.id, assetId)
  if (need === 'view' && access.level === 'none' && access.viaCollection) return 'view'
  return access.level
}

/**
 * Checks the level the permission table (docs/permissions.md) sets for an operation. An asset the caller cannot view is
 * reported as missing, so a refusal never reveals that it exists.
 */
export function requireAsset(ctx: Ctx, id: Id, op: AssetOperation): AssetRecord {
  const asset = ctx.core.store.tables.assets.get(id)
  if (!asset || !ctx.core.engine.canView(ctx.actor.id, id)) throw notFound('file or folder', id)
  const need = ASSET_OPERATIONS[op]
  const have = assetLevelFor(ctx, id, need)
  if (!atLeast(have, need)) {
    throw new AppError(
      'FORBIDDEN',
      `You cannot ${ASSET_OPERATION_LABELS[op]} "${asset.name}": that needs ${need} access and you have ${have === 'none' ? 'view access through a collection only' : have}.`,
      { id, operation: op, need, have },
    )
  }
  return asset
}

export function requireFolder(ctx: Ctx, id: Id, op: AssetOperation): FolderRecord {
  const asset = requireAsset(ctx, id, op)
  if (asset.kind !== 'folder') throw new AppError('INVALID_INPUT', `"${asset.name}" is a file, not a folder.`, { id })
  return asset
}

export function requireFile(ctx: Ctx, id: Id, op: AssetOperation): FileRecord {
  const asset = requireAsset(ctx, id, op)
  if (asset.kind !== 'file') throw new AppError('INVALID_INPUT', `"${asset.name}" is a folder, not a file.`, { id })
  return asset
}

export function requireCollection(ctx: Ctx, id: Id, op: CollectionOperation): CollectionRecord {
  const collection = ctx.core.store.tables.collections.get(id)
  const have = collection ? ctx.core.engine.collectionLevel(ctx.actor.id, id) : 'none'
  if (!collection || have === 'none') throw notFound('collection', id)
  const need = COLLECTION_OPERATIONS[op]
  if (!atLeast(have, need)) {
    throw new AppError(
      'FORBIDDEN',
      `You cannot ${COLLECTION_OPERATION_LABELS[op]} the collection "${collection.name}": that needs ${need} access and you have ${have}.`,
      { id, operation: op, need, have },
    )
  }
  return collection
}

/** Users, groups, roles and metadata fields are the account administrator's (docs/permissions.md). */
export function requireAdmin(ctx: Ctx, what: string): void {
  if (ctx.actor.role !== 'admin') throw new AppError('FORBIDDEN', `Only an administrator can ${what}.`, { need: 'admin' })
}

/** Several ids in one request must be distinct, or "all or nothing" would be ambiguous. */
export function distinct(ids: Id[], field: string): Id[] {
  if (new Set(ids).size !== ids.length) throw new AppError('INVALID_INPUT', `${field} lists the same id twice.`, { field })
  return ids
}

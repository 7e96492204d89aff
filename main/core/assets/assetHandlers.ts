import type { AssetRecord, FileRecord, FileVersion, Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { AssetView } from '../../../shared/views.js'
import type { assetChannels } from '../../../shared/contract/assets.js'
import type { Ctx, HandlersOf } from '../context.js'
import { distinct, requireAsset, requireFolder } from '../access.js'
import { assetView, finishView, visiblePathOf } from './views.js'
import { childPaths, folderListing, sortRecords } from './listing.js'
import { currentVersionOf, ensureNameFree, freeCopyName, isWithin, subtree, topmost } from './tree.js'
import { trashChange } from '../trash/moveToTrash.js'
import { nameKey } from '../../../shared/names.js'
import { mention, say } from '../activity/summary.js'
import { previewHandlers } from './previews.js'

function refuseHome(asset: AssetRecord, what: string): void {
  if (asset.parentId === null) throw new AppError('FORBIDDEN', `Home cannot be ${what}.`, { id: asset.id })
}

export const assetHandlers: HandlersOf<typeof assetChannels> = {
  ...previewHandlers,

  'assets.roots': (ctx) => {
    const { core, actor } = ctx
    return sortRecords(core.engine.roots(actor.id).map((id) => assetView(core, actor.id, core.store.tables.assets.get(id)!)))
  },

  'assets.list': (ctx, { folderId }) => {
    const folder = requireFolder(ctx, folderId, 'viewAndSearch')
    const { core, actor } = ctx
    const parentPath = visiblePathOf(core, actor.id, folder.id)
    // Whoever sees a folder sees everything in it (levels cascade), so no child is filtered out.
    const listing = folderListing(core.store, folder.id)
    const { bases } = listing
    const paths = childPaths(listing, parentPath)
    const accesses = core.engine.childAccesses(actor.id, folder.id, listing.ids)
    const restricted = core.engine.isRestricted(actor.id)
    const views: AssetView[] = new Array(bases.length)
    // Every child's parent is the folder listed, which the caller can view.
    for (let i = 0; i < bases.length; i++) views[i] = finishView(core, bases[i], paths[i], accesses[i], restricted, true)
    return views
  },

  'assets.get': (ctx, { id }) => assetView(ctx.core, ctx.actor.id, requireAsset(ctx, id, 'viewAndSearch')),

  'assets.breadcrumbs': (ctx, { id }) => {
    const asset = requireAsset(ctx, id, 'viewAndSearch')
    const trail: AssetView[] = []
    for (let p = asset.parentId; p !== null; p = ctx.core.store.tables.assets.get(p)?.parentId ?? null) {
      if (!ctx.core.engine.canView(ctx.actor.id, p)) break
      trail.push(assetView(ctx.core, ctx.actor.id, ctx.core.store.tables.assets.get(p)!))
    }
    return trail.reverse()
  },

  'assets.rename': async (ctx, { id, name }) => {
    const asset = requireAsset(ctx, id, 'rename')
    refuseHome(asset, 'renamed')
    ensureNameFree(ctx.core, asset.parentId!, name, asset.id)
    if (asset.name === name) return assetView(ctx.core, ctx.actor.id, asset)
    const next = { ...asset, name, updatedAt: ctx.core.clock() } as AssetRecord
    await ctx.commit({
      put: { assets: [next] },
      activity: { ids: [id], summary: `renamed "${asset.name}" to "${name}"` },
    })
    return assetView(ctx.core, ctx.actor.id, next)
  },

  'assets.move': async (ctx, { ids, targetFolderId }) => {
    distinct(ids, 'ids')
    const target = requireFolder(ctx, targetFolderId, 'createFolder')
    const assets = ids.map((id) => requireAsset(ctx, id, 'move'))
    const names = new Set<string>()
    for (const asset of assets) {
      refuseHome(asset, 'moved')
      if (asset.kind === 'folder' && isWithin(ctx.core, target.id, asset.id)) {
        throw new AppError('INVALID_INPUT', `"${asset.name}" cannot be moved into itself or one of its own folders.`, { id: asset.id })
      }
      if (asset.parentId !== target.id) ensureNameFree(ctx.core, target.id, asset.name)
      if (names.has(nameKey(asset.name))) throw new AppError('CONFLICT', `Two of the moved items are named "${asset.name}".`, { name: asset.name })
      names.add(nameKey(asset.name))
    }
    const now = ctx.core.clock()
    const moved = assets.filter((a) => a.parentId !== target.id).map((a) => ({ ...a, parentId: target.id, updatedAt: now }) as AssetRecord)
    if (moved.length > 0) {
      await ctx.commit({
        put: { assets: moved },
        activity: { ids: [...moved.map((a) => a.id), target.id], summary: say`moved ${moved.length} item(s) to ${mention(target)}` },
      })
    }
    return assets.map((a) => assetView(ctx.core, ctx.actor.id, ctx.core.store.tables.assets.get(a.id)!))
  },

  'assets.copy': async (ctx, { ids, targetFolderId }) => {
    distinct(ids, 'ids')
    const target = requireFolder(ctx, targetFolderId, 'createFolder')
    const assets = ids.map((id) => requireAsset(ctx, id, 'copy'))
    for (const asset of assets) {
      refuseHome(asset, 'copied')
      if (asset.kind === 'folder' && isWithin(ctx.core, target.id, asset.id)) {
        throw new AppError('INVALID_INPUT', `"${asset.name}" cannot be copied into itself or one of its own folders.`, { id: asset.id })
      }
    }
    const copies = copyTrees(ctx, assets, target.id)
    await ctx.commit({
      put: { assets: copies.records },
      activity: { ids: [...copies.topIds, target.id], summary: say`copied ${assets.length} item(s) to ${mention(target)}` },
    })
    return copies.topIds.map((id) => assetView(ctx.core, ctx.actor.id, ctx.core.store.tables.assets.get(id)!))
  },

  'assets.delete': async (ctx, { ids }) => {
    distinct(ids, 'ids')
    const assets = ids.map((id) => requireAsset(ctx, id, 'delete'))
    for (const asset of assets) refuseHome(asset, 'deleted')
    const tops = topmost(ctx.core, ids)
    // Manage on a folder cascades to everything inside, so the subtree needs no further check.
    // Nothing is destroyed here: it all goes to the trash (docs/trash.md).
    const trashed = trashChange(ctx.core, tops, ctx.actor.id, ctx.core.clock())
    await ctx.commit({
      put: { trash: trashed.put },
      del: trashed.del,
      activity: {
        action: 'assets.delete',
        ids: tops,
        summary: `moved ${tops.map((id) => `"${ctx.core.store.tables.assets.get(id)!.name}"`).join(', ')} to the trash (${trashed.assets.length} item(s) in all)`,
      },
    })
    return { deleted: trashed.assets.map((a) => a.id), trashed: tops }
  },
}

/** Copies are new assets owned by whoever copied them; a file copy keeps its current version only. */
function copyTrees(ctx: Ctx, assets: AssetRecord[], targetId: Id): { records: AssetRecord[]; topIds: Id[] } {
  const now = ctx.core.clock()
  const records: AssetRecord[] = []
  const topIds: Id[] = []
  const takenInTarget = new Set<string>()
  for (const top of assets) {
    const newIds = new Map<Id, Id>()
    for (const source of subtree(ctx.core, top.id)) {
      const id = ctx.core.newId()
      newIds.set(source.id, id)
      const isTop = source.id === top.id
      const parentId = isTop ? targetId : newIds.get(source.parentId!)!
      const name = isTop ? freeCopyName(ctx.core, targetId, source.name, takenInTarget) : source.name
      if (isTop) {
        takenInTarget.add(nameKey(name))
        topIds.push(id)
      }
      const base = { id, name, parentId, createdBy: ctx.actor.id, createdAt: now, updatedAt: now }
      if (source.kind === 'folder') {
        records.push({ ...base, kind: 'folder' })
      } else {
        const file = source as FileRecord
        const current = currentVersionOf(file)
        records.push({
          ...base,
          kind: 'file',
          // A copy starts its own history: where the version was once restored from means nothing there.
          versions: [{ ...withoutRestoredFrom(current), number: 1, createdBy: ctx.actor.id, createdAt: now }],
          currentVersion: 1,
          tags: [...file.tags],
          metadata: { ...file.metadata },
          focus: file.focus,
        })
      }
    }
  }
  return { records, topIds }
}


function withoutRestoredFrom(version: FileVersion): FileVersion {
  const { restoredFrom: _restoredFrom, ...rest } = version
  return rest
}

import type { Id, TrashRecord } from '../../../shared/domain.js'
import type { TrashItemView } from '../../../shared/views.js'
import type { trashChannels } from '../../../shared/contract/trash.js'
import type { Core, HandlersOf } from '../context.js'
import { distinct, requireAdmin } from '../access.js'
import { assetView, pathOf, visiblePathOf } from '../assets/views.js'
import { mention, say } from '../activity/summary.js'
import type { ActivityPart } from '../../../shared/domain.js'
import { DAY_MS, SETTINGS_ID, entryRecords, mayHandle, requireTrashRoot, retentionDays, trashRoots } from './trashAccess.js'
import { restoreChange } from './restoreFromTrash.js'
import { purgeDels } from './purge.js'

export const trashHandlers: HandlersOf<typeof trashChannels> = {
  'trash.list': (ctx) => {
    const { core, actor } = ctx
    const items: TrashItemView[] = []
    for (const root of trashRoots(core)) if (mayHandle(core, actor.id, root)) items.push(itemView(core, actor.id, root))
    return items.sort((a, b) => b.trashedAt - a.trashedAt || a.name.localeCompare(b.name))
  },

  'trash.restore': async (ctx, { ids }) => {
    distinct(ids, 'ids')
    for (const id of ids) requireTrashRoot(ctx.core, ctx.actor.id, id)
    const change = restoreChange(ctx.core, ctx.actor.id, ids)
    const names = change.roots.map((id) => change.assets.find((a) => a.id === id)!)
    await ctx.commit({
      put: { assets: change.assets, comments: change.comments, grants: change.grants, associations: change.associations },
      del: change.del,
      activity: { ids: change.roots, summary: [...say`restored ${names.length} item(s) from the trash: `, ...listParts(names)] },
    })
    return { restored: ids.map((id) => assetView(ctx.core, ctx.actor.id, ctx.core.store.tables.assets.get(id)!)) }
  },

  'trash.purge': async (ctx, { ids }) => {
    distinct(ids, 'ids')
    const roots = ids.map((id) => requireTrashRoot(ctx.core, ctx.actor.id, id))
    await ctx.commit({
      del: purgeDels(ctx.core, ids),
      activity: { ids, summary: `purged ${roots.map((r) => `"${r.asset.name}"`).join(', ')} from the trash` },
    })
    return { purged: ids }
  },

  'trash.empty': async (ctx) => {
    const roots = trashRoots(ctx.core).filter((r) => mayHandle(ctx.core, ctx.actor.id, r))
    if (roots.length === 0) return { purged: [] }
    const ids = roots.map((r) => r.id)
    await ctx.commit({
      del: purgeDels(ctx.core, ids),
      activity: { ids, summary: `emptied the trash (${roots.length} item(s))` },
    })
    return { purged: ids }
  },

  'trash.settings': (ctx) => ({ retentionDays: retentionDays(ctx.core) }),

  'trash.setSettings': async (ctx, { retentionDays: days }) => {
    requireAdmin(ctx, 'change how long the trash keeps items')
    const before = ctx.core.store.tables.settings.get(SETTINGS_ID) ?? { id: SETTINGS_ID, trashRetentionDays: retentionDays(ctx.core) }
    await ctx.commit({
      put: { settings: [{ ...before, trashRetentionDays: days }] },
      activity: { ids: [], summary: `set the trash to keep items for ${days} day(s)` },
    })
    return { retentionDays: days }
  },
}

function listParts(assets: { id: Id; name: string }[]): ActivityPart[] {
  return assets.flatMap((a, i) => (i === 0 ? [mention(a)] : [', ', mention(a)]))
}

function itemView(core: Core, readerId: Id, root: TrashRecord): TrashItemView {
  const { tables } = core.store
  const parentId = root.asset.parentId!
  const restricted = core.engine.isRestricted(readerId)
  let fromPath: string | null
  if (tables.assets.has(parentId)) {
    fromPath = restricted ? (core.engine.canView(readerId, parentId) ? visiblePathOf(core, readerId, parentId) : null) : pathOf(core, parentId)
  } else fromPath = restricted ? null : (root.fromPath ?? null)
  let bytes = 0
  for (const r of entryRecords(core, root.id)) if (r.asset.kind === 'file') for (const v of r.asset.versions) bytes += v.size
  const by = tables.users.get(root.trashedBy)
  const asset = root.asset
  const current = asset.kind === 'file' ? asset.versions.find((v) => v.number === asset.currentVersion) : undefined
  return {
    ...(current ? { mime: current.mime, currentVersion: current.number } : {}),
    id: root.id,
    kind: root.asset.kind,
    name: root.asset.name,
    fromPath,
    trashedAt: root.trashedAt,
    trashedBy: { id: root.trashedBy, name: by?.name ?? 'Deleted user' },
    purgeAt: root.trashedAt + retentionDays(core) * DAY_MS,
    count: root.count ?? 1,
    bytes,
  }
}

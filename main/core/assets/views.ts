import type { AssetRecord, Id, Level } from '../../../shared/domain.js'
import type { AccessSource, AssetView } from '../../../shared/views.js'
import { AppError } from '../../../shared/errors.js'
import type { Core } from '../context.js'
import type { AssetAccess } from '../permissions/engine.js'
import { FOLDER, HAS_GRANTS, LIVE } from '../store/assetColumns.js'

/** `/Marketing/Brand/logo.png`; Home is `/`. */
export function pathOf(core: Core, id: Id): string {
  const names: string[] = []
  let cursor = core.store.tables.assets.get(id)
  while (cursor && cursor.parentId !== null) {
    names.push(cursor.name)
    cursor = core.store.tables.assets.get(cursor.parentId)
  }
  return `/${names.reverse().join('/')}`
}

/**
 * The path as this actor may see it: a restricted user does not learn the names of folders
 * above what was shared with them, so hidden ancestors collapse to `…`
 * (`…/Brand/logo.png`). Home has no name to hide.
 */
export function visiblePathOf(core: Core, actorId: Id, id: Id): string {
  if (!core.engine.isRestricted(actorId)) return pathOf(core, id)
  const names: string[] = []
  let cursor = core.store.tables.assets.get(id)
  while (cursor && cursor.parentId !== null) {
    names.push(cursor.name)
    const parent = core.store.tables.assets.get(cursor.parentId)
    // Visibility cascades down the tree, so the first hidden ancestor hides all above it.
    if (parent && parent.parentId !== null && !core.engine.canView(actorId, parent.id)) return `…/${names.reverse().join('/')}`
    cursor = parent
  }
  return `/${names.reverse().join('/')}`
}

export function joinPath(parentPath: string, name: string): string {
  return parentPath === '/' ? `/${name}` : `${parentPath}/${name}`
}

/** The caller's view of an asset: level and route included, nothing they may not see. */
export function assetView(core: Core, actorId: Id, asset: AssetRecord, parentPath?: string): AssetView {
  const path = parentPath === undefined ? visiblePathOf(core, actorId, asset.id) : joinPath(parentPath, asset.name)
  const restricted = core.engine.isRestricted(actorId)
  const parentVisible = !restricted || asset.parentId === null || core.engine.canView(actorId, asset.parentId)
  return finishView(core, recordView(asset), path, core.engine.assetAccess(actorId, asset.id), restricted, parentVisible)
}

/**
 * The part of a view that comes from the record alone, the same for every caller, so a
 * listing may keep it for as long as the record is current (records are immutable: a
 * change puts a new one). Path, level and access hold placeholders until finishView.
 */
export function recordView(asset: AssetRecord): AssetView {
  const view: AssetView = {
    id: asset.id,
    kind: asset.kind,
    name: asset.name,
    parentId: asset.parentId,
    path: '',
    createdBy: asset.createdBy,
    createdAt: asset.createdAt,
    updatedAt: asset.updatedAt,
    level: 'view',
    access: 'full',
  }
  if (asset.kind === 'file') {
    const current = asset.versions.find((v) => v.number === asset.currentVersion)!
    view.size = current.size
    view.mime = current.mime
    if (current.width !== undefined) view.width = current.width
    if (current.height !== undefined) view.height = current.height
    view.currentVersion = asset.currentVersion
    view.versionCount = asset.versions.length
    view.tags = asset.tags
    view.metadata = asset.metadata
    view.focus = asset.focus
    if (current.embedded) view.embedded = current.embedded
    if (current.media) view.media = current.media
  } else {
    // A folder's record does not change when its children do: finishView counts them.
    view.childCount = 0
  }
  return view
}

/**
 * One caller's view from a record's part and that caller's access (a listing gets every
 * child's from engine.childAccesses at once). The placeholders are overwritten in place,
 * so the keys keep their order. `parentVisible` false (a root of a restricted caller, or
 * an asset reached through a collection) gives a null parentId: the id of a folder the
 * caller cannot view is never shown (docs/permissions.md).
 */
export function finishView(core: Core, base: AssetView, path: string, access: AssetAccess, restricted: boolean, parentVisible: boolean): AssetView {
  const level: Level | 'none' = access.level === 'none' && access.viaCollection ? 'view' : access.level
  if (level === 'none') throw new AppError('INTERNAL', 'An invisible asset was about to be shown.')
  const source: AccessSource = !restricted ? 'full' : access.level === 'none' ? 'collection' : 'grant'
  const view: AssetView = { ...base, parentId: parentVisible ? base.parentId : null, path, level, access: source }
  if (view.kind === 'folder') {
    view.childCount = core.store.indexes.children.get(view.id).size
    view.hasSubfolders = hasSubfolders(core, view.id)
  }
  // Whether it is shared is told only to who may manage its sharing (docs/permissions.md):
  // sharing.list is theirs alone, and a grant to someone else is not another reader's business.
  if (level === 'manage' && base.parentId !== null) view.shared = hasDirectGrants(core, view.id)
  return view
}

/** Whether a folder holds a folder: the tree offers no expander on one that holds only files. */
function hasSubfolders(core: Core, id: Id): boolean {
  const { columns, children } = core.store.indexes
  const slot = columns.slotOf(id)
  if (slot === undefined) return false
  const kids = children.lists.get(slot)
  for (let i = 0; i < kids.length; i++) if ((columns.flags[kids[i]] & (LIVE | FOLDER)) === (LIVE | FOLDER)) return true
  return false
}

function hasDirectGrants(core: Core, id: Id): boolean {
  const { columns } = core.store.indexes
  const slot = columns.slotOf(id)
  return slot !== undefined && (columns.flags[slot] & HAS_GRANTS) !== 0
}

/** Folders first, then by name as a person sorts them (numbers in order). */
export const byFolderThenName = (a: { kind: string; name: string }, b: { kind: string; name: string }): number =>
  a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === 'folder' ? -1 : 1
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

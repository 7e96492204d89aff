import type { AssetRecord, Id, Level } from '../../../shared/domain.js'
import type { AccessSource, AssetView } from '../../../shared/views.js'
import { AppError } from '../../../shared/errors.js'
import type { Core } from '../context.js'

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
  const access = core.engine.assetAccess(actorId, asset.id)
  const level: Level | 'none' = access.level === 'none' && access.viaCollection ? 'view' : access.level
  if (level === 'none') throw new AppError('INTERNAL', 'An invisible asset was about to be shown.')
  const source: AccessSource = !core.engine.isRestricted(actorId) ? 'full' : access.level === 'none' ? 'collection' : 'grant'
  const view: AssetView = {
    id: asset.id,
    kind: asset.kind,
    name: asset.name,
    parentId: asset.parentId,
    path: parentPath === undefined ? visiblePathOf(core, actorId, asset.id) : joinPath(parentPath, asset.name),
    createdBy: asset.createdBy,
    createdAt: asset.createdAt,
    updatedAt: asset.updatedAt,
    level,
    access: source,
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
  } else {
    view.childCount = core.store.indexes.children.get(asset.id).size
  }
  return view
}

/** Folders first, then by name as a person sorts them (numbers in order). */
export const byFolderThenName = (a: { kind: string; name: string }, b: { kind: string; name: string }): number =>
  a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === 'folder' ? -1 : 1
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

import { ASSET_OPERATIONS, atLeast, levelRank, type AssetOperation, type Level } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { isHome } from '../../../shared/home.js'
import { hasRendition, isEditableImage } from '../../../shared/mediaKinds.js'

export type AssetActionId =
  | 'open' | 'copyLink' | 'download' | 'downloadZip' | 'rename' | 'move' | 'copy' | 'addToCollections' | 'removeFromCollections'
  | 'share' | 'editImage' | 'focusArea' | 'autoTags' | 'removeBackground' | 'similar' | 'uploadVersion' | 'delete'

export interface AssetAction {
  id: AssetActionId
  label: string
  /** Menus draw a separator between groups. */
  group: number
  shortcut?: string
  danger?: boolean
}

interface Rule {
  label: string
  group: number
  /** The permission table's operation (docs/permissions.md), whose level every selected asset must have. */
  op: AssetOperation
  /** What else the selection must be: one item, files only, images only. */
  single?: boolean
  files?: boolean
  images?: boolean
  /** Images whose pixels can be rewritten: not RAW photos (shared/mediaKinds.ts). */
  editable?: boolean
  /** Files with a picture: images, videos, PDFs, RAW photos. */
  pictures?: boolean
  folders?: boolean
  /** Home (the root) cannot be renamed, moved, copied, deleted, shared or added to a collection (docs/architecture.md). */
  notHome?: boolean
  shortcut?: string
  danger?: boolean
}

/** In menu order. */
const RULES: Record<AssetActionId, Rule> = {
  // A folder opens in the centre, a file in the full-window viewer.
  open: { label: 'Open', group: 0, op: 'viewAndSearch', single: true, shortcut: 'Enter' },
  copyLink: { label: 'Copy link', group: 0, op: 'viewAndSearch', single: true },
  download: { label: 'Download', group: 1, op: 'downloadFile', single: true, files: true },
  downloadZip: { label: 'Download as zip', group: 1, op: 'downloadZip' },
  rename: { label: 'Rename', group: 2, op: 'rename', single: true, notHome: true, shortcut: 'F2' },
  move: { label: 'Move to…', group: 2, op: 'move', notHome: true },
  copy: { label: 'Copy to…', group: 2, op: 'copy', notHome: true },
  uploadVersion: { label: 'Upload new version…', group: 2, op: 'upload', single: true, files: true },
  addToCollections: { label: 'Add to media collections…', group: 3, op: 'addToCollections', notHome: true },
  removeFromCollections: { label: 'Remove from media collections…', group: 3, op: 'viewAndSearch', single: true },
  editImage: { label: 'Edit image…', group: 4, op: 'editImage', single: true, editable: true },
  focusArea: { label: 'Set focus area…', group: 4, op: 'editFocus', single: true, images: true },
  autoTags: { label: 'Add auto tags…', group: 4, op: 'autoTags', single: true, editable: true },
  removeBackground: { label: 'Remove background…', group: 4, op: 'removeBackground', single: true, editable: true },
  similar: { label: 'Similar images…', group: 4, op: 'viewAndSearch', single: true, pictures: true },
  share: { label: 'Share…', group: 5, op: 'share', single: true, notHome: true },
  delete: { label: 'Delete…', group: 6, op: 'delete', notHome: true, shortcut: 'Del', danger: true },
}

/** For several selected items, the lowest of their levels decides (an action must be allowed on each). */
export function lowestLevel(assets: AssetView[]): Level | null {
  if (assets.length === 0) return null
  return assets.reduce<Level>((low, a) => (levelRank[a.level] < levelRank[low] ? a.level : low), 'manage')
}

function fits(rule: Rule, assets: AssetView[], level: Level): boolean {
  if (!atLeast(level, ASSET_OPERATIONS[rule.op])) return false
  if (rule.single && assets.length !== 1) return false
  if (rule.files && assets.some((a) => a.kind !== 'file')) return false
  if (rule.folders && assets.some((a) => a.kind !== 'folder')) return false
  if (rule.images && assets.some((a) => a.kind !== 'file' || !a.mime?.startsWith('image/'))) return false
  if (rule.editable && assets.some((a) => a.kind !== 'file' || !isEditableImage(a.mime))) return false
  if (rule.pictures && assets.some((a) => a.kind !== 'file' || !hasRendition(a.mime))) return false
  if (rule.notHome && assets.some((a) => isHome(a))) return false
  return true
}

/** What a menu knows beyond the selection's levels. */
export interface MenuContext {
  /** The one selected item is directly in a collection the user manages (false or unknown: not offered). */
  removableCollections?: boolean
  /** The menu is opened on a collection's own items, where delete must say it deletes from the library. */
  inCollection?: boolean
}

/**
 * What the user is offered for a selection: the permission table (docs/permissions.md) applied to the caller's level
 * on each item as the listing gave it. The renderer only offers; main decides.
 */
export function offeredActions(assets: AssetView[], context: MenuContext = {}): AssetAction[] {
  const level = lowestLevel(assets)
  if (!level) return []
  return (Object.keys(RULES) as AssetActionId[])
    .filter((id) => fits(RULES[id], assets, level))
    // Offered only where there is something to remove it from: a collection it is directly in that the user manages.
    .filter((id) => id !== 'removeFromCollections' || context.removableCollections === true)
    .map((id) => (id === 'delete' && context.inCollection ? { ...RULES[id], id, label: 'Delete from library…' } : { ...RULES[id], id }))
    .map(({ id, label, group, shortcut, danger }) => ({ id, label, group, shortcut, danger }))
}

export function offers(assets: AssetView[], id: AssetActionId): boolean {
  const level = lowestLevel(assets)
  return !!level && fits(RULES[id], assets, level)
}

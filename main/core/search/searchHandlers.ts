import type { AssetRecord, FileRecord } from '../../../shared/domain.js'
import type { InputOf } from '../../../shared/contract/index.js'
import type { AssetView } from '../../../shared/views.js'
import type { searchChannels } from '../../../shared/contract/search.js'
import type { Ctx as Context, HandlersOf } from '../context.js'
import { requireFolder } from '../access.js'
import { assetView } from '../assets/views.js'
import { subtree } from '../assets/tree.js'
import { dayTaken } from '../media/takenAt.js'
import { LIVE } from '../store/assetColumns.js'
import { searchTexts } from '../store/textIndex.js'
import { typeMatches } from './fileTypes.js'

const DEFAULT_LIMIT = 100
const DAY_MS = 86_400_000

export type Filters = Omit<InputOf<'search.assets'>, 'limit' | 'offset'>

export const searchHandlers: HandlersOf<typeof searchChannels> = {
  /**
   * Substring search over names, tags, custom metadata and embedded fields, with filters.
   * Every hit passes the permission engine before it is counted, so the items, `total` and
   * `hasMore` never reveal what the caller cannot view. Over the whole library the text index
   * says where a needle may be (see TextIndex), so a query with few hits reads few records;
   * the match below decides. A page is the viewable hits from `offset` on, in the order
   * search has always answered in (see docs/browse.md).
   */
  'search.assets': (ctx, input) => searchPage(ctx, input, input.offset ?? 0, input.limit ?? DEFAULT_LIMIT),

  /** Distinct cameras of viewable files only: a camera seen only in hidden files is never named. */
  'search.cameras': (ctx, { folderId }) => {
    const { core, actor } = ctx
    const seen = new Map<string, string>()
    for (const asset of candidates(ctx, folderId, '')) {
      if (asset.kind !== 'file') continue
      const camera = currentVersion(asset)?.embedded?.camera?.trim()
      if (!camera || seen.has(camera.toLowerCase()) || !core.engine.canView(actor.id, asset.id)) continue
      seen.set(camera.toLowerCase(), camera)
    }
    return [...seen.values()].sort((a, b) => a.localeCompare(b))
  },
}

/**
 * One page of a search's viewable hits (search.assets, and smart collections, which run their
 * saved search as each reader).
 */
export function searchPage(ctx: Context, filters: Filters, offset: number, max: number): { items: AssetView[]; hasMore: boolean; total: number } {
  const { core, actor } = ctx
  const matches = matcher(filters)
  const items: AssetView[] = []
  let total = 0
  const viewable = (id: string) => core.engine.canView(actor.id, id)
  for (const asset of candidates(ctx, filters.folderId, filters.query.trim().toLowerCase(), viewable)) {
    if (!matches(asset) || !viewable(asset.id)) continue
    if (total >= offset && items.length < max) items.push(assetView(core, actor.id, asset))
    total++
  }
  return { items, hasMore: offset + items.length < total, total }
}

/**
 * Whether the search finds anything the caller can view, stopping at the first hit: a smart
 * collection shows its words to a reader only then (smartCollectionAccess.ts).
 */
export function findsAny(ctx: Context, filters: Filters): boolean {
  const matches = matcher(filters)
  const viewable = (id: string) => ctx.core.engine.canView(ctx.actor.id, id)
  for (const asset of candidates(ctx, filters.folderId, filters.query.trim().toLowerCase(), viewable)) if (matches(asset) && viewable(asset.id)) return true
  return false
}

/** Records that may match, in put order: the text index over the library, or the folder's subtree. */
function* candidates(ctx: Context, folderId: string | undefined, needle: string, viewable?: (id: string) => boolean): Generator<AssetRecord> {
  const { columns, textIndex } = ctx.core.store.indexes
  if (folderId === undefined) {
    for (const slot of textIndex.candidates(needle)) {
      // Visibility first when asked: it reads the columns only, where the record may have to come from disk.
      if ((columns.flags[slot] & LIVE) === 0 || (viewable && !viewable(columns.idOf(slot)))) continue
      const asset = columns.body(columns.idOf(slot))
      if (asset) yield asset
    }
    return
  }
  // The folder itself must be viewable; a hidden one answers as a missing one would.
  yield* subtree(ctx.core, requireFolder(ctx, folderId, 'viewAndSearch').id).slice(1)
}

/** Whether a record passes the words and every filter; permissions are checked after. */
function matcher(f: Filters): (asset: AssetRecord) => boolean {
  const needle = f.query.trim().toLowerCase()
  const wantedTags = (f.tags ?? []).map((t) => t.toLowerCase())
  const cameraNeedle = f.camera?.toLowerCase()
  // A date taken is compared by the day it was taken where it was taken (its first ten
  // characters), whatever the time zone of this machine or of the person searching.
  const { takenFrom, takenTo } = f
  // A date modified is an instant: the searcher's days are turned into instants in their zone.
  const shift = (f.timeZoneOffset ?? 0) * 60_000
  const modifiedFrom = f.modifiedFrom ? Date.parse(`${f.modifiedFrom}T00:00:00Z`) + shift : undefined
  const modifiedTo = f.modifiedTo ? Date.parse(`${f.modifiedTo}T00:00:00Z`) + DAY_MS + shift : undefined
  const fields = (f.metadata ?? []).map((m) => ({ fieldId: m.fieldId, value: m.value.toLowerCase() }))
  return (asset) => {
    if (asset.parentId === null) return false
    if (f.type && !typeMatches(f.type, asset.kind, currentMime(asset), asset.name)) return false
    if (modifiedFrom !== undefined && asset.updatedAt < modifiedFrom) return false
    if (modifiedTo !== undefined && asset.updatedAt >= modifiedTo) return false
    const fileOnly = cameraNeedle !== undefined || takenFrom || takenTo || wantedTags.length > 0 || fields.length > 0
    if (asset.kind !== 'file') return !fileOnly && textMatches(asset, needle)
    const embedded = currentVersion(asset)?.embedded
    if (cameraNeedle !== undefined && !embedded?.camera?.toLowerCase().includes(cameraNeedle)) return false
    if ((takenFrom || takenTo) && embedded?.takenAt === undefined) return false
    if (takenFrom && dayTaken(embedded!.takenAt!) < takenFrom) return false
    if (takenTo && dayTaken(embedded!.takenAt!) > takenTo) return false
    if (wantedTags.length > 0) {
      const have = asset.tags.map((t) => t.toLowerCase())
      if (!wantedTags.every((t) => have.includes(t))) return false
    }
    for (const field of fields) if (!fieldMatches(asset.metadata?.[field.fieldId], field.value)) return false
    return textMatches(asset, needle)
  }
}

function textMatches(asset: AssetRecord, needle: string): boolean {
  if (needle === '') return true
  const lowerName = asset.name.toLowerCase()
  if (searchTexts(asset, lowerName).some((t) => t.includes(needle))) return true
  return asset.kind === 'file' && asset.tags.some((t) => t.toLowerCase().includes(needle))
}

/** Text fields hold the words; a list holds them in one of its items; yes/no fields match "yes"/"no" too. */
function fieldMatches(value: unknown, wanted: string): boolean {
  if (value === undefined || value === null) return false
  if (Array.isArray(value)) return value.some((v) => String(v).toLowerCase().includes(wanted))
  if (typeof value === 'boolean') return wanted === String(value) || wanted === (value ? 'yes' : 'no')
  return String(value).toLowerCase().includes(wanted)
}

function currentVersion(asset: FileRecord) {
  return asset.versions.find((v) => v.number === asset.currentVersion)
}

function currentMime(asset: AssetRecord): string {
  return asset.kind === 'file' ? (currentVersion(asset)?.mime ?? '') : ''
}

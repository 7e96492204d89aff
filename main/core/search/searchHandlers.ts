import type { AssetRecord } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import type { HandlerMap } from '../context.js'
import { requireFolder } from '../access.js'
import { assetView } from '../assets/views.js'
import { subtree } from '../assets/tree.js'
import { dayTaken } from '../media/takenAt.js'

const DEFAULT_LIMIT = 100

export const searchHandlers: HandlerMap<'search.assets'> = {
  /**
   * Substring search over names and tags. Every hit passes the permission engine before it
   * is counted, so results, counts and `hasMore` never reveal what the caller cannot view.
   * Over the whole library the text index says where a needle may be (see TextIndex), so a
   * query with few hits reads few records; the match below decides, as it always has.
   */
  'search.assets': (ctx, { query, folderId, tags, type, limit, camera, takenFrom, takenTo }) => {
    const { core, actor } = ctx
    const max = limit ?? DEFAULT_LIMIT
    const needle = query.trim().toLowerCase()
    const wantedTags = (tags ?? []).map((t) => t.toLowerCase())
    const { columns, textIndex } = core.store.indexes
    const slots: Iterable<number> = folderId === undefined
      ? textIndex.candidates(needle)
      : subtree(core, requireFolder(ctx, folderId, 'viewAndSearch').id).slice(1).map((a) => columns.slotOf(a.id)!)
    const cameraNeedle = camera?.toLowerCase()
    // A date taken is compared by the day it was taken where it was taken (its first ten
    // characters), whatever the time zone of this machine or of the person searching.
    const from = takenFrom
    const to = takenTo
    const matches = (asset: AssetRecord, lowerName: string): boolean => {
      if (asset.parentId === null) return false
      const embedded = asset.kind === 'file' ? currentVersion(asset)?.embedded : undefined
      if (cameraNeedle !== undefined && !embedded?.camera?.toLowerCase().includes(cameraNeedle)) return false
      if ((from !== undefined || to !== undefined) && embedded?.takenAt === undefined) return false
      if (from !== undefined && dayTaken(embedded!.takenAt!) < from) return false
      if (to !== undefined && dayTaken(embedded!.takenAt!) > to) return false
      if (type === 'folder' && asset.kind !== 'folder') return false
      if (type === 'file' && asset.kind !== 'file') return false
      if (type === 'image' && (asset.kind !== 'file' || !currentMime(asset).startsWith('image/'))) return false
      if (wantedTags.length > 0) {
        if (asset.kind !== 'file') return false
        const have = asset.tags.map((t) => t.toLowerCase())
        if (!wantedTags.every((t) => have.includes(t))) return false
      }
      if (needle === '') return true
      if (lowerName.includes(needle)) return true
      if (asset.kind !== 'file') return false
      if (asset.tags.some((t) => t.toLowerCase().includes(needle))) return true
      if (!embedded) return false
      return [...(embedded.keywords ?? []), embedded.title ?? '', embedded.caption ?? ''].some((t) => t.toLowerCase().includes(needle))
    }
    const items: AssetView[] = []
    let hasMore = false
    for (const slot of slots) {
      const asset = columns.records[slot]
      if (!asset || !matches(asset, textIndex.lowerNames[slot] ?? '')) continue
      if (!core.engine.canView(actor.id, asset.id)) continue
      if (items.length === max) {
        hasMore = true
        break
      }
      items.push(assetView(core, actor.id, asset))
    }
    return { items, hasMore }
  },
}

function currentVersion(asset: AssetRecord & { kind: 'file' }) {
  return asset.versions.find((v) => v.number === asset.currentVersion)
}

function currentMime(asset: AssetRecord): string {
  return asset.kind === 'file' ? (currentVersion(asset)?.mime ?? '') : ''
}

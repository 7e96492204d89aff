import type { AssetRecord, Id } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import type { Store } from '../store/store.js'
import { joinPath, recordView } from './views.js'

/** A folder's children as `assets.list` returns them, with what their views take from the records alone. */
export interface Listing {
  ids: Id[]
  records: AssetRecord[]
  /** recordView of each record. */
  bases: AssetView[]
  /** The store's seq when the listing was last found right: any commit moves it. */
  seq: number
  /** Paths under the parent path last asked for (see childPaths). */
  paths?: { parentPath: string; values: string[] }
}

/** Children kept across folders (some 250 bytes each, base and path); the folder just listed is kept whatever its size. */
const MAX_KEPT_CHILDREN = 50_000
/** Smaller folders sort and read in well under a millisecond: keeping them would only cost memory. */
const MIN_CHILDREN = 256

interface Kept {
  listings: Map<Id, Listing>
  children: number
}

/** Per store, so that two libraries open in one process never share a listing. */
const keptByStore = new WeakMap<Store, Kept>()

/**
 * A folder's children, sorted, with their record parts. For a 10,000-child folder sorting
 * takes longer than all the rest of a listing, and reading 10,000 records scattered over the
 * heap costs more than copying their parts kept side by side, so both are kept per folder.
 * Nothing has to tell this cache of a change: records are immutable (a change puts a new
 * object), so a kept listing is still right exactly when it holds as many records as the
 * folder has children and each is still the current record of a child of this folder (its
 * ids are distinct, so they are then the folder's children); and without a commit since it
 * was last found right, nothing needs checking. A child changed otherwise (tags, versions,
 * metadata: same name and kind) keeps its place and gets a new part.
 */
export function folderListing(store: Store, folderId: Id): Listing {
  const ids = store.indexes.children.get(folderId)
  let kept = keptByStore.get(store)
  const known = kept?.listings.get(folderId)
  if (kept !== undefined && known !== undefined) {
    kept.listings.delete(folderId)
    kept.children -= known.ids.length
    if (known.seq === store.seq || (known.ids.length === ids.size && refresh(store, folderId, known))) {
      known.seq = store.seq
      return keep(kept, folderId, known)
    }
  }
  const records: AssetRecord[] = []
  for (const id of ids) records.push(store.tables.assets.get(id)!)
  const sorted = sortRecords(records)
  const listing: Listing = { ids: sorted.map((r) => r.id), records: sorted, bases: sorted.map(recordView), seq: store.seq }
  if (sorted.length < MIN_CHILDREN) return listing
  if (kept === undefined) keptByStore.set(store, (kept = { listings: new Map(), children: 0 }))
  return keep(kept, folderId, listing)
}

/** The children's paths: kept too, as names stay put while a listing is kept; callers differ only in what of the parent path they may see. */
export function childPaths(listing: Listing, parentPath: string): readonly string[] {
  if (listing.paths?.parentPath !== parentPath) listing.paths = { parentPath, values: listing.bases.map((base) => joinPath(parentPath, base.name)) }
  return listing.paths.values
}

/** Most recently used last, so the oldest goes first. */
function keep(kept: Kept, folderId: Id, listing: Listing): Listing {
  kept.listings.set(folderId, listing)
  kept.children += listing.ids.length
  for (const [id, old] of kept.listings) {
    if (kept.children <= MAX_KEPT_CHILDREN || id === folderId) break
    kept.listings.delete(id)
    kept.children -= old.ids.length
  }
  return listing
}

/** Swaps in current records; false as soon as a child is gone, moved, renamed or of another kind. */
function refresh(store: Store, folderId: Id, listing: Listing): boolean {
  const assets = store.tables.assets
  const { ids, records, bases } = listing
  for (let i = 0; i < records.length; i++) {
    const now = assets.get(ids[i])
    if (now === records[i]) continue
    if (now === undefined || now.parentId !== folderId || now.name !== records[i].name || now.kind !== records[i].kind) return false
    records[i] = now
    bases[i] = recordView(now)
  }
  return true
}

/**
 * Folders first, then by name. Plain comparison of lower-cased names keeps big folders fast
 * (the renderer sorts for display); each name is lower-cased once, not at every comparison:
 * a 10,000-item folder makes some 130,000 of them.
 */
export function sortRecords<T extends { kind: string; name: string }>(items: readonly T[]): T[] {
  const keys = items.map((item) => item.name.toLowerCase())
  const order = items.map((_, i) => i)
  // The index breaks ties, as a stable sort would.
  order.sort((i, j) => {
    const a = items[i]
    const b = items[j]
    if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1
    return keys[i] < keys[j] ? -1 : keys[i] > keys[j] ? 1 : i - j
  })
  return order.map((i) => items[i])
}

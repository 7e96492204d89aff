import type { AssetRecord } from '../../../shared/domain.js'
import { LIVE, type AssetColumns } from './assetColumns.js'

/** Trigrams hash into this many lists: collisions only add candidates, which the caller's own match drops. */
const BUCKETS = 1 << 17
/** A list is rewritten without its superseded entries once they are this many and over half of it. */
const MIN_DEAD = 32

/** Ascending put orders (see AssetColumns.putOrder), some of them superseded. */
class Postings {
  data: Int32Array
  length = 0
  dead = 0

  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(2, capacity))
  }

  push(order: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = order
  }

  /** Counts one entry superseded, and drops them all once they are over half. */
  kill(orderSlot: Int32Array): void {
    if (++this.dead < MIN_DEAD || this.dead * 2 < this.length) return
    let kept = 0
    for (let i = 0; i < this.length; i++) {
      const order = this.data[i]
      if (orderSlot[order] >= 0) this.data[kept++] = order
    }
    this.length = kept
    this.dead = 0
    if (this.data.length > 4 * Math.max(kept, 2)) this.data = this.data.slice(0, Math.max(kept * 2, 2))
  }
}

interface TagPostings extends Postings {
  lower: string
}

/**
 * The texts besides tags a search looks in, lower-cased: the name, and for a file its custom
 * metadata values and its current version's embedded keywords, title, caption, camera, lens
 * and copyright. Search matches against exactly these (docs/browse.md), so the index and
 * the match never disagree.
 */
export function searchTexts(asset: AssetRecord, lowerName: string): string[] {
  if (asset.kind !== 'file') return [lowerName]
  const out = [lowerName]
  for (const value of Object.values(asset.metadata ?? {})) {
    if (Array.isArray(value)) for (const v of value) out.push(String(v).toLowerCase())
    else if (typeof value === 'string' || typeof value === 'number') out.push(String(value).toLowerCase())
  }
  const embedded = asset.versions.find((v) => v.number === asset.currentVersion)?.embedded
  if (!embedded) return out
  for (const t of [...(embedded.keywords ?? []), embedded.title, embedded.caption, embedded.camera, embedded.lens, embedded.copyright]) {
    if (t) out.push(t.toLowerCase())
  }
  return out
}

const texts = searchTexts

/** What the index takes of an asset: its search texts (the lower-cased name first) and a file's tags. */
export interface SearchDoc {
  doc: string[]
  tags: readonly string[] | null
}

export function searchDoc(asset: AssetRecord): SearchDoc {
  return { doc: texts(asset, asset.name.toLowerCase()), tags: asset.kind === 'file' ? asset.tags : null }
}

/** Calls `visit` with the bucket of every trigram (three UTF-16 code units, as String.includes compares) of `text`. */
function eachGram(text: string, visit: (bucket: number) => void): void {
  for (let i = 0; i + 2 < text.length; i++) visit(gramBucket(text, i))
}

function gramBucket(text: string, i: number): number {
  let h = Math.imul(text.charCodeAt(i), 0x9e3779b1) ^ Math.imul(text.charCodeAt(i + 1), 0x85ebca77) ^ Math.imul(text.charCodeAt(i + 2), 0xc2b2ae3d)
  h ^= h >>> 15
  return h & (BUCKETS - 1)
}

/**
 * Which assets might hold a search needle, without reading every name: a trigram index
 * over lower-cased names and embedded texts, and an index of tags. A needle of three or
 * more code units can only be in a text holding each of its trigrams, so the shortest
 * lists of those say where to look; shorter needles read every name, as before. Entries
 * are put orders, not slots, so candidates come out in the order search has always
 * answered in (a changed record goes last); a put supersedes the asset's previous
 * entries, which lists drop once they are mostly superseded.
 */
export class TextIndex {
  /** Slot -> lower-cased name; undefined where no live asset. */
  readonly lowerNames: (string | undefined)[]
  /** Put order -> slot, -1 once superseded. */
  private orderSlot: Int32Array
  private readonly grams: (Postings | undefined)[] = new Array<Postings | undefined>(BUCKETS)
  private readonly tags = new Map<string, TagPostings>()
  /** Bucket -> the visit that last touched it, so a text's repeated trigram counts once. */
  private readonly stamps = new Int32Array(BUCKETS)
  private visit = 0

  /** Built in one pass over the live assets in put order. */
  constructor(private readonly columns: AssetColumns) {
    // Sized up front: slots are written in put order, not in slot order.
    this.lowerNames = new Array<string | undefined>(columns.length)
    this.orderSlot = new Int32Array(Math.max(1024, columns.puts)).fill(-1)
    const { flags, putOrder } = columns
    for (let slot = 0; slot < columns.length; slot++) if ((flags[slot] & LIVE) !== 0) this.orderSlot[putOrder[slot]] = slot
    // Lists sized exactly: a million names make some twenty million entries.
    const counts = new Int32Array(BUCKETS)
    const docs = new Array<string[]>(columns.length)
    // Read once: a record may have to come from disk (docs/store.md, "Cold records").
    const tags = new Array<readonly string[] | null>(columns.length)
    for (let order = 0; order < columns.puts; order++) {
      const slot = this.orderSlot[order]
      if (slot < 0) continue
      const known = columns.searchDocs[slot] ?? searchDoc(columns.body(columns.ids[slot])!)
      this.lowerNames[slot] = known.doc[0]
      const doc = known.doc
      docs[slot] = doc
      tags[slot] = known.tags
      const stamp = ++this.visit
      for (const text of doc) eachGram(text, (b) => {
        if (this.stamps[b] === stamp) return
        this.stamps[b] = stamp
        counts[b]++
      })
    }
    for (let b = 0; b < BUCKETS; b++) if (counts[b] > 0) this.grams[b] = new Postings(counts[b])
    for (let order = 0; order < columns.puts; order++) {
      const slot = this.orderSlot[order]
      if (slot >= 0) this.addEntries(order, docs[slot], tags[slot])
    }
  }

  /** After columns.put: indexes the asset under its new put order. */
  add(slot: number, asset: AssetRecord): void {
    const order = this.columns.putOrder[slot]
    if (order >= this.orderSlot.length) {
      const grown = new Int32Array(Math.max(order + 1, this.orderSlot.length * 2)).fill(-1)
      grown.set(this.orderSlot)
      this.orderSlot = grown
    }
    this.orderSlot[order] = slot
    const lowerName = asset.name.toLowerCase()
    this.lowerNames[slot] = lowerName
    this.addEntries(order, texts(asset, lowerName), asset.kind === 'file' ? asset.tags : null)
  }

  /** Before columns.put or remove: supersedes the asset's entries under its current put order. */
  remove(slot: number, asset: AssetRecord): void {
    const order = this.columns.putOrder[slot]
    if (this.orderSlot[order] !== slot) return
    this.orderSlot[order] = -1
    const stamp = ++this.visit
    for (const text of texts(asset, this.lowerNames[slot] ?? asset.name.toLowerCase())) eachGram(text, (b) => {
      if (this.stamps[b] === stamp) return
      this.stamps[b] = stamp
      this.grams[b]?.kill(this.orderSlot)
    })
    if (asset.kind === 'file') {
      for (const tag of new Set(asset.tags)) {
        const postings = this.tags.get(tag)
        if (!postings) continue
        postings.kill(this.orderSlot)
        if (postings.dead === postings.length) this.tags.delete(tag)
      }
    }
    this.lowerNames[slot] = undefined
  }

  private addEntries(order: number, doc: string[], tags: readonly string[] | null): void {
    const stamp = ++this.visit
    for (const text of doc) eachGram(text, (b) => {
      if (this.stamps[b] === stamp) return
      this.stamps[b] = stamp
      ;(this.grams[b] ??= new Postings(4)).push(order)
    })
    if (tags === null) return
    for (const tag of tags) {
      let postings = this.tags.get(tag)
      if (!postings) this.tags.set(tag, (postings = Object.assign(new Postings(4), { lower: tag.toLowerCase() })))
      if (postings.length === 0 || postings.data[postings.length - 1] !== order) postings.push(order)
    }
  }

  /**
   * Slots, in put order, of every live asset whose lower-cased name, embedded texts or
   * tags may include `needle` (already lower-cased): a superset, for the caller to match.
   */
  candidates(needle: string): Int32Array {
    if (needle.length < 3) return this.everything()
    const lists: Postings[] = []
    for (let i = 0; i + 2 < needle.length; i++) {
      const list = this.grams[gramBucket(needle, i)]
      if (list === undefined || list.length === 0) {
        lists.length = 0
        break
      }
      if (!lists.includes(list)) lists.push(list)
    }
    lists.sort((a, b) => a.length - b.length)
    let orders = lists.length === 0 ? new Int32Array(0) : this.live(lists[0])
    // Each further list only narrows: stop once few are left, the caller's match does the rest.
    for (let i = 1; i < lists.length && orders.length > 16; i++) orders = intersect(orders, lists[i])
    const fromTags: Int32Array[] = []
    for (const postings of this.tags.values()) if (postings.lower.includes(needle)) fromTags.push(this.live(postings))
    if (fromTags.length > 0) orders = union([orders, ...fromTags])
    const slots = new Int32Array(orders.length)
    for (let i = 0; i < orders.length; i++) slots[i] = this.orderSlot[orders[i]]
    return slots
  }

  /** Every live slot in put order. */
  private everything(): Int32Array {
    const out = new Int32Array(this.columns.length)
    let n = 0
    for (let order = 0; order < this.orderSlot.length; order++) {
      const slot = this.orderSlot[order]
      if (slot >= 0) out[n++] = slot
    }
    return out.subarray(0, n)
  }

  private live(list: Postings): Int32Array {
    const out = new Int32Array(list.length)
    let n = 0
    for (let i = 0; i < list.length; i++) if (this.orderSlot[list.data[i]] >= 0) out[n++] = list.data[i]
    return out.subarray(0, n)
  }
}

/** The orders of `orders` (ascending) that `list` (ascending) holds too. */
function intersect(orders: Int32Array, list: Postings): Int32Array {
  const out = new Int32Array(orders.length)
  let n = 0
  let lo = 0
  for (let i = 0; i < orders.length; i++) {
    const want = orders[i]
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (list.data[mid] < want) lo = mid + 1
      else hi = mid
    }
    if (lo < list.length && list.data[lo] === want) out[n++] = want
  }
  return out.subarray(0, n)
}

/** Ascending and without repeats. */
function union(parts: Int32Array[]): Int32Array {
  let total = 0
  for (const part of parts) total += part.length
  const all = new Int32Array(total)
  let at = 0
  for (const part of parts) {
    all.set(part, at)
    at += part.length
  }
  all.sort()
  let n = 0
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]
  return all.subarray(0, n)
}

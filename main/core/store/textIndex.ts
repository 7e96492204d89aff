import type { AssetRecord } from '../../../shared/domain.js'
import { LIVE, type AssetColumns } from './assetColumns.js'
import { ColumnScan } from './columnScan.js'
import { searchDoc, searchTexts, type SearchDoc } from './searchTexts.js'

export { searchDoc, searchTexts, type SearchDoc }

/** Trigrams hash into this many lists: collisions only add candidates, which the caller's own match drops. */
const BUCKETS = 1 << 17
/** Milliseconds a search spends going on with the copy for scans (ColumnScan) before it scans the rest asset by asset. */
const COPY_SLICE_MS = 150
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

/**
 * The texts the lists are made of for an asset: its search texts and its tags, lower-cased
 * (a needle found in a tag has all its trigrams there too).
 */
function indexTexts(doc: readonly string[], tags: readonly string[] | null): readonly string[] {
  return tags === null || tags.length === 0 ? doc : [...doc, ...tags.map((t) => t.toLowerCase())]
}

/** What the index takes of the live asset in `slot`: from memory or its column file when it can, else from its record. */
function docOf(columns: AssetColumns, slot: number): SearchDoc {
  return columns.searchDocOf(slot) ?? searchDoc(columns.peekBody(columns.idOf(slot))!)
}

/** Calls `visit` with the bucket of every trigram (three UTF-16 code units, as String.includes compares) of `text`. */
function eachGram(text: string, visit: (bucket: number) => void): void {
  for (let i = 0; i + 2 < text.length; i++) visit(gramBucket(text, i))
}

function gramBucket(text: string, i: number): number {
  return bucketOf(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2))
}

/** The list of the trigram of code units a, b, c (an ASCII byte is its code unit). */
function bucketOf(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)
  h ^= h >>> 15
  return h & (BUCKETS - 1)
}

/**
 * Which assets might hold a search needle, without reading every name: a trigram index
 * over lower-cased names, embedded texts and tags. A needle of three or more code units
 * can only be in a text holding each of its trigrams, so the shortest lists of those say
 * where to look; shorter needles read every name, as before. Entries
 * are put orders, not slots, so candidates come out in the order search has always
 * answered in (a changed record goes last); a put supersedes the asset's previous
 * entries, which lists drop once they are mostly superseded.
 */
export class TextIndex {
  /** Put order -> slot, -1 once superseded. */
  private orderSlot: Int32Array
  private readonly grams: (Postings | undefined)[] = new Array<Postings | undefined>(BUCKETS)
  /** Bucket -> the visit that last touched it, so a text's repeated trigram counts once. */
  private readonly stamps = new Int32Array(BUCKETS)
  private visit = 0

  /** While built in the background (see step): the next put order to index, and the first not to. */
  private next = 0
  private limit = 0
  /** Put orders of assets put while the build ran, indexed once it has caught up (lists stay ascending). */
  private pending: number[] = []
  building = false
  /** While built in the background: the bytes a search scans of what is not indexed yet, copied first (columnScan.ts). */
  private scan: ColumnScan | null = null
  private scanCopied = false

  /**
   * Built in one pass over the live assets in put order; with `background`, only begun: `step`
   * goes on with it a slice at a time, and a search meanwhile scans what is not indexed yet.
   */
  constructor(
    private readonly columns: AssetColumns,
    background = false,
  ) {
    this.orderSlot = new Int32Array(Math.max(1024, columns.puts)).fill(-1)
    const { flags, putOrder } = columns
    for (let slot = 0; slot < columns.length; slot++) if ((flags[slot] & LIVE) !== 0) this.orderSlot[putOrder[slot]] = slot
    if (background) {
      this.building = true
      this.limit = columns.puts
      this.scan = new ColumnScan(columns, () => this.orderSlot, 0, this.limit, (slot) => {
        const known = docOf(columns, slot)
        return indexTexts(known.doc, known.tags)
      })
      return
    }
    // Lists sized exactly: a million names make some twenty million entries.
    const counts = new Int32Array(BUCKETS)
    // Read once: a record may have to come from disk (docs/store.md, "Cold records").
    const docs = new Array<readonly string[]>(columns.length)
    for (let order = 0; order < columns.puts; order++) {
      const slot = this.orderSlot[order]
      if (slot < 0) continue
      const known = docOf(columns, slot)
      const doc = indexTexts(known.doc, known.tags)
      docs[slot] = doc
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
      if (slot >= 0) this.addEntries(order, docs[slot])
    }
  }

  /**
   * Goes on with a background build until `deadline` (a performance.now() time); true once
   * the index is whole. Lists are filled in put order, the assets put meanwhile last.
   */
  step(deadline: number): boolean {
    const { columns } = this
    // The copy for scans first: it takes a small part of the time the index does, and from then
    // on a search scans what is not indexed yet in milliseconds.
    if (!this.scanCopied) {
      if (this.scan !== null && !this.scan.step(deadline)) return false
      this.scanCopied = true
    }
    while (this.next < this.limit) {
      const order = this.next
      const slot = this.orderSlot[order]
      // Counted only once indexed: a record that fails to read (damage) fails again for the search that finishes the build.
      if (slot >= 0) this.index(order, slot)
      this.next++
      if ((order & 63) === 0 && performance.now() > deadline) return false
    }
    for (const order of this.pending) {
      const slot = this.orderSlot[order]
      if (slot >= 0 && columns.putOrder[slot] === order) this.index(order, slot)
    }
    this.pending = []
    this.building = false
    this.scan = null
    return true
  }

  private index(order: number, slot: number): void {
    // From the copy made for scans where there is one: no string, no JSON parsed.
    const scan = this.scan
    if (scan !== null && order < scan.copied && scan.isAscii(order)) {
      const start = scan.start(order)
      const end = scan.end(order)
      if (end > start) return this.addBytes(order, scan.bytes, start, end)
    }
    const known = docOf(this.columns, slot)
    this.addEntries(order, indexTexts(known.doc, known.tags))
  }

  /**
   * Lists `order` under every trigram of its texts copied as bytes (ColumnScan): lower-cased
   * ASCII, each text ended by a 0, which no trigram crosses. The search column's JSON adds
   * trigrams of its quotes and commas: candidates the caller's match drops.
   */
  private addBytes(order: number, bytes: Uint8Array, start: number, end: number): void {
    const stamp = ++this.visit
    const { stamps, grams } = this
    let a = 0
    let b = bytes[start]
    for (let i = start + 2; i < end; i++) {
      a = b
      b = bytes[i - 1]
      const c = bytes[i]
      if (a === 0 || b === 0 || c === 0) continue
      const bucket = bucketOf(a, b, c)
      if (stamps[bucket] === stamp) continue
      stamps[bucket] = stamp
      ;(grams[bucket] ??= new Postings(4)).push(order)
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
    if (this.building) {
      this.pending.push(order)
      return
    }
    this.addEntries(order, assetTexts(asset))
  }

  /** Before columns.put or remove: supersedes the asset's entries under its current put order. */
  remove(slot: number, asset: AssetRecord): void {
    const order = this.columns.putOrder[slot]
    if (this.orderSlot[order] !== slot) return
    this.orderSlot[order] = -1
    // Not indexed yet by a background build: it will skip the order.
    if (this.building && order >= this.next) return
    const stamp = ++this.visit
    for (const text of assetTexts(asset)) eachGram(text, (b) => {
      if (this.stamps[b] === stamp) return
      this.stamps[b] = stamp
      this.grams[b]?.kill(this.orderSlot)
    })
  }

  private addEntries(order: number, doc: readonly string[]): void {
    const stamp = ++this.visit
    for (const text of doc) eachGram(text, (b) => {
      if (this.stamps[b] === stamp) return
      this.stamps[b] = stamp
      ;(this.grams[b] ??= new Postings(4)).push(order)
    })
  }

  /**
   * Slots, in put order, of every live asset whose lower-cased name, embedded texts or
   * tags may include `needle` (already lower-cased): a superset, for the caller to match.
   * While a background build runs, the lists answer for what it has indexed (put orders
   * below `next`) and the rest is scanned (scanUnindexed): a search right after open is
   * answered in full without waiting for the build or finishing it.
   */
  candidates(needle: string): Int32Array {
    if (needle.length < 3) return this.everything()
    let orders = this.fromLists(needle)
    if (this.building) {
      const scanned = this.scanUnindexed(needle)
      // Every listed order is below `next`, every scanned one at or above it: still ascending.
      if (scanned.length > 0) {
        const both = new Int32Array(orders.length + scanned.length)
        both.set(orders)
        both.set(scanned, orders.length)
        orders = both
      }
    }
    const slots = new Int32Array(orders.length)
    for (let i = 0; i < orders.length; i++) slots[i] = this.orderSlot[orders[i]]
    return slots
  }

  /**
   * The put orders, ascending, of the live assets not indexed yet by a background build
   * (from `next` to `limit`, then those put meanwhile) whose texts or tags include `needle`:
   * from the copy of their bytes (ColumnScan) once made, else from the column bytes where
   * they decide it (columns.searchBytesInclude), else from their search texts, as the index
   * would have taken them.
   */
  private scanUnindexed(needle: string): Int32Array {
    const { columns } = this
    const bytes = asciiNeedle(needle)
    const out: number[] = []
    const current = (order: number) => {
      const slot = this.orderSlot[order]
      return slot >= 0 && columns.putOrder[slot] === order ? slot : -1
    }
    const consider = (order: number) => {
      const slot = current(order)
      if (slot < 0) return
      const quick = bytes === null ? undefined : columns.searchBytesInclude(slot, bytes)
      if (quick === true || (quick === undefined && docIncludes(docOf(columns, slot), needle))) out.push(order)
    }
    let order = this.next
    const scan = this.scan
    const copied = copiedNeedle(needle)
    if (scan !== null && copied !== null) {
      // A slice of the copy first: each search in a burst right after open moves it on, and
      // the part still not copied is scanned asset by asset below, so no search waits for all of it.
      scan.step(performance.now() + COPY_SLICE_MS)
      // The copied part: hits in the bytes, and the assets not copied from their texts, merged in order.
      const hits = scan.find(copied, order)
      const unsure = scan.unsure
      let u = lowerBound(unsure, order)
      for (const hit of hits) {
        for (; u < unsure.length && unsure[u] < hit; u++) consider(unsure[u])
        if (current(hit) >= 0) out.push(hit)
      }
      for (; u < unsure.length; u++) consider(unsure[u])
      order = Math.max(order, scan.copied)
    }
    for (; order < this.limit; order++) consider(order)
    for (const order of this.pending) consider(order)
    return Int32Array.from(out)
  }

  /** The put orders, ascending, the lists give for `needle` (three code units or more). */
  private fromLists(needle: string): Int32Array {
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
    return orders
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

/** What the lists hold of an asset (indexTexts). */
function assetTexts(asset: AssetRecord): readonly string[] {
  return indexTexts(searchTexts(asset, asset.name.toLowerCase()), asset.kind === 'file' ? asset.tags : null)
}

/** Whether a search text or a tag (lower-cased) includes `needle`: what search matches words against. */
function docIncludes(known: SearchDoc, needle: string): boolean {
  if (known.doc.some((text) => text.includes(needle))) return true
  return known.tags !== null && known.tags.some((tag) => tag.toLowerCase().includes(needle))
}

/**
 * The needle as bytes where comparing bytes can decide a match: printable ASCII without the
 * characters JSON escapes (the search column is JSON). Null otherwise.
 */
function asciiNeedle(needle: string): Uint8Array | null {
  const bytes = new Uint8Array(needle.length)
  for (let i = 0; i < needle.length; i++) {
    const c = needle.charCodeAt(i)
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return null
    bytes[i] = c
  }
  return bytes
}

/**
 * The needle as UTF-8 to find in a ColumnScan's copy (which holds no escape: a text is its
 * own bytes, each ended by a 0): null for one with a 0, or with half of a surrogate pair,
 * which String.includes finds inside a pair where UTF-8 has no bytes of its own for it.
 */
function copiedNeedle(needle: string): Uint8Array | null {
  if (needle.includes('\0') || LONE_SURROGATE.test(needle)) return null
  return Buffer.from(needle, 'utf8')
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The first index of `sorted` (ascending) whose value is at least `value`. */
function lowerBound(sorted: number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
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

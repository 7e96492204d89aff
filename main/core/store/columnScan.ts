import type { AssetColumns } from './assetColumns.js'

/**
 * What a search reads of the assets a background build of the text index has not indexed
 * yet (docs/scale.md, "Search"): their lower-cased texts, copied once in put order into one
 * buffer (each text followed by a 0), so that a needle is found by the runtime's own byte
 * search over tens of megabytes instead of a loop over a million assets. Texts of ASCII
 * bytes are copied from the column bytes (name and search column, lower-cased byte by
 * byte); others from their search texts and tags as strings, lower-cased and written as
 * UTF-8 (`textual`), whose bytes hold a needle's UTF-8 exactly where the text holds the
 * needle. A million assets' texts take about 65 MB, copied in a fraction of the index's time;
 * the copy is made in slices, first thing after open, and dropped once the index is whole.
 *
 * Assets whose texts cannot be copied (one holds a 0) are listed in `unsure`, for the caller
 * to match from their texts.
 */
export class ColumnScan {
  private text: Buffer
  /** (order - from) -> where the order's bytes start in text; the entry past the last copied is where the next would go. */
  private readonly starts: Float64Array
  /** (order - from) -> 1 where the order's texts were copied from strings (UTF-8), not from ASCII column bytes. */
  private readonly textual: Uint8Array
  private used = 0
  /** The next order to copy. */
  private next: number
  /** Orders, ascending, whose texts are not copied. */
  readonly unsure: number[] = []

  /**
   * Copies orders [from, limit): `orderSlot` maps an order to its slot (-1 for none);
   * `textsOf` gives a slot's lower-cased texts where its column bytes are not ASCII.
   */
  constructor(
    private readonly columns: AssetColumns,
    private readonly orderSlot: () => Int32Array,
    private readonly from: number,
    private readonly limit: number,
    private readonly textsOf: (slot: number) => readonly string[],
  ) {
    this.text = Buffer.allocUnsafe(Math.max(1 << 16, columns.lowerTextBound))
    this.starts = new Float64Array(limit - from + 1)
    this.textual = new Uint8Array(limit - from + 1)
    this.next = from
  }

  /** The copy: the texts of order o are bytes[start(o), end(o)), each ended by a 0 (none where not copied). */
  get bytes(): Uint8Array {
    return this.text
  }

  start(order: number): number {
    return this.starts[order - this.from]
  }

  end(order: number): number {
    return this.starts[order - this.from + 1]
  }

  /** Whether the order's copy is ASCII column bytes (a byte is a code unit), not UTF-8 of strings. */
  isAscii(order: number): boolean {
    return this.textual[order - this.from] === 0
  }

  /** Orders below this are copied (or listed as unsure). */
  get copied(): number {
    return this.next
  }

  /** Goes on copying until `deadline` (a performance.now() time); true once every order is copied. */
  step(deadline: number): boolean {
    const { columns, starts, from } = this
    const orderSlot = this.orderSlot()
    while (this.next < this.limit) {
      const order = this.next
      const slot = orderSlot[order]
      if (slot >= 0) {
        this.room(columns.lowerTextLength(slot))
        const to = columns.copyLowerText(slot, this.text, this.used)
        if (to >= 0) this.used = to
        else if (!this.copyTexts(this.textsOf(slot))) this.unsure.push(order)
        else this.textual[order - from] = 1
      }
      this.next++
      starts[this.next - from] = this.used
      if ((order & 255) === 0 && performance.now() > deadline) return false
    }
    return true
  }

  /** Writes `texts` as UTF-8, each ended by a 0; false (nothing kept) where one holds a 0. */
  private copyTexts(texts: readonly string[]): boolean {
    let most = 0
    for (const text of texts) {
      if (text.includes('\0')) return false
      most += 3 * text.length + 1
    }
    this.room(most)
    let at = this.used
    for (const text of texts) {
      at += this.text.write(text, at, 'utf8')
      this.text[at++] = 0
    }
    this.used = at
    return true
  }

  /** Makes room for `bytes` more past what is used. */
  private room(bytes: number): void {
    if (this.used + bytes <= this.text.length) return
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.text.length, this.used + bytes))
    this.text.copy(bigger, 0, 0, this.used)
    this.text = bigger
  }

  /**
   * The orders, ascending, in [at, copied) whose bytes include `needle` (the lower-cased
   * needle as UTF-8, without a 0). An order copied may have been put or removed since: the
   * caller checks it is still the slot's.
   */
  find(needle: Uint8Array, at: number): number[] {
    const out: number[] = []
    const { starts, from } = this
    if (at >= this.next) return out
    const end = this.used
    let pos = starts[Math.max(at, from) - from]
    // Bounded so that a hit is never in bytes past what was copied.
    const text = this.text.subarray(0, end)
    while (pos < end) {
      const hit = text.indexOf(needle, pos)
      if (hit < 0) break
      // The last order whose bytes start at or before the hit holds it (orders with none start where the next does).
      let lo = 0
      let hi = this.next - from - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1
        if (starts[mid] <= hit) lo = mid
        else hi = mid - 1
      }
      out.push(from + lo)
      pos = starts[lo + 1]
    }
    return out
  }
}

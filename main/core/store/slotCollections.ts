/**
 * The numbers of the collections holding exactly each asset slot, in typed arrays only: a
 * permission check reads `of[slot]` and, for an asset in several collections, one list in
 * `lists`, where a Map of a quarter of a million small arrays (as before) cost a few cache
 * misses a lookup at a million files (docs/scale.md, "Permission checks").
 *
 * `of[slot]`: -1 for none, the number itself for one, and for several `-(at + 2)`, `at` being
 * where the slot's list starts in `lists`: lists[at] the slot, lists[at + 1] the count, then
 * the numbers in the order the collections took the asset. A list that changes is written
 * anew at the end, and the old one is left behind until a compaction copies the lists still
 * named by their slot's `of` (the slot at the head of each list says whose it was).
 */
export class SlotCollections {
  of: Int32Array
  lists = new Int32Array(1024)
  /** The end of the last list written in `lists`. */
  private used = 0
  /** Of `used`, how much the lists still named take. */
  private live = 0

  constructor(slots: number) {
    this.of = new Int32Array(slots).fill(-1)
  }

  /** Makes room for `slots` slots, keeping what is held. */
  fit(slots: number): void {
    if (slots <= this.of.length) return
    const of = new Int32Array(slots).fill(-1, this.of.length)
    of.set(this.of)
    this.of = of
  }

  /** The numbers held for `slot`, in the order the collections took it. */
  holding(slot: number): ArrayLike<number> {
    const v = this.of[slot]
    if (v === -1) return NONE
    if (v >= 0) return [v]
    const at = -v - 2
    return this.lists.subarray(at + 2, at + 2 + this.lists[at + 1])
  }

  /** Puts `slot` in collection `n` (where it is not already). */
  add(slot: number, n: number): void {
    const v = this.of[slot]
    if (v === -1) this.of[slot] = n
    else if (v >= 0) {
      if (v !== n) this.write(slot, [v, n])
    } else {
      const held = Array.from(this.holding(slot))
      if (!held.includes(n)) this.write(slot, [...held, n])
    }
  }

  /** Takes collection `n` from `slot`; returns whether `slot` is still in any. */
  remove(slot: number, n: number): boolean {
    const v = this.of[slot]
    if (v === -1) return false
    if (v >= 0) {
      if (v === n) this.of[slot] = -1
      return v !== n
    }
    const rest = Array.from(this.holding(slot)).filter((c) => c !== n)
    if (rest.length === 1) {
      this.drop(slot)
      this.of[slot] = rest[0]
    } else if (rest.length < this.lists[-v - 1]) this.write(slot, rest)
    return true
  }

  /** Writes `numbers` (two or more) as the slot's list, at the end. */
  private write(slot: number, numbers: number[]): void {
    const size = numbers.length + 2
    // Room first: a compaction counts the slot's own list as live and moves it, so the new
    // array has room for everything it copies (the list may be most of it) and the new list.
    if (this.used + size > this.lists.length) this.makeRoom(size)
    this.drop(slot)
    const at = this.used
    this.lists[at] = slot
    this.lists[at + 1] = numbers.length
    this.lists.set(numbers, at + 2)
    this.used += size
    this.live += size
    this.of[slot] = -(at + 2)
  }

  /** Counts the slot's list, if it has one, as left behind. */
  private drop(slot: number): void {
    const v = this.of[slot]
    if (v < -1) this.live -= this.lists[-v - 1] + 2
  }

  /** Room for `size` more at the end: lists left behind are dropped first where they are most of it, else the array doubles. */
  private makeRoom(size: number): void {
    const compact = this.live * 2 <= this.used
    const length = Math.max(1024, compact ? this.live * 2 + size : (this.used + size) * 2)
    const lists = new Int32Array(length)
    if (!compact) lists.set(this.lists.subarray(0, this.used))
    else {
      let to = 0
      for (let at = 0; at < this.used; at += this.lists[at + 1] + 2) {
        const slot = this.lists[at]
        if (this.of[slot] !== -(at + 2)) continue
        const end = at + this.lists[at + 1] + 2
        lists.set(this.lists.subarray(at, end), to)
        this.of[slot] = -(to + 2)
        to = end - at + to
      }
      this.used = to
    }
    this.lists = lists
  }
}

const NONE = new Int32Array(0)

/** Whether any collection numbered in the list of `of[slot]` = `v` (several: v < -1) is marked in the bitset `viewable`. */
export function anyMarked(lists: Int32Array, v: number, viewable: Uint32Array): boolean {
  const at = -v - 2
  const end = at + 2 + lists[at + 1]
  for (let i = at + 2; i < end; i++) if (isMarked(viewable, lists[i])) return true
  return false
}

/** Whether collection `n` is marked in the bitset `bits`, a bit per collection number (one numbered since the bitset was made is not). */
export function isMarked(bits: Uint32Array, n: number): boolean {
  return n >> 5 < bits.length && ((bits[n >> 5] >>> (n & 31)) & 1) !== 0
}

import type { StringColumn } from './hotColumns.js'

/**
 * String ids numbered densely (0, 1, 2, ... in the order first seen), found again through an
 * open-addressed hash table of typed arrays. It replaces a Map<string, number> of a million
 * entries: ids loaded from a column file stay bytes in one arena and become strings only when
 * asked for, so open builds neither a string nor a map entry per record (docs/scale.md).
 * Numbers are never reused: an id keeps its number for the life of the process.
 */
export class IdIndex {
  /**
   * Open addressing, kept at most half full: pairs of (number + 1, hash), so a probe reads
   * one place (0: empty).
   */
  private table = sharedInt32(2 << 12)
  /** Number -> (start in the arena, length) of an id kept as bytes; length HELD for one kept as a string. */
  private meta = sharedInt32(2 * 1024)
  private readonly strings: (string | undefined)[] = []
  private arena = sharedBytes(1 << 16)
  private arenaUsed = 0
  private count = 0
  /** addAsciiColumn's reads ahead: a block's table entries, then where their ids' bytes start. */
  private readonly ahead = new Int32Array(BLOCK)
  /** What addAsciiColumn's reads ahead summed, kept so that they are not optimised away. */
  touched = 0

  get length(): number {
    return this.count
  }

  /** Makes room for `more` ids beyond those held, so a load of many does not rehash again and again. */
  reserve(more: number): void {
    const want = this.count + more
    if (2 * want > this.meta.length) this.growMeta(2 * want)
    // Ids are mostly uuids: room for that many bytes each.
    const bytes = this.arenaUsed + more * 40
    if (bytes > this.arena.length) {
      const bigger = sharedBytes(bytes)
      this.arena.copy(bigger, 0, 0, this.arenaUsed)
      this.arena = bigger
    }
    let size = this.table.length
    while (want * 4 > size) size *= 2
    if (size > this.table.length) this.rehash(size)
  }

  /** The number of `id`, or -1. */
  get(id: string): number {
    // As a Map would answer for a key that cannot be there (a caller's list may hold a hole).
    if (typeof id !== 'string') return -1
    const hash = idHash(id) | 0
    const table = this.table
    const mask = (table.length >> 1) - 1
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const n = table[2 * at] - 1
      if (n < 0) return -1
      if (table[2 * at + 1] === hash && this.equals(n, id)) return n
    }
  }

  /** The number of `id`, given one if it has none. */
  add(id: string): number {
    const hash = idHash(id) | 0
    const table = this.table
    const mask = (table.length >> 1) - 1
    let at = hash & mask
    for (; ; at = (at + 1) & mask) {
      const n = table[2 * at] - 1
      if (n < 0) break
      if (table[2 * at + 1] === hash && this.equals(n, id)) return n
    }
    const n = this.append(hash, at)
    this.strings[n] = id
    this.meta[2 * n + 1] = HELD
    return n
  }

  /**
   * The number of the id held in `bytes[start, end)` (ASCII: one byte a character), given one
   * if it has none; the bytes are copied into the arena, no string is made.
   */
  addAscii(bytes: Uint8Array, start: number, end: number, hash: number): number {
    hash |= 0
    const table = this.table
    const mask = (table.length >> 1) - 1
    let at = hash & mask
    for (; ; at = (at + 1) & mask) {
      const n = table[2 * at] - 1
      if (n < 0) break
      if (table[2 * at + 1] === hash && this.equalsBytes(n, bytes, start, end)) return n
    }
    const length = end - start
    if (this.arenaUsed + length > this.arena.length) {
      const bigger = sharedBytes(Math.max(this.arena.length * 2, this.arenaUsed + length))
      this.arena.copy(bigger, 0, 0, this.arenaUsed)
      this.arena = bigger
    }
    // A loop, not set(subarray()): a view object per id would be most of the garbage of an open.
    const arena = this.arena
    const to = this.arenaUsed
    for (let k = 0; k < length; k++) arena[to + k] = bytes[start + k]
    const n = this.append(hash, at)
    this.meta[2 * n] = to
    this.meta[2 * n + 1] = length
    this.arenaUsed += length
    return n
  }

  /**
   * `out[i]` = addAscii of each value `i` of a column whose every value is ASCII and hashed
   * (`hashes`), taken a block at a time: each block first reads the table place of every
   * value and then, where the hash there matches, that id's bytes, before any value is
   * added. Those reads depend on nothing before them, so their cache misses overlap, where
   * one value at a time waits for each in turn (the table and the ids are a hundred
   * megabytes at a million files; docs/scale.md, "Open").
   */
  addAsciiColumn(data: Uint8Array, starts: Uint32Array, hashes: Uint32Array, out: Int32Array): void {
    const count = out.length
    const ahead = this.ahead
    for (let from = 0; from < count; from += BLOCK) {
      const to = Math.min(from + BLOCK, count)
      const table = this.table
      const mask = (table.length >> 1) - 1
      for (let i = from; i < to; i++) {
        const at = (hashes[i] | 0) & mask
        ahead[i - from] = table[2 * at + 1] === (hashes[i] | 0) ? table[2 * at] - 1 : -1
      }
      const meta = this.meta
      for (let k = 0; k < to - from; k++) if (ahead[k] >= 0) ahead[k] = meta[2 * ahead[k]]
      const arena = this.arena
      let touched = 0
      for (let k = 0; k < to - from; k++) if (ahead[k] >= 0) touched += arena[ahead[k]]
      this.touched = touched
      for (let i = from; i < to; i++) {
        const start = starts[i]
        const end = starts[i + 1]
        out[i] = end - start > 0xffff ? this.add(Buffer.from(data.buffer, data.byteOffset + start, end - start).toString('utf8')) : this.addAscii(data, start, end, hashes[i])
      }
    }
  }

  /** The index's arrays as they are now (each is replaced when it grows), for a thread that looks ids up in them (columnReader.ts). */
  sharedArrays(): { table: SharedArrayBuffer; meta: SharedArrayBuffer; arena: SharedArrayBuffer } {
    return { table: this.table.buffer as SharedArrayBuffer, meta: this.meta.buffer as SharedArrayBuffer, arena: this.arena.buffer as SharedArrayBuffer }
  }

  /** The id numbered `n`, made a string (and kept) the first time it is asked for. */
  id(n: number): string {
    const held = this.strings[n]
    if (held !== undefined) return held
    const start = this.meta[2 * n]
    const id = this.arena.toString('latin1', start, start + this.meta[2 * n + 1])
    this.strings[n] = id
    return id
  }

  private append(hash: number, at: number): number {
    const n = this.count++
    if (2 * n + 2 > this.meta.length) this.growMeta(this.meta.length * 2)
    this.table[2 * at] = n + 1
    this.table[2 * at + 1] = hash
    // Kept at most half full, so a probe ends soon.
    if (this.count * 4 > this.table.length) this.rehash(this.table.length * 2)
    return n
  }

  private equals(n: number, id: string): boolean {
    // A string made before (or held): one comparison, and none of the bytes.
    const held = this.strings[n]
    if (held !== undefined) return held === id
    const length = this.meta[2 * n + 1]
    if (length !== id.length) return false
    const start = this.meta[2 * n]
    const arena = this.arena
    for (let k = 0; k < length; k++) if (arena[start + k] !== id.charCodeAt(k)) return false
    return true
  }

  private equalsBytes(n: number, bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start
    const held = this.meta[2 * n + 1]
    if (held === HELD) {
      const id = this.strings[n]!
      if (id.length !== length) return false
      for (let k = 0; k < length; k++) if (id.charCodeAt(k) !== bytes[start + k]) return false
      return true
    }
    if (held !== length) return false
    const arena = this.arena
    const at = this.meta[2 * n]
    for (let k = 0; k < length; k++) if (arena[at + k] !== bytes[start + k]) return false
    return true
  }

  private growMeta(size: number): void {
    const meta = sharedInt32(size)
    meta.set(this.meta)
    this.meta = meta
  }

  /** Moves every entry into a table of `size` places (pairs): hashes are kept in the table, nothing is hashed again. */
  private rehash(size: number): void {
    const old = this.table
    const table = sharedInt32(size)
    const mask = (size >> 1) - 1
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === 0) continue
      let at = old[i + 1] & mask
      while (table[2 * at] !== 0) at = (at + 1) & mask
      table[2 * at] = old[i]
      table[2 * at + 1] = old[i + 1]
    }
    this.table = table
  }
}

/** Values addAsciiColumn reads ahead for at once: enough misses to keep the memory busy, few enough to stay in cache. */
const BLOCK = 32

/**
 * The index's arrays live in shared memory, so that the thread reading column files can look
 * ids up in them while the main thread loads (columnReader.ts); only the main thread writes.
 */
function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * 4))
}

function sharedBytes(length: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(length))
}

/** In IdIndex.meta: the id is held as a string. */
const HELD = -1

/** FNV-1a over the UTF-16 code units (for an ASCII id, the same as over its bytes). */
export function idHash(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * FNV-1a over `bytes[start, end)`, or -1 when a byte is not ASCII (the id must then be
 * decoded and hashed as a string).
 */
export function asciiHash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) {
    const b = bytes[i]
    if (b > 0x7f) return -1
    h ^= b
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * The number of each record's value in a column of ids (given one when new; -1 for null):
 * ASCII ids go into the index as bytes, others as strings. The column's hashes, where it has
 * them (written with the column file, format 3), are not worked out again. `found`, for a
 * column whose ids were looked up ahead (ColumnFileReader.lookUp), holds the number of each
 * or -1 where it was not found: only those are numbered here, in the order numbering the whole
 * column gives (ids never found before get theirs in this order).
 */
export function numberColumn(index: IdIndex, column: StringColumn, found?: Int32Array): Int32Array {
  if (found !== undefined && column.kind === 'bytes' && column.hashes !== null && column.nulls === null && found.length === column.hashes.length) {
    const { data, starts, hashes } = column
    let missing = 0
    for (let i = 0; i < found.length; i++) if (found[i] < 0) missing++
    if (missing > 0) index.reserve(missing)
    for (let i = 0; i < found.length; i++) if (found[i] < 0) found[i] = index.addAscii(data, starts[i], starts[i + 1], hashes[i])
    return found
  }
  if (column.kind === 'dict') {
    const numbers = column.dict.map((id) => index.add(id))
    return column.index.map((n) => (n < 0 ? -1 : numbers[n]))
  }
  const { data, starts, nulls, hashes } = column
  const count = starts.length - 1
  const out = new Int32Array(count)
  index.reserve(count)
  if (hashes !== null && nulls === null) {
    index.addAsciiColumn(data, starts, hashes, out)
    return out
  }
  for (let i = 0; i < count; i++) {
    if (nulls !== null && nulls[i] === 1) {
      out[i] = -1
      continue
    }
    const start = starts[i]
    const end = starts[i + 1]
    const hash = end - start > 0xffff ? -1 : hashes !== null ? hashes[i] : asciiHash(data, start, end)
    out[i] = hash >= 0 ? index.addAscii(data, start, end, hash) : index.add(Buffer.from(data.buffer, data.byteOffset + start, end - start).toString('utf8'))
  }
  return out
}

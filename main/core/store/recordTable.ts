import type { Id } from '../../../shared/domain.js'
import { ownColumn, type StringColumn } from './hotColumns.js'
import { asciiHash, IdIndex } from './idIndex.js'

/** Cold records handed over as a column of ids and not numbered yet (see RecordTable.setColdLater). */
interface Unnumbered {
  ids: StringColumn
  refBase: number
  offsets: Uint32Array
  /** How many of them are numbered already. */
  done: number
}

/** Reads a record kept cold, by the handle its record log gave for it. */
export type ColdRead<T> = (ref: number) => T

/** How many cold records a table keeps parsed after they were asked for. */
export const COLD_CACHE = { size: 20_000 }

/** In `state`: no record. */
const ABSENT = 0
/** In `state`: the record is held in `held`. Any other value is a cold record's ref + 1. */
const HELD = -1

/**
 * One table's records by id, with the read side of a Map. A record is either held (put
 * since open, or loaded from a log that gives whole records) or cold: only a number the
 * record log reads it back by (docs/store.md, "Cold records"). Cold records read recently are
 * kept in a small cache.
 *
 * A table that may hold cold records numbers its ids in an IdIndex (shared with the asset
 * columns for assets) and keeps each number's state in a typed array, so a million stored
 * records cost no map entry and no string each; iteration is in number order (the order ids
 * were first seen). A table of whole records is a Map, iterated in first insertion order.
 */
export class RecordTable<T extends { id: Id }> implements Iterable<[Id, T]> {
  private readonly byId = new Map<Id, T>()
  private readonly cache = new Map<Id, T>()
  private coldCount = 0
  /** Cold tables: ids numbered, and per number ABSENT, HELD or ref + 1. */
  readonly index: IdIndex | null
  private state = new Float64Array(0)
  private readonly held = new Map<number, T>()
  private count = 0
  private unnumbered: Unnumbered[] = []

  constructor(
    private readonly readCold: ColdRead<T> | null = null,
    index?: IdIndex,
  ) {
    this.index = readCold === null ? null : (index ?? new IdIndex())
  }

  get size(): number {
    return this.index === null ? this.byId.size : this.count
  }

  /** Records kept as a handle only. */
  get cold(): number {
    return this.coldCount
  }

  has(id: Id): boolean {
    if (this.unnumbered.length > 0) this.number(Infinity)
    if (this.index === null) return this.byId.has(id)
    const n = this.index.get(id)
    return n >= 0 && n < this.state.length && this.state[n] !== ABSENT
  }

  get(id: Id): T | undefined {
    if (this.unnumbered.length > 0) this.number(Infinity)
    if (this.index === null) return this.byId.get(id)
    const n = this.index.get(id)
    if (n < 0 || n >= this.state.length) return undefined
    const state = this.state[n]
    if (state === ABSENT) return undefined
    if (state === HELD) return this.held.get(n)
    const cached = this.cache.get(id)
    if (cached !== undefined) {
      // Most recently used last, so the first entry is the one to drop.
      this.cache.delete(id)
      this.cache.set(id, cached)
      return cached
    }
    const record = this.read(state - 1)
    if (this.cache.size >= COLD_CACHE.size) this.cache.delete(this.cache.keys().next().value!)
    this.cache.set(id, record)
    return record
  }

  /** The record, read without keeping it in the cache: for a pass over many. */
  peek(id: Id): T | undefined {
    if (this.unnumbered.length > 0) this.number(Infinity)
    if (this.index === null) return this.byId.get(id)
    const n = this.index.get(id)
    return n < 0 ? undefined : this.at(n, id)
  }

  /** Whether the record is only a handle now (reading it means a read from disk). */
  isCold(id: Id): boolean {
    if (this.unnumbered.length > 0) this.number(Infinity)
    if (this.index === null) return false
    const n = this.index.get(id)
    return n >= 0 && n < this.state.length && this.state[n] > 0
  }

  set(id: Id, record: T): this {
    if (this.unnumbered.length > 0) this.number(Infinity)
    if (this.index === null) {
      this.byId.set(id, record)
      return this
    }
    const n = this.slot(this.index.add(id))
    const state = this.state[n]
    if (state === ABSENT) this.count++
    else if (state > 0) this.coldCount--
    this.state[n] = HELD
    this.held.set(n, record)
    this.cache.delete(id)
    return this
  }

  /** The record `id` is stored where `ref` says, and not held. */
  setCold(id: Id, ref: number): void {
    if (this.unnumbered.length > 0) this.number(Infinity)
    this.setColdAt(this.index!.add(id), ref)
  }

  /**
   * Many cold records at once, already numbered (in this table's index): record i is number
   * `numbers[i]`, stored at `refBase + offsets[i]`.
   */
  setColdMany(numbers: Int32Array, refBase: number, offsets: Uint32Array): void {
    for (let i = 0; i < numbers.length; i++) this.setColdAt(numbers[i], refBase + offsets[i])
  }

  /**
   * Many cold records whose ids are not numbered yet: counted now, numbered in the background
   * (numberSome) or by the first call that needs an id, so open does not hash a million ids
   * that few sessions ever look up (collection links).
   */
  setColdLater(ids: StringColumn, refBase: number, offsets: Uint32Array): void {
    // Copies: the batch's arrays are views of a buffer the record log reads the next file into.
    this.unnumbered.push({ ids: ownColumn(ids), refBase, offsets: offsets.slice(), done: 0 })
    this.count += offsets.length
    this.coldCount += offsets.length
  }

  /** Whether every id handed to setColdLater is numbered. */
  get numbered(): boolean {
    return this.unnumbered.length === 0
  }

  /** Numbers ids handed to setColdLater until `deadline` (a performance.now() time); true once all are. */
  number(deadline: number): boolean {
    const index = this.index!
    while (this.unnumbered.length > 0) {
      const batch = this.unnumbered[0]
      const { ids, offsets, refBase } = batch
      const end = Math.min(offsets.length, batch.done + 1024)
      for (let i = batch.done; i < end; i++) {
        // Counted when handed over: taken back here, and counted again as the record is set.
        this.count--
        this.coldCount--
        this.setColdAt(numberOne(index, ids, i), refBase + offsets[i])
      }
      batch.done = end
      if (end === offsets.length) this.unnumbered.shift()
      if (performance.now() > deadline) return this.unnumbered.length === 0
    }
    return true
  }

  private setColdAt(number: number, ref: number): void {
    const n = this.slot(number)
    const state = this.state[n]
    if (state === ABSENT) this.count++
    if (state <= 0) this.coldCount++
    if (state === HELD) this.held.delete(n)
    this.state[n] = ref + 1
  }

  /**
   * The stored record `id` moved to `ref`. A held record becomes cold only when it is the
   * one that was stored (`folded`): one put since then stays held.
   */
  relocate(id: Id, ref: number, folded: T | undefined): void {
    if (this.unnumbered.length > 0) this.number(Infinity)
    if (this.index === null) return
    const n = this.index.get(id)
    if (n < 0 || n >= this.state.length) return
    const state = this.state[n]
    if (state > 0) this.state[n] = ref + 1
    else if (state === HELD && folded !== undefined && this.held.get(n) === folded) {
      this.held.delete(n)
      this.state[n] = ref + 1
      this.coldCount++
    }
  }

  delete(id: Id): boolean {
    if (this.unnumbered.length > 0) this.number(Infinity)
    if (this.index === null) return this.byId.delete(id)
    const n = this.index.get(id)
    if (n < 0 || n >= this.state.length) return false
    const state = this.state[n]
    if (state === ABSENT) return false
    if (state > 0) this.coldCount--
    else this.held.delete(n)
    this.state[n] = ABSENT
    this.count--
    this.cache.delete(id)
    return true
  }

  *keys(): IterableIterator<Id> {
    if (this.unnumbered.length > 0) this.number(Infinity)
    if (this.index === null) return yield* this.byId.keys()
    for (let n = 0; n < this.state.length; n++) if (this.state[n] !== ABSENT) yield this.index.id(n)
  }

  /** Every record; cold ones are read one after another (not kept in the cache). */
  *values(): IterableIterator<T> {
    for (const [, record] of this) yield record
  }

  *[Symbol.iterator](): IterableIterator<[Id, T]> {
    if (this.unnumbered.length > 0) this.number(Infinity)
    if (this.index === null) return yield* this.byId.entries()
    for (let n = 0; n < this.state.length; n++) {
      if (this.state[n] === ABSENT) continue
      const id = this.index.id(n)
      yield [id, this.at(n, id)!]
    }
  }

  entries(): IterableIterator<[Id, T]> {
    return this[Symbol.iterator]()
  }

  forEach(fn: (record: T, id: Id) => void): void {
    for (const [id, record] of this) fn(record, id)
  }

  /** The record numbered n (`id`), cold ones read without keeping them in the cache. */
  private at(n: number, id: Id): T | undefined {
    if (n >= this.state.length) return undefined
    const state = this.state[n]
    if (state === ABSENT) return undefined
    if (state === HELD) return this.held.get(n)
    return this.cache.get(id) ?? this.read(state - 1)
  }

  /** Makes room for number n in `state`. */
  private slot(n: number): number {
    if (n >= this.state.length) {
      const bigger = new Float64Array(Math.max(1024, this.state.length * 2, n + 1))
      bigger.set(this.state)
      this.state = bigger
    }
    return n
  }

  private read(ref: number): T {
    if (this.readCold === null) throw new Error('A cold record without a reader.')
    return this.readCold(ref)
  }
}

/** The number of the id of record i of a column (given one when new). */
function numberOne(index: IdIndex, ids: StringColumn, i: number): number {
  if (ids.kind === 'dict') return index.add(ids.dict[ids.index[i]])
  const start = ids.starts[i]
  const end = ids.starts[i + 1]
  const hash = ids.hashes !== null ? ids.hashes[i] : end - start <= 0xffff ? asciiHash(ids.data, start, end) : -1
  return hash >= 0 ? index.addAscii(ids.data, start, end, hash) : index.add(Buffer.from(ids.data.buffer, ids.data.byteOffset + start, end - start).toString('utf8'))
}

import type { Id } from '../../../shared/domain.js'

/** Reads a record kept cold, by the handle its record log gave for it. */
export type ColdRead<T> = (ref: number) => T

/** How many cold records a table keeps parsed after they were asked for. */
export const COLD_CACHE = { size: 20_000 }

/**
 * One table's records by id, with the read side of a Map. A record is either held (put
 * since open, or loaded from a log that gives whole records) or cold: only a number the
 * record log reads it back by, so a million stored records cost a map entry each, not an
 * object each (docs/store.md, "Cold records"). Cold records read recently are kept in a
 * small cache. Iteration order is a Map's: first insertion of each id.
 */
export class RecordTable<T extends { id: Id }> implements Iterable<[Id, T]> {
  private readonly byId = new Map<Id, T | number>()
  private readonly cache = new Map<Id, T>()
  private coldCount = 0

  constructor(private readonly readCold: ColdRead<T> | null = null) {}

  get size(): number {
    return this.byId.size
  }

  /** Records kept as a handle only. */
  get cold(): number {
    return this.coldCount
  }

  has(id: Id): boolean {
    return this.byId.has(id)
  }

  get(id: Id): T | undefined {
    const held = this.byId.get(id)
    if (typeof held !== 'number') return held
    const cached = this.cache.get(id)
    if (cached !== undefined) {
      // Most recently used last, so the first entry is the one to drop.
      this.cache.delete(id)
      this.cache.set(id, cached)
      return cached
    }
    const record = this.read(held)
    if (this.cache.size >= COLD_CACHE.size) this.cache.delete(this.cache.keys().next().value!)
    this.cache.set(id, record)
    return record
  }

  /** The record, read without keeping it in the cache: for a pass over many. */
  peek(id: Id): T | undefined {
    const held = this.byId.get(id)
    return typeof held === 'number' ? (this.cache.get(id) ?? this.read(held)) : held
  }

  /** Whether the record is only a handle now (reading it means a read from disk). */
  isCold(id: Id): boolean {
    return typeof this.byId.get(id) === 'number'
  }

  set(id: Id, record: T): this {
    if (typeof this.byId.get(id) === 'number') this.coldCount--
    this.byId.set(id, record)
    this.cache.delete(id)
    return this
  }

  /** The record `id` is stored where `ref` says, and not held. */
  setCold(id: Id, ref: number): void {
    if (typeof this.byId.get(id) !== 'number') this.coldCount++
    this.byId.set(id, ref)
  }

  /**
   * The stored record `id` moved to `ref`. A held record becomes cold only when it is the
   * one that was stored (`folded`): one put since then stays held.
   */
  relocate(id: Id, ref: number, folded: T | undefined): void {
    const held = this.byId.get(id)
    if (held === undefined) return
    if (typeof held === 'number') this.byId.set(id, ref)
    else if (folded !== undefined && held === folded) {
      this.byId.set(id, ref)
      this.coldCount++
    }
  }

  delete(id: Id): boolean {
    const held = this.byId.get(id)
    if (held === undefined) return false
    if (typeof held === 'number') this.coldCount--
    this.cache.delete(id)
    return this.byId.delete(id)
  }

  keys(): IterableIterator<Id> {
    return this.byId.keys()
  }

  /** Every record; cold ones are read one after another (not kept in the cache). */
  *values(): IterableIterator<T> {
    for (const [id, held] of this.byId) yield typeof held === 'number' ? (this.cache.get(id) ?? this.read(held)) : held
  }

  *[Symbol.iterator](): IterableIterator<[Id, T]> {
    for (const [id, held] of this.byId) yield [id, typeof held === 'number' ? (this.cache.get(id) ?? this.read(held)) : held]
  }

  entries(): IterableIterator<[Id, T]> {
    return this[Symbol.iterator]()
  }

  forEach(fn: (record: T, id: Id) => void): void {
    for (const [id, record] of this) fn(record, id)
  }

  private read(ref: number): T {
    if (this.readCold === null) throw new Error('A cold record without a reader.')
    return this.readCold(ref)
  }
}

/** What a MultiMap holds under one key: read-only, iterable, with a size. */
export interface Members<V> extends Iterable<V> {
  readonly size: number
  has(value: V): boolean
}

const NONE: Members<never> = Object.freeze({ size: 0, has: () => false, [Symbol.iterator]: [][Symbol.iterator].bind([]) })

/** One member, handed out where the map holds the value itself (see MultiMap). */
class One<V> implements Members<V> {
  readonly size = 1
  constructor(private readonly value: V) {}
  has(value: V): boolean {
    return value === this.value
  }
  *[Symbol.iterator](): Iterator<V> {
    yield this.value
  }
}

/**
 * Map of sets: the shape of most indexes (children by folder, groups by user, ...). A key
 * with one value holds the value itself, not a set of one: most assets sit in at most one
 * collection, and a million one-member sets would cost some hundred megabytes. Values are
 * never sets themselves.
 */
export class MultiMap<K, V> {
  private readonly map = new Map<K, V | Set<V>>()

  add(key: K, value: V): void {
    const held = this.map.get(key)
    if (held === undefined) this.map.set(key, value)
    else if (held instanceof Set) held.add(value)
    else if (held !== value) this.map.set(key, new Set([held, value]))
  }

  delete(key: K, value: V): void {
    const held = this.map.get(key)
    if (held === undefined) return
    if (!(held instanceof Set)) {
      if (held === value) this.map.delete(key)
      return
    }
    held.delete(value)
    if (held.size === 1) this.map.set(key, held.values().next().value!)
  }

  get(key: K): Members<V> {
    const held = this.map.get(key)
    if (held === undefined) return NONE as Members<V>
    return held instanceof Set ? held : new One(held)
  }

  /** How many values the key holds, without handing them out. */
  count(key: K): number {
    const held = this.map.get(key)
    return held === undefined ? 0 : held instanceof Set ? held.size : 1
  }

  has(key: K, value: V): boolean {
    const held = this.map.get(key)
    return held === undefined ? false : held instanceof Set ? held.has(value) : held === value
  }

  keys(): IterableIterator<K> {
    return this.map.keys()
  }
}

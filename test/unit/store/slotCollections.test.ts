import { describe, expect, it } from 'vitest'
import { anyMarked, SlotCollections } from '../../../main/core/store/slotCollections.js'
import { Prng } from '../../bench/prng.js'

/** What SlotCollections must answer: each slot's numbers in the order they were added, by plain arrays. */
class Model {
  readonly held = new Map<number, number[]>()

  add(slot: number, n: number): void {
    const list = this.held.get(slot) ?? []
    if (!list.includes(n)) this.held.set(slot, [...list, n])
  }

  remove(slot: number, n: number): boolean {
    const rest = (this.held.get(slot) ?? []).filter((c) => c !== n)
    if (rest.length === 0) this.held.delete(slot)
    else this.held.set(slot, rest)
    return rest.length > 0
  }
}

/** A bitset with the numbers in `marked` set, as the engine keeps the collections a user can view. */
function bitset(marked: number[], size: number): Uint32Array {
  const bits = new Uint32Array((size + 31) >> 5)
  for (const n of marked) bits[n >> 5] |= 1 << (n & 31)
  return bits
}

describe('the collections holding each slot', () => {
  it('hold what a plain model holds through adds, repeats and removes, across many compactions of the lists', () => {
    const prng = new Prng(5)
    const slots = 300
    const collections = 40
    const held = new SlotCollections(16)
    held.fit(slots)
    const model = new Model()
    let compacted = 0
    for (let step = 0; step < 40_000; step++) {
      const slot = prng.int(slots)
      const n = prng.int(collections)
      const before = held.lists
      if (prng.chance(0.55)) {
        held.add(slot, n)
        model.add(slot, n)
      } else {
        expect(held.remove(slot, n), `step ${step}: slot ${slot} still held after removing ${n}`).toBe(model.remove(slot, n))
      }
      // A new, smaller array means the lists left behind were dropped.
      if (held.lists !== before && held.lists.length <= before.length) compacted++
      if (step % 397 === 0) {
        for (let s = 0; s < slots; s++) expect(Array.from(held.holding(s)), `step ${step}, slot ${s}`).toEqual(model.held.get(s) ?? [])
      }
    }
    for (let s = 0; s < slots; s++) expect(Array.from(held.holding(s)), `end, slot ${s}`).toEqual(model.held.get(s) ?? [])
    expect(compacted).toBeGreaterThan(0)
  })

  it('tell from the lists whether any collection holding a slot is marked', () => {
    const prng = new Prng(9)
    const held = new SlotCollections(64)
    const model = new Model()
    for (let i = 0; i < 2000; i++) {
      const slot = prng.int(64)
      const n = prng.int(100)
      held.add(slot, n)
      model.add(slot, n)
    }
    let several = 0
    for (let round = 0; round < 50; round++) {
      const marked = Array.from({ length: 3 }, () => prng.int(100))
      // Beyond the set's end, as for a collection numbered after the user's set was made.
      const viewable = bitset(marked, round % 2 === 0 ? 100 : 40)
      for (let slot = 0; slot < 64; slot++) {
        const v = held.of[slot]
        if (v >= -1) continue
        several++
        const want = (model.held.get(slot) ?? []).some((n) => marked.includes(n) && n < viewable.length * 32)
        expect(anyMarked(held.lists, v, viewable), `round ${round}, slot ${slot}`).toBe(want)
      }
    }
    expect(several).toBeGreaterThan(0)
  })

  it('hold one slot in thousands of collections, its list written anew on each add and moved by compactions', () => {
    const held = new SlotCollections(8)
    held.add(5, 7)
    held.add(5, 8)
    for (let n = 0; n < 3000; n++) held.add(1, n)
    expect(Array.from(held.holding(1))).toEqual(Array.from({ length: 3000 }, (_, n) => n))
    expect(Array.from(held.holding(5))).toEqual([7, 8])
    for (let n = 0; n < 3000; n += 2) held.remove(1, n)
    expect(Array.from(held.holding(1))).toEqual(Array.from({ length: 1500 }, (_, i) => 2 * i + 1))
    expect(Array.from(held.holding(5))).toEqual([7, 8])
  })

  it('keep one number in place and a list only for two or more', () => {
    const held = new SlotCollections(4)
    held.add(1, 7)
    expect(held.of[1]).toBe(7)
    held.add(1, 7)
    expect(held.of[1]).toBe(7)
    held.add(1, 3)
    expect(held.of[1]).toBeLessThan(-1)
    expect(Array.from(held.holding(1))).toEqual([7, 3])
    expect(held.remove(1, 7)).toBe(true)
    expect(held.of[1]).toBe(3)
    expect(held.remove(1, 5)).toBe(true)
    expect(held.remove(1, 3)).toBe(false)
    expect(held.of[1]).toBe(-1)
    expect(Array.from(held.holding(1))).toEqual([])
    held.fit(100)
    expect(held.of[99]).toBe(-1)
  })
})

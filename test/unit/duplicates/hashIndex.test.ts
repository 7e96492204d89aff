import { describe, expect, it } from 'vitest'
import { HashIndex } from '../../../main/core/duplicates/hashIndex.js'
import { groupLookAlikes, LOOK_ALIKE_DISTANCE } from '../../../main/core/duplicates/lookAlike.js'
import { hammingDistance } from '../../../main/core/media/perceptualHash.js'

/** A repeatable stream of 32-bit numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return (t ^ (t >>> 14)) >>> 0
  }
}

const hex = (hi: number, lo: number) => hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0')

/**
 * Families of hashes: an original and copies with 0 to 20 of its bits flipped, so that many
 * pairs lie just inside and just outside the distance, among unrelated hashes.
 */
function hashes(count: number, seed: number): string[] {
  const next = random(seed)
  const out: string[] = []
  while (out.length < count) {
    let hi = next()
    let lo = next()
    out.push(hex(hi, lo))
    const copies = next() % 6
    for (let c = 0; c < copies && out.length < count; c++) {
      const flipped = next() % 21
      for (let f = 0; f < flipped; f++) {
        const bit = next() % 64
        if (bit < 32) hi = (hi ^ (1 << bit)) >>> 0
        else lo = (lo ^ (1 << (bit - 32))) >>> 0
      }
      out.push(hex(hi, lo))
    }
  }
  return out
}

function allPairsWithin(list: string[], d: number): string[] {
  const pairs: string[] = []
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (hammingDistance(list[i], list[j]) <= d) pairs.push(`${i}-${j}`)
  return pairs
}

describe('the look-alike index', () => {
  it.each([LOOK_ALIKE_DISTANCE, 4, 20])('finds exactly the pairs that comparing every pair finds, within %i bits', (d) => {
    const list = hashes(2000, 7 + d)
    const found: string[] = []
    new HashIndex(list).eachPairWithin(d, (i, j) => found.push(`${i}-${j}`))
    const expected = allPairsWithin(list, d)
    // Many pairs near the edge, so that a missed or extra one would show.
    expect(expected.length).toBeGreaterThan(200)
    expect(found.sort()).toEqual(expected.sort())
  }, 120_000)

  it('groups 50,000 pictures the way comparing every pair would, checked on a sample', () => {
    const list = hashes(50_000, 99)
    const pictures = new Map(list.map((h, i) => [`content-${i}`, h]))
    const groups = groupLookAlikes(pictures)
    const groupOf = new Map<string, number>()
    groups.forEach((g, n) => g.forEach((k) => groupOf.set(k, n)))
    // Every pair within the distance among the first 3,000 shares a group.
    const sample = list.slice(0, 1500)
    for (const pair of allPairsWithin(sample, LOOK_ALIKE_DISTANCE)) {
      const [i, j] = pair.split('-')
      expect(groupOf.get(`content-${i}`)).toBeDefined()
      expect(groupOf.get(`content-${i}`)).toBe(groupOf.get(`content-${j}`))
    }
  }, 120_000)
})

import { HashIndex } from './hashIndex.js'

/**
 * Two pictures whose perceptual hashes differ in at most this many of their 64 bits look the
 * same. On generated families (test/unit/duplicates/threshold.test.ts), resized, re-encoded
 * and format-converted copies differ from their original in at most 2 bits and copies cropped
 * by 3% on each side in at most 12, while different pictures differ in 18 or more (32 on
 * average): 14 keeps a margin on both sides (docs/media.md).
 */
export const LOOK_ALIKE_DISTANCE = 14

/**
 * Groups content hashes whose pictures look alike: any two within the distance are joined,
 * and groups are the connected sets (a chain of small crops stays one group). The pairs come
 * from a multi-index (hashIndex.ts), not from comparing every pair, so a library of a hundred
 * thousand pictures is grouped in seconds rather than in many minutes.
 */
export function groupLookAlikes(pictures: Map<string, string>, maxDistance = LOOK_ALIKE_DISTANCE): string[][] {
  const keys = [...pictures.keys()]
  const index = new HashIndex(keys.map((k) => pictures.get(k)!))
  const parent = keys.map((_, i) => i)
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]]
    return i
  }
  index.eachPairWithin(maxDistance, (i, j) => {
    parent[root(i)] = root(j)
  })
  const groups = new Map<number, string[]>()
  keys.forEach((key, i) => {
    const r = root(i)
    const group = groups.get(r)
    if (group) group.push(key)
    else groups.set(r, [key])
  })
  return [...groups.values()].filter((g) => g.length > 1)
}

/**
 * Finds the pairs of 64-bit perceptual hashes within a Hamming distance without comparing every
 * pair (multi-index hashing). The 64 bits are cut into five bands (13, 13, 13, 13 and 12
 * bits). Two hashes within distance d differ in at most ⌊d/5⌋ bits in at least one band (were
 * every band ⌊d/5⌋+1 or more apart, the whole would be more than d apart), so each hash
 * looks up, in each band's table, the values within ⌊d/5⌋ bits of its own band, and only
 * the hashes found there are compared in full. At the look-alike distance, 14, that is 92
 * look-ups per band, and about 6% of unrelated pictures come up as candidates instead of
 * 100%; every pair within the distance is found, as the test against comparing all pairs checks.
 */

const BANDS = [
  [0, 13],
  [13, 13],
  [26, 13],
  [39, 13],
  [52, 12],
] as const

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** Every value of `bits` bits with at most `radius` bits set: what a band's value is XORed with. */
function flips(bits: number, radius: number): number[] {
  const out = [0]
  const extend = (from: number, value: number, left: number) => {
    for (let b = from; b < bits; b++) {
      out.push(value | (1 << b))
      if (left > 1) extend(b + 1, value | (1 << b), left - 1)
    }
  }
  if (radius > 0) extend(0, 0, radius)
  return out
}

export class HashIndex {
  private readonly hi: Uint32Array
  private readonly lo: Uint32Array
  private readonly bands: number[][]
  private readonly tables: Map<number, number[]>[]

  /** `hashes`: 16 hex digits each. */
  constructor(hashes: string[]) {
    this.hi = new Uint32Array(hashes.length)
    this.lo = new Uint32Array(hashes.length)
    this.bands = BANDS.map(() => new Array<number>(hashes.length))
    this.tables = BANDS.map(() => new Map())
    hashes.forEach((hash, i) => {
      const value = BigInt(`0x${hash}`)
      this.hi[i] = Number(value >> 32n)
      this.lo[i] = Number(value & 0xffffffffn)
      BANDS.forEach(([start, bits], b) => {
        const band = Number((value >> BigInt(start)) & ((1n << BigInt(bits)) - 1n))
        this.bands[b][i] = band
        const table = this.tables[b]
        const list = table.get(band)
        if (list) list.push(i)
        else table.set(band, [i])
      })
    })
  }

  get size(): number {
    return this.hi.length
  }

  distance(i: number, j: number): number {
    return popcount32(this.hi[i] ^ this.hi[j]) + popcount32(this.lo[i] ^ this.lo[j])
  }

  /** Calls `found(i, j)` once for every pair i < j within `maxDistance`. */
  eachPairWithin(maxDistance: number, found: (i: number, j: number) => void): void {
    const radius = Math.floor(maxDistance / BANDS.length)
    const masks = BANDS.map(([, bits]) => flips(bits, radius))
    // Which query last saw each hash: a candidate from several bands is compared once.
    const seen = new Int32Array(this.size).fill(-1)
    for (let i = 0; i < this.size; i++) {
      for (let b = 0; b < BANDS.length; b++) {
        const own = this.bands[b][i]
        const table = this.tables[b]
        for (const mask of masks[b]) {
          const list = table.get(own ^ mask)
          if (!list) continue
          for (const j of list) {
            if (j <= i || seen[j] === i) continue
            seen[j] = i
            if (this.distance(i, j) <= maxDistance) found(i, j)
          }
        }
      }
    }
  }
}

import fs from 'node:fs'
import path from 'node:path'

/** Side of the grey grid the transform is taken of. */
const GRID = 32
/** Low frequencies kept: 8×8 coefficients, 64 bits. */
const KEPT = 8

const COSINES = (() => {
  const table = new Float64Array(KEPT * GRID)
  for (let u = 0; u < KEPT; u++) for (let x = 0; x < GRID; x++) table[u * GRID + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * GRID))
  return table
})()

/**
 * A perceptual hash (pHash, 64 bits): the picture averaged down to a 32×32 grey grid, its
 * discrete cosine transform, and one bit per low-frequency coefficient (the 8×8 corner)
 * saying whether it is above their median. It describes the picture's broad structure, which
 * resizing and re-encoding leave alone and a small crop shifts a little; a different picture
 * differs in about half the bits. dHash (brightness gradients on a 9×8 grid) was measured
 * too and moved by up to 9 bits on a plain resize, against 2 for this (docs/media.md).
 * Computed from the pixels the grid thumbnail is made from, for a fraction of its time.
 */
export function perceptualHash(pixels: Buffer, width: number, height: number, channels: number): string {
  const sums = new Uint32Array(GRID * GRID)
  const counts = new Uint32Array(GRID * GRID)
  const column = new Uint16Array(width)
  for (let x = 0; x < width; x++) column[x] = Math.min(GRID - 1, Math.floor((x * GRID) / width))
  const colour = channels >= 3
  for (let y = 0; y < height; y++) {
    const row = Math.min(GRID - 1, Math.floor((y * GRID) / height)) * GRID
    let at = y * width * channels
    for (let x = 0; x < width; x++, at += channels) {
      // Rec. 601 luma in integers (weights ×256); a grey picture has one channel (two with alpha).
      sums[row + column[x]] += colour ? 77 * pixels[at] + 150 * pixels[at + 1] + 29 * pixels[at + 2] : pixels[at] << 8
      counts[row + column[x]]++
    }
  }
  const grey = new Float64Array(GRID * GRID)
  for (let i = 0; i < grey.length; i++) grey[i] = sums[i] / (counts[i] || 1)
  // Separable 2-D DCT-II, only the frequencies kept: rows first, then columns.
  const rows = new Float64Array(GRID * KEPT)
  for (let y = 0; y < GRID; y++) {
    for (let v = 0; v < KEPT; v++) {
      let sum = 0
      for (let x = 0; x < GRID; x++) sum += grey[y * GRID + x] * COSINES[v * GRID + x]
      rows[y * KEPT + v] = sum
    }
  }
  const coefficients = new Float64Array(KEPT * KEPT)
  for (let u = 0; u < KEPT; u++) {
    for (let v = 0; v < KEPT; v++) {
      let sum = 0
      for (let y = 0; y < GRID; y++) sum += rows[y * KEPT + v] * COSINES[u * GRID + y]
      coefficients[u * KEPT + v] = sum
    }
  }
  // The median leaves out the first coefficient, the mean brightness, which dwarfs the rest.
  const median = [...coefficients.subarray(1)].sort((a, b) => a - b)[31]
  let hex = ''
  for (let i = 0; i < 64; i += 8) {
    let byte = 0
    for (let j = 0; j < 8; j++) byte = (byte << 1) | (coefficients[i + j] > median ? 1 : 0)
    hex += byte.toString(16).padStart(2, '0')
  }
  return hex
}

const POPCOUNT = new Uint8Array(256).map((_, i) => {
  let n = 0
  for (let v = i; v; v >>= 1) n += v & 1
  return n
})

/** Bits in which two hashes differ (0–64). */
export function hammingDistance(a: string, b: string): number {
  let distance = 0
  for (let i = 0; i < 16; i += 2) distance += POPCOUNT[parseInt(a.slice(i, i + 2), 16) ^ parseInt(b.slice(i, i + 2), 16)]
  return distance
}

/**
 * The hashes by content hash, kept in the library's `cache/` (rebuilt with the thumbnails
 * when that folder is deleted) as an append-only file of `contentHash pHash` lines, read once.
 */
export class PerceptualHashes {
  private readonly file: string
  private loaded: Map<string, string> | null = null

  constructor(libraryDir: string) {
    this.file = path.join(libraryDir, 'cache', 'phash.log')
  }

  private all(): Map<string, string> {
    if (this.loaded) return this.loaded
    const map = new Map<string, string>()
    let text = ''
    try {
      text = fs.readFileSync(this.file, 'utf8')
    } catch {
      // No hashes yet.
    }
    // A crash mid-line leaves no newline: the next line must not be glued onto the torn one.
    if (text.length && !text.endsWith('\n')) fs.appendFileSync(this.file, '\n')
    for (const line of text.split('\n')) {
      const [content, hash] = line.split(' ')
      // A line cut short by a crash is dropped; its thumbnail's next making writes it again.
      if (content?.length === 64 && /^[0-9a-f]{16}$/.test(hash ?? '')) map.set(content, hash)
    }
    this.loaded = map
    return map
  }

  get(contentHash: string): string | undefined {
    return this.all().get(contentHash)
  }

  set(contentHash: string, hash: string): void {
    const map = this.all()
    if (map.get(contentHash) === hash) return
    map.set(contentHash, hash)
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    fs.appendFileSync(this.file, `${contentHash} ${hash}\n`)
  }
}

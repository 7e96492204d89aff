import fs from 'node:fs'
import path from 'node:path'

/**
 * Perceptual hashes (dHash, 64 bits): the picture averaged down to 9×8 grey cells, one bit
 * per cell saying whether it is brighter than its right-hand neighbour. Resizing, re-encoding
 * and small crops move few bits; a different picture differs in about half. Computed from the
 * pixels the thumbnail is made from, so it costs a few hundred microseconds on top of it
 * (docs/media.md has the threshold and the figures behind it).
 */
export function dHash(pixels: Buffer, width: number, height: number, channels: number): string {
  const cols = 9
  const rows = 8
  const grey = new Float64Array(cols * rows)
  const counts = new Uint32Array(cols * rows)
  const colour = Math.min(channels, 3)
  for (let y = 0; y < height; y++) {
    const cy = Math.min(rows - 1, Math.floor((y * rows) / height))
    for (let x = 0; x < width; x++) {
      const cx = Math.min(cols - 1, Math.floor((x * cols) / width))
      const at = (y * width + x) * channels
      // Rec. 601 luma; a grey picture has one channel (two with alpha).
      const luma = colour === 3 ? 0.299 * pixels[at] + 0.587 * pixels[at + 1] + 0.114 * pixels[at + 2] : pixels[at]
      grey[cy * cols + cx] += luma
      counts[cy * cols + cx]++
    }
  }
  for (let i = 0; i < grey.length; i++) grey[i] /= counts[i] || 1
  let hex = ''
  for (let y = 0; y < rows; y++) {
    let byte = 0
    for (let x = 0; x < 8; x++) byte = (byte << 1) | (grey[y * cols + x] > grey[y * cols + x + 1] ? 1 : 0)
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
 * when that folder is deleted) as an append-only file of `contentHash dHash` lines, read once.
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

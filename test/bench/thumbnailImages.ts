/**
 * Camera-like test photos for the thumbnail figures: 3000×2000 JPEGs at quality 85, each
 * different, with smooth colour fields (sky, skin), hard-edged shapes (things to crop around)
 * and sensor-like grain, so that they decode and compress like photos (1–3 MB each) rather
 * than like flat test cards, which decode unrealistically fast. A quarter carry EXIF
 * orientation 6 (a camera held upright), so `.rotate()` has real work to do.
 *
 * The pixels are drawn in plain JavaScript into one raw buffer and sharp only encodes them:
 * sharp's own noise generator and SVG compositing took over a second a photo, which for 200
 * photos would make the setup longer than the measurement.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { Prng } from './prng.js'

export const PHOTO_WIDTH = 3000
export const PHOTO_HEIGHT = 2000

export interface Photos {
  files: string[]
  bytes: number
}

/** Writes `count` photos into `dir` (created); the same seed gives the same files. */
export async function generatePhotos(dir: string, count: number, seed: number): Promise<Photos> {
  fs.mkdirSync(dir, { recursive: true })
  const files = Array.from({ length: count }, (_, i) => path.join(dir, `IMG_${String(i + 1).padStart(4, '0')}.jpg`))
  // Drawing is synchronous, encoding runs on sharp's threads: two lanes overlap the two.
  await eachAtOnce(files, os.availableParallelism(), async (file, i) => {
    const rng = new Prng(seed + i * 7919)
    // Every photo has EXIF and an sRGB profile, as a camera's or phone's does (withExif alone
    // would lose the Orientation tag: sharp writes it from this option).
    await sharp(drawPhoto(rng), { raw: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3 } })
      .withMetadata({ orientation: i % 4 === 3 ? 6 : 1 })
      .jpeg({ quality: 85 })
      .toFile(file)
  })
  return { files, bytes: files.reduce((n, f) => n + fs.statSync(f).size, 0) }
}

function drawPhoto(rng: Prng): Buffer {
  const W = PHOTO_WIDTH
  const H = PHOTO_HEIGHT
  const px = Buffer.alloc(W * H * 3)
  // Colour fields: a coarse grid of random colours, interpolated bilinearly.
  const gw = rng.between(3, 7)
  const gh = rng.between(2, 5)
  const grid = Array.from({ length: (gw + 1) * (gh + 1) * 3 }, () => rng.int(256))
  const cellOf = new Int32Array(W)
  const along = new Float64Array(W)
  for (let x = 0; x < W; x++) {
    cellOf[x] = Math.floor((x / W) * gw) * 3
    along[x] = (x / W) * gw - Math.floor((x / W) * gw)
  }
  const row = new Float64Array((gw + 1) * 3)
  for (let y = 0; y < H; y++) {
    // This row's colours at the grid's columns, then across the row between them.
    const y0 = Math.floor((y / H) * gh)
    const fy = (y / H) * gh - y0
    for (let k = 0; k < row.length; k++) row[k] = grid[y0 * row.length + k] + (grid[(y0 + 1) * row.length + k] - grid[y0 * row.length + k]) * fy
    for (let x = 0, o = y * W * 3; x < W; x++, o += 3) {
      const a = cellOf[x]
      const f = along[x]
      px[o] = row[a] + (row[a + 3] - row[a]) * f
      px[o + 1] = row[a + 1] + (row[a + 4] - row[a + 1]) * f
      px[o + 2] = row[a + 2] + (row[a + 5] - row[a + 2]) * f
    }
  }
  // Shapes: ellipses and rectangles with hard edges, and a few rows of thin stripes (fine detail).
  const fill = (x0: number, x1: number, y: number, r: number, g: number, b: number) => {
    if (y < 0 || y >= H) return
    for (let x = Math.max(0, x0); x < Math.min(W, x1); x++) {
      const o = (y * W + x) * 3
      px[o] = r
      px[o + 1] = g
      px[o + 2] = b
    }
  }
  for (let n = rng.between(12, 30); n > 0; n--) {
    const [cx, cy, r, g, b] = [rng.int(W), rng.int(H), rng.int(256), rng.int(256), rng.int(256)]
    const [rx, ry] = [rng.between(20, 400), rng.between(20, 400)]
    const ellipse = rng.chance(0.5)
    for (let dy = -ry; dy <= ry; dy++) {
      const half = ellipse ? Math.round(rx * Math.sqrt(1 - (dy / ry) ** 2)) : rx
      fill(cx - half, cx + half, cy + dy, r, g, b)
    }
  }
  for (let n = rng.between(0, 3); n > 0; n--) {
    const [x, y] = [rng.int(W - 400), rng.int(H - 300)]
    for (let k = 0; k < 20; k++) {
      const [r, g, b] = [rng.int(256), rng.int(256), rng.int(256)]
      for (let dy = 0; dy < 300; dy++) fill(x + k * 20, x + k * 20 + 8, y + dy, r, g, b)
    }
  }
  // Grain: triangular noise from a xorshift generator, its strength varying per photo (a sunny
  // day or a dim room); it is what makes the files 1–3 MB, as a camera's are.
  let s = rng.next() | 1
  const shift = rng.between(2, 3)
  for (let i = 0; i < px.length; i++) {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    const v = px[i] + (((s & 255) + ((s >>> 8) & 255) - 255) >> shift)
    px[i] = v < 0 ? 0 : v > 255 ? 255 : v
  }
  return px
}

/** Runs `work` over `items` with at most `limit` at once; resolves when all are done. */
export async function eachAtOnce<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      await work(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

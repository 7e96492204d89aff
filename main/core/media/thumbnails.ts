import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import type { FocusArea } from '../../../shared/domain.js'

export type RenditionKind = 'thumb' | 'preview'

/** Long side of each rendition: a grid tile, and a detail view that is sharp on a large screen. */
export const RENDITION_SIZE: Record<RenditionKind, number> = { thumb: 256, preview: 1600 }

/**
 * Effort 2: at 256 px WebP's slower searches save about 5% of a 4 KB file but cost about 8%
 * of a thumbnail's CPU (`npm run bench -- media`); decoding the JPEG is most of the rest.
 */
export const THUMB_WEBP = { quality: 78, effort: 2 } as const

/**
 * Formats sharp reads; other files are shown with an icon by type. HEIC is tried too: it
 * decodes where libheif has an HEVC decoder, and elsewhere the preview says why it failed.
 */
const READABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'image/tiff', 'image/svg+xml', 'image/heif', 'image/heic'])
export function hasRendition(mime: string): boolean {
  return READABLE.has(mime)
}

/**
 * Renditions under the library's `cache/` (safe to delete: rebuilt on demand). At most one
 * per core is made at a time; asking twice for the same one waits for the first; a file sharp
 * cannot read is remembered, so it is not retried on every request.
 */
export class Renditions {
  private readonly dir: string
  private readonly inFlight = new Map<string, Promise<string>>()
  private readonly unreadable = new Map<string, string>()
  private readonly waiting: (() => void)[] = []
  private active = 0

  constructor(
    libraryDir: string,
    private readonly blobPath: (hash: string) => string,
    private readonly concurrency = Math.max(1, os.availableParallelism()),
  ) {
    this.dir = path.join(libraryDir, 'cache', 'renditions')
  }

  /** Why this content has no rendition, if sharp could not read it. */
  failure(hash: string): string | undefined {
    return this.unreadable.get(hash)
  }

  /** The cached file for this content, kind and focus area, made first if missing. */
  async ensure(hash: string, kind: RenditionKind, focus: FocusArea | null): Promise<string> {
    const key = `${hash}-${kind}${focus ? `-${focusKey(focus)}` : ''}`
    const file = path.join(this.dir, hash.slice(0, 2), `${key}.webp`)
    const known = this.unreadable.get(hash)
    if (known) throw new Error(known)
    if (fs.existsSync(file)) return file
    const running = this.inFlight.get(key)
    if (running) return running
    const made = this.slot(() => this.make(hash, kind, focus, file)).finally(() => this.inFlight.delete(key))
    this.inFlight.set(key, made)
    return made
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.active++
    try {
      return await work()
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }

  private async make(hash: string, kind: RenditionKind, focus: FocusArea | null, file: string): Promise<string> {
    const size = RENDITION_SIZE[kind]
    let output: Buffer
    try {
      // Orientation first, so crops and focus areas are in the picture as people see it.
      const oriented = sharp(this.blobPath(hash), { animated: false, limitInputPixels: 268_402_689 }).rotate()
      if (kind === 'preview') {
        output = await oriented.resize(size, size, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 82 }).toBuffer()
      } else if (focus) {
        // Scaled down first, short side to the tile's size, so a JPEG is decoded at a fraction
        // of its size (an extract before the resize would decode it whole, at 3× the CPU);
        // the square around the focus area is then cut from the small picture.
        const { data, info } = await oriented.resize(size, size, { fit: 'outside' }).raw().toBuffer({ resolveWithObject: true })
        const box = squareAround(focus, info.width, info.height)
        output = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
          .extract(box)
          .resize(size, size, { fit: 'cover' })
          .webp(THUMB_WEBP)
          .toBuffer()
      } else {
        output = await oriented.resize(size, size, { fit: 'cover', position: sharp.strategy.attention }).webp(THUMB_WEBP).toBuffer()
      }
    } catch (error) {
      const reason = `This file could not be read as an image (${(error as Error).message.split('\n')[0]}).`
      this.unreadable.set(hash, reason)
      throw new Error(reason)
    }
    await fsp.mkdir(path.dirname(file), { recursive: true })
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    await fsp.writeFile(tmp, output)
    await fsp.rename(tmp, file)
    return file
  }
}

function focusKey(f: FocusArea): string {
  return [f.x, f.y, f.width, f.height].map((n) => Math.round(n * 10000)).join('_')
}

/** The largest square centred on the focus area's centre that fits the image (and holds the area where it can). */
export function squareAround(focus: FocusArea, width: number, height: number): { left: number; top: number; width: number; height: number } {
  const side = Math.min(width, height)
  const cx = (focus.x + focus.width / 2) * width
  const cy = (focus.y + focus.height / 2) * height
  const left = Math.round(Math.min(Math.max(cx - side / 2, 0), width - side))
  const top = Math.round(Math.min(Math.max(cy - side / 2, 0), height - side))
  return { left, top, width: side, height: side }
}

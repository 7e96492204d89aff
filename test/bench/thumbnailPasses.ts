/**
 * The two sides of the thumbnail comparison, each one timed pass over every photo:
 * the app (`openRendition`, as the protocol and HTTP routes call it, over the library's own
 * `Renditions`), and plain sharp running the same pipeline on the same blob files with
 * nothing around it. Each pass first removes what the previous one wrote (untimed), so
 * every timed pass really decodes and encodes every photo.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { openRendition, type Library, type Session } from '../../main/core/index.js'
import { RENDITION_SIZE, THUMB_WEBP } from '../../main/core/media/thumbnails.js'
import { eachAtOnce } from './thumbnailImages.js'

/** As many at once as the app's Renditions allows (one per core), so both sides use the cores alike. */
export const AT_ONCE = Math.max(1, os.availableParallelism())

export interface Photo {
  fileId: string
  name: string
  hash: string
  /** The blob file the app reads: plain sharp reads the very same bytes (and page-cache pages). */
  blob: string
}

export interface Pass {
  name: string
  /** Removes the previous pass's output; not timed. */
  clear(): void
  run(): Promise<void>
  /** Files the last pass wrote: checked after it, so a pass that made nothing cannot look fast. */
  made(): number
}

/** sharp's `position`: a strategy constant (attention, entropy) or a gravity name ('centre'). */
export type Position = number | string

/** The app's 'thumb' pipeline with no focus area (thumbnails.ts `make`): orient, cover crop, WebP. */
export function plainPass(name: string, photos: Photo[], outDir: string, position: Position): Pass {
  const size = RENDITION_SIZE.thumb
  return {
    name,
    clear() {
      fs.rmSync(outDir, { recursive: true, force: true })
      fs.mkdirSync(outDir, { recursive: true })
    },
    run: () =>
      eachAtOnce(photos, AT_ONCE, (p, i) =>
        sharp(p.blob).rotate().resize(size, size, { fit: 'cover', position }).webp(THUMB_WEBP).toFile(path.join(outDir, `${i}.webp`)),
      ),
    made: () => fs.readdirSync(outDir).length,
  }
}

/**
 * Every photo's thumbnail asked for at once, as a grid full of new photos asks for them;
 * Renditions itself bounds how many are made at a time. The streams opened for the
 * response are closed unread: the figure is thumbnails made, not bytes sent.
 */
export function appPass(library: Library, session: Session, photos: Photo[], options: { name?: string; perceptualHashing?: boolean } = {}): Pass {
  const cache = path.join(library.dir, 'cache', 'renditions')
  return {
    name: options.name ?? 'app',
    clear: () => fs.rmSync(cache, { recursive: true, force: true }),
    async run() {
      // Off only for the pass that measures what the perceptual hash adds to a thumbnail.
      library.core.renditions.perceptualHashing = options.perceptualHashing ?? true
      try {
        const opened = await Promise.all(photos.map((p) => openRendition(library.core, session, p.fileId, 'thumb')))
        // A stream opens its file lazily: the next pass's clear may remove it first, which is no failure here.
        for (const o of opened) o.stream.on('error', () => undefined).destroy()
      } finally {
        library.core.renditions.perceptualHashing = true
      }
    },
    made: () => (fs.existsSync(cache) ? fs.readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith('.webp')).length : 0),
  }
}

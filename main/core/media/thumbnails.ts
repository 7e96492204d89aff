import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp, { type Sharp } from 'sharp'
import type { FocusArea } from '../../../shared/domain.js'
import { renditionSource, type RenditionSource } from '../../../shared/mediaKinds.js'
import { EMBEDDED_BYTES, readEmbedded } from './embedded.js'
import { perceptualHash, PerceptualHashes } from './perceptualHash.js'
import { pdfInfo, renderPdfPage } from './pdf.js'
import { largestEmbeddedJpeg } from './rawPreview.js'
import { posterFrame, probeVideo } from './video.js'

export type RenditionKind = 'thumb' | 'preview'

/** Long side of each rendition: a grid tile, and a detail view that is sharp on a large screen. */
export const RENDITION_SIZE: Record<RenditionKind, number> = { thumb: 256, preview: 1600 }

/**
 * Effort 2: at 256 px WebP's slower searches save about 5% of a 4 KB file but cost about 8%
 * of a thumbnail's CPU (`npm run bench -- media`); decoding the JPEG is most of the rest.
 */
export const THUMB_WEBP = { quality: 78, effort: 2 } as const

/**
 * The long side a PDF's first page is drawn at for each rendition, at most. The thumbnail's
 * square of 256 px is cut from the page's short side, so its page is drawn with that side at
 * 256 (`renderPdfPage`'s `shortSide`): no pixel is drawn only to be scaled away. 640 keeps
 * pages up to 2.5 times as long as they are wide from being enlarged; the preview is drawn at
 * its own size.
 */
export const PDF_RENDER: Record<RenditionKind, number> = { thumb: 640, preview: RENDITION_SIZE.preview }

/** Which files have renditions, and from what (shared/mediaKinds.ts). */
export { hasRendition } from '../../../shared/mediaKinds.js'

/** What the caller knows of the content, so that a video is not probed again for its length. */
export interface SourceHint {
  mime: string
  durationSec?: number
}

const UNREADABLE: Record<RenditionSource, string> = {
  image: 'This file could not be read as an image',
  video: 'No frame could be taken from this video',
  pdf: 'No page could be drawn from this PDF',
  raw: 'This RAW file holds no preview that could be read',
}

/**
 * Renditions under the library's `cache/` (safe to delete: rebuilt on demand). At most one
 * per core is made at a time; asking twice for the same one waits for the first; a file that
 * cannot be read is remembered, so it is not retried on every request. A video, PDF or RAW
 * file is first turned into a picture (its `source`: poster frame, first page, embedded
 * preview), cached beside its renditions so that the thumbnail and the preview share it.
 * Making a grid thumbnail also records the picture's perceptual hash (`hashes`).
 */
export class Renditions {
  private readonly dir: string
  private readonly inFlight = new Map<string, Promise<string>>()
  private readonly unreadable = new Map<string, string>()
  private readonly waiting: (() => void)[] = []
  private readonly sources = new Map<string, Promise<string>>()
  private readonly pageCounts = new Map<string, number>()
  private active = 0
  private closed = false
  readonly hashes: PerceptualHashes
  /** Off only for the benchmark that measures what the hashing costs. */
  perceptualHashing = true

  constructor(
    libraryDir: string,
    private readonly blobFile: (hash: string) => Promise<string>,
    private readonly concurrency = Math.max(1, os.availableParallelism()),
  ) {
    this.dir = path.join(libraryDir, 'cache', 'renditions')
    this.hashes = new PerceptualHashes(libraryDir)
  }

  /** Why this content has no rendition, if sharp could not read it. */
  failure(hash: string): string | undefined {
    return this.unreadable.get(hash)
  }

  /** The cached file for this content, kind and focus area, made first if missing. */
  async ensure(hash: string, kind: RenditionKind, focus: FocusArea | null, hint: SourceHint = { mime: 'image/jpeg' }): Promise<string> {
    const key = `${hash}-${kind}${focus ? `-${focusKey(focus)}` : ''}`
    return this.cached(hash, key, (file) => this.make(hash, kind, focus, file, hint))
  }

  /**
   * The cached `<key>.webp` of this content: the file when made already, else the one making
   * of it in flight (two asks draw it once), in a slot of the pool; a content known to be
   * unreadable fails at once.
   */
  private async cached(hash: string, key: string, make: (file: string) => Promise<string>): Promise<string> {
    const file = path.join(this.dir, hash.slice(0, 2), `${key}.webp`)
    const known = this.unreadable.get(hash)
    if (known) throw new Error(known)
    if (fs.existsSync(file)) return file
    if (this.closed) throw new Error('The library is closed.')
    const running = this.inFlight.get(key)
    if (running) return running
    const made = this.slot(() => make(file)).finally(() => this.inFlight.delete(key))
    this.inFlight.set(key, made)
    return made
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve))
    if (this.closed) throw new Error('The library is closed.')
    this.active++
    try {
      return await work()
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }

  private async make(hash: string, kind: RenditionKind, focus: FocusArea | null, file: string, hint: SourceHint): Promise<string> {
    const size = RENDITION_SIZE[kind]
    const from = renditionSource(hint.mime) ?? 'image'
    let output: Buffer
    try {
      if (from === 'pdf' && kind === 'thumb') output = await this.pdfThumb(hash, size, focus)
      else output = await this.picture(hash, from, kind, size, focus, hint)
    } catch (error) {
      const reason = `${UNREADABLE[from]} (${(error as Error).message.split('\n')[0]}).`
      this.unreadable.set(hash, reason)
      throw new Error(reason)
    }
    await writeAtomically(file, output)
    return file
  }

  /** An image's rendition, or a video's, RAW file's or PDF preview's, from its picture. */
  private async picture(hash: string, from: RenditionSource, kind: RenditionKind, size: number, focus: FocusArea | null, hint: SourceHint): Promise<Buffer> {
    // Orientation first, so crops and focus areas are in the picture as people see it.
    const oriented = (await this.pictureOf(hash, from, kind, hint)).rotate()
    if (kind === 'preview') {
      return oriented.resize(size, size, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 82 }).toBuffer()
    }
    if (focus || this.perceptualHashing) {
      // Scaled down first, short side to the tile's size, so a JPEG is decoded at a fraction
      // of its size (an extract before the resize would decode it whole, at 3× the CPU);
      // the square (around the focus area, or where the attention crop puts it) is then
      // cut from the small picture, whose whole frame also gives the perceptual hash.
      const { data, info } = await oriented.resize(size, size, { fit: 'outside' }).raw().toBuffer({ resolveWithObject: true })
      if (this.perceptualHashing) this.hashes.set(hash, perceptualHash(data, info.width, info.height, info.channels))
      const small = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
      return tileSquare(small, focus, info.width, info.height, size, sharp.strategy.attention).webp(THUMB_WEBP).toBuffer()
    }
    return oriented.resize(size, size, { fit: 'cover', position: sharp.strategy.attention }).webp(THUMB_WEBP).toBuffer()
  }

  /**
   * A PDF's grid thumbnail: the first page drawn with its short side at the tile's size, so
   * that it is the small picture itself (perceptual hash from its pixels, no scaling pass),
   * and the square cut from its top, where a document's title and first lines are, or around
   * its focus area. The attention crop that pictures get looked for salient regions in a page
   * of text for 4–8 ms a page, more than drawing the page (docs/media.md, "Speed figures").
   */
  private async pdfThumb(hash: string, size: number, focus: FocusArea | null): Promise<Buffer> {
    const page = await renderPdfPage(await this.blobFile(hash), 0, PDF_RENDER.thumb, size)
    if (this.perceptualHashing) this.hashes.set(hash, perceptualHash(page.pixels, page.width, page.height, 3))
    const drawn = sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 3 } })
    return tileSquare(drawn, focus, page.width, page.height, size, 'north').webp(THUMB_WEBP).toBuffer()
  }

  /**
   * What sharp reads. A PDF's page is drawn afresh for each rendition, at the size that
   * rendition needs (PDF_RENDER), and handed over as pixels: drawing a page took 25 ms where
   * encoding it as a JPEG to cache took 27 ms more and decoding that 9 ms, so a cached page
   * cost more than a second drawing. Otherwise the blob itself (an image) or a JPEG taken
   * from it once and cached (a video's poster frame, a RAW file's preview).
   */
  private async pictureOf(hash: string, from: RenditionSource, kind: RenditionKind, hint: SourceHint): Promise<Sharp> {
    if (from === 'pdf') {
      const page = await renderPdfPage(await this.blobFile(hash), 0, PDF_RENDER[kind])
      return sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 3 } })
    }
    return sharp(await this.sourceOf(hash, from, hint), { animated: false, limitInputPixels: 268_402_689 })
  }

  /**
   * The blob itself for an image; for a video or RAW file a JPEG taken from it once and cached
   * (`<hash>-source.jpg`), at most the preview's size.
   */
  private async sourceOf(hash: string, from: RenditionSource, hint: SourceHint): Promise<string> {
    if (from === 'image') return this.blobFile(hash)
    const file = path.join(this.dir, hash.slice(0, 2), `${hash}-source.jpg`)
    if (fs.existsSync(file)) return file
    const running = this.sources.get(hash)
    if (running) return running
    const made = (async () => {
      const jpeg = await extractPicture(await this.blobFile(hash), from, hint)
      await writeAtomically(file, jpeg)
      return file
    })().finally(() => this.sources.delete(hash))
    this.sources.set(hash, made)
    return made
  }

  /**
   * Page `page` (from 1) of a PDF, drawn at the preview's size as WebP and cached beside the
   * renditions (`<hash>-page<N>.webp`), for paging through it in the viewer. The caller has
   * checked the page is in the file; the first page is drawn afresh rather than taken from the
   * preview's source, which was made as a JPEG for the grid.
   */
  async ensurePdfPage(hash: string, page: number): Promise<string> {
    return this.cached(hash, `${hash}-page${page}`, async (file) => {
      let output: Buffer
      try {
        const drawn = await renderPdfPage(await this.blobFile(hash), page - 1, RENDITION_SIZE.preview)
        output = await sharp(drawn.pixels, { raw: { width: drawn.width, height: drawn.height, channels: 3 } }).webp({ quality: 82 }).toBuffer()
      } catch (error) {
        // Only this page: another may still be drawn (a page can be broken on its own).
        throw new Error(`${UNREADABLE.pdf} (${(error as Error).message.split('\n')[0]}).`)
      }
      await writeAtomically(file, output)
      return file
    })
  }

  /** A PDF's page count, for a version whose count was not read when it arrived (remembered). */
  async pdfPageCount(hash: string): Promise<number> {
    const known = this.pageCounts.get(hash)
    if (known !== undefined) return known
    const { pages } = await pdfInfo(await this.blobFile(hash))
    this.pageCounts.set(hash, pages)
    return pages
  }

  /**
   * Waits for the renditions under way and drops those still waiting for a slot: a thumbnail
   * made in the background (Library.prepareThumbnails) would otherwise go on writing into the
   * library's cache, and running its tools, after the library closed.
   */
  async close(): Promise<void> {
    this.closed = true
    for (const wake of this.waiting.splice(0)) wake()
    await Promise.allSettled([...this.inFlight.values()])
  }

  /** The cached picture a video or RAW file's renditions come from, if made already. */
  sourcePath(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), `${hash}-source.jpg`)
  }
}

async function extractPicture(blob: string, from: RenditionSource, hint: SourceHint): Promise<Buffer> {
  if (from === 'video') {
    const durationSec = hint.durationSec ?? (await probeVideo(blob)).media.durationSec
    return posterFrame(blob, durationSec)
  }
  const preview = await largestEmbeddedJpeg(blob)
  if (!preview) throw new Error('no embedded JPEG preview')
  // The preview is stored unturned; the RAW file's own orientation says how to show it.
  const { orientation } = await readEmbedded(await headOf(blob)).catch(() => ({ orientation: undefined }))
  if (!orientation || orientation === 1) return preview.jpeg
  return sharp(preview.jpeg).withMetadata({ orientation }).jpeg({ quality: 92 }).toBuffer()
}

/** A file's first bytes, where its metadata usually is, and where to read on. */
export async function headOf(file: string): Promise<{ head: Buffer; path: string; size: number }> {
  const handle = await fsp.open(file, 'r')
  try {
    const { size } = await handle.stat()
    const head = Buffer.alloc(Math.min(size, EMBEDDED_BYTES))
    await handle.read(head, 0, head.length, 0)
    return { head, path: file, size }
  } finally {
    await handle.close()
  }
}

async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  await fsp.writeFile(tmp, bytes)
  await fsp.rename(tmp, file)
}

function focusKey(f: FocusArea): string {
  return [f.x, f.y, f.width, f.height].map((n) => Math.round(n * 10000)).join('_')
}

/**
 * The tile's square of a picture `width` × `height`: around the focus area where one is set,
 * otherwise where `position` puts it (the attention crop for pictures, the top of a page).
 */
function tileSquare(picture: Sharp, focus: FocusArea | null, width: number, height: number, size: number, position: number | string): Sharp {
  if (focus) return picture.extract(squareAround(focus, width, height)).resize(size, size, { fit: 'cover' })
  return picture.resize(size, size, { fit: 'cover', position })
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

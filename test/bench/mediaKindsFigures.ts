/**
 * `npm run bench -- media`, videos and PDFs: poster frames a second and first pages a second
 * made by the app (`openRendition`, which takes the picture and makes the WebP thumbnail from
 * it), against the plain tool called the same way on the same files in the same run: ffmpeg
 * with the app's own arguments (`posterArgs`), which draws the frame and encodes it as a
 * JPEG; and MuPDF drawing the first page in the same worker at the size the app draws a
 * thumbnail's page (short side the tile's, long side at most `PDF_RENDER.thumb`), encoded as
 * the thumbnail's WebP: both sides draw a page and encode a picture of it. (The bare draw,
 * without an encode, was the baseline before; the app's figure against it is noted too.)
 * Target: at most 1.2 times as long. Rounds alternate the two sides; medians are reported.
 */
import fs from 'node:fs'
import path from 'node:path'
import { openLibrary, openRendition, type Library } from '../../main/core/index.js'
import sharp from 'sharp'
import { PDF_RENDER, RENDITION_SIZE, THUMB_WEBP } from '../../main/core/media/thumbnails.js'
import { currentVersionOf } from '../../main/core/assets/tree.js'
import { runTool } from '../../main/core/media/externalTool.js'
import { closePdfWorker, renderPdfPage } from '../../main/core/media/pdf.js'
import { posterArgs } from '../../main/core/media/video.js'
import { makePdf, makeVideo } from '../support/mediaSamples.js'
import { median, now } from './measure.js'
import type { Report } from './report.js'
import { eachAtOnce } from './thumbnailImages.js'
import { AT_ONCE } from './thumbnailPasses.js'

const VIDEOS = 12
const PDFS = 40
const ROUNDS = 3
const TARGET = 1.2
const ADMIN = { name: 'Ada', email: 'ada@example.com' }

interface Item {
  fileId: string
  blob: string
  durationSec?: number
}

async function upload(library: Library, folderId: string, name: string, bytes: Buffer): Promise<void> {
  await library.as(ADMIN.email).call('files.upload', { folderId, name, base64: bytes.toString('base64') })
}

async function itemsOf(library: Library, mimePrefix: string): Promise<Item[]> {
  const items: Item[] = []
  for (const asset of library.core.store.tables.assets.values()) {
    if (asset.kind !== 'file') continue
    const v = currentVersionOf(asset)
    if (v.mime.startsWith(mimePrefix)) items.push({ fileId: asset.id, blob: await library.core.blobs.localFile(v.hash), durationSec: v.media?.durationSec })
  }
  return items
}

/** Both sides, alternating, ROUNDS times; the app's cache is emptied before each of its passes (untimed). */
async function compare(library: Library, items: Item[], plain: (item: Item) => Promise<unknown>) {
  const cache = path.join(library.dir, 'cache', 'renditions')
  const admin = library.as(ADMIN.email)
  const app = async () => {
    fs.rmSync(cache, { recursive: true, force: true })
    const start = now()
    const opened = await Promise.all(items.map((i) => openRendition(library.core, admin.session, i.fileId, 'thumb')))
    const ms = now() - start
    for (const o of opened) o.stream.on('error', () => undefined).destroy()
    return ms
  }
  const tool = async () => {
    const start = now()
    await eachAtOnce(items, AT_ONCE, (item) => plain(item))
    return now() - start
  }
  const appMs: number[] = []
  const toolMs: number[] = []
  const ratios: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      toolMs.push(await tool())
      appMs.push(await app())
    } else {
      appMs.push(await app())
      toolMs.push(await tool())
    }
    ratios.push(appMs[round] / toolMs[round])
  }
  return { app: median(appMs), tool: median(toolMs), ratio: median(ratios), ratios }
}

export async function mediaKindsFigures(report: Report, root: string): Promise<{ videoRatio: number; pdfRatio: number }> {
  report.heading(`Videos and PDFs: ${VIDEOS} poster frames, ${PDFS} first pages`)
  const library = await openLibrary(path.join(root, 'library'), { admin: ADMIN })
  try {
    const admin = library.as(ADMIN.email)
    const [home] = await admin.call('assets.roots')
    const codecs: [string, string][] = [['libx264', 'mp4'], ['libvpx-vp9', 'webm'], ['mpeg4', 'avi']]
    for (let i = 0; i < VIDEOS; i++) {
      const [codec, container] = codecs[i % codecs.length]
      // Each a different file: the store keeps identical bytes once and the app would make one
      // poster frame for all of them, while the plain tool ran once per file (the app looked
      // 3× faster than ffmpeg, and 2.7× faster than MuPDF, until each sample was made distinct).
      await upload(library, home.id, `clip-${i}.${container}`, makeVideo(codec, container, { width: 1280, height: 720, seconds: 6, fps: 25, title: `clip ${i}` }))
    }
    for (let i = 0; i < PDFS; i++) await upload(library, home.id, `report-${i}.pdf`, makePdf(1 + (i % 5), `report ${i}`))
    const videos = await itemsOf(library, 'video/')
    const pdfs = await itemsOf(library, 'application/pdf')
    if (videos.length !== VIDEOS || pdfs.length !== PDFS) throw new Error(`Uploaded ${videos.length} videos and ${pdfs.length} PDFs.`)
    const distinct = new Set([...videos, ...pdfs].map((item) => item.blob)).size
    if (distinct !== VIDEOS + PDFS) throw new Error(`${VIDEOS + PDFS} samples hold only ${distinct} different contents: each must be timed on its own file.`)

    const video = await compare(library, videos, (item) => runTool('ffmpeg', posterArgs(item.blob, (item.durationSec ?? 0) / 10), { timeoutMs: 60_000 }))
    report.figure('video poster frames vs plain ffmpeg', `${video.ratio.toFixed(2)}× ffmpeg's time`, `at most ${TARGET}×`, video.ratio <= TARGET)
    report.note(`app ${(VIDEOS / (video.app / 1000)).toFixed(1)} frames/s, plain ffmpeg with the same arguments ${(VIDEOS / (video.tool / 1000)).toFixed(1)} frames/s; 1280×720, 6 s, H.264, VP9 and MPEG-4; ${AT_ONCE} at once; per-round ratios ${video.ratios.map((r) => r.toFixed(2)).join(', ')}`)

    const drawAndEncode = async (item: Item) => {
      const page = await renderPdfPage(item.blob, 0, PDF_RENDER.thumb, RENDITION_SIZE.thumb)
      return sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 3 } }).webp(THUMB_WEBP).toBuffer()
    }
    const pdf = await compare(library, pdfs, drawAndEncode)
    report.figure('PDF first pages vs plain MuPDF', `${pdf.ratio.toFixed(2)}× MuPDF's time`, `at most ${TARGET}×`, pdf.ratio <= TARGET)
    report.note(`app ${(PDFS / (pdf.app / 1000)).toFixed(1)} pages/s; MuPDF drawing the page at the size the app draws it (short side ${RENDITION_SIZE.thumb} px, long side at most ${PDF_RENDER.thumb}) in the same worker, encoded as WebP, ${(PDFS / (pdf.tool / 1000)).toFixed(1)} pages/s; per-round ratios ${pdf.ratios.map((r) => r.toFixed(2)).join(', ')}`)
    const bare = await compare(library, pdfs, (item) => renderPdfPage(item.blob, 0, PDF_RENDER.thumb, RENDITION_SIZE.thumb))
    report.note(`against the bare draw alone (no picture encoded): ${bare.ratio.toFixed(2)}×, ${(PDFS / (bare.tool / 1000)).toFixed(1)} draws/s; per-round ratios ${bare.ratios.map((r) => r.toFixed(2)).join(', ')}`)
    return { videoRatio: video.ratio, pdfRatio: pdf.ratio }
  } finally {
    await library.close()
    await closePdfWorker()
  }
}

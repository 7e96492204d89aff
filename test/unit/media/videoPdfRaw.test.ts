import { buffer } from 'node:stream/consumers'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openRendition } from '../../../main/core/index.js'
import { runTool } from '../../../main/core/media/externalTool.js'
import { closePdfWorker, pdfInfo } from '../../../main/core/media/pdf.js'
import { findLargestJpeg } from '../../../main/core/media/rawPreview.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { exiftoolReadBytes, hasExiftool } from '../../support/exiftool.js'
import { makePdf, makeRaw, makeVideo, RAW_KINDS } from '../../support/mediaSamples.js'

let t: TempLibrary
let folderId: string
beforeEach(async () => {
  t = await tempLibrary()
  folderId = (await t.admin.call('folders.create', { parentId: t.homeId, name: 'Media' })).id
})
afterEach(async () => t.close())
afterAll(() => closePdfWorker())

const upload = (name: string, bytes: Buffer) => t.admin.call('files.upload', { folderId, name, base64: bytes.toString('base64') })

async function rendition(fileId: string, kind: 'thumb' | 'preview') {
  const r = await openRendition(t.library.core, t.admin.session, fileId, kind)
  const bytes = await buffer(r.stream)
  const meta = await sharp(bytes).metadata()
  const { channels } = await sharp(bytes).stats()
  return { width: meta.width, height: meta.height, format: meta.format, mean: channels.slice(0, 3).reduce((n, c) => n + c.mean, 0) / 3 }
}

// Slow on a busy machine: each encodes a clip and runs ffprobe and ffmpeg on it.
const VIDEO_TIMEOUT = 120_000

describe('videos', () => {
  it.each([
    ['clip.mp4', 'libx264', 'mp4', 'h264'],
    ['clip.webm', 'libvpx-vp9', 'webm', 'vp9'],
    ['clip.mkv', 'libx265', 'mkv', 'hevc'],
    ['clip.avi', 'mpeg4', 'avi', 'mpeg4'],
  ])('%s (%s) gets a poster frame past the black start, and its duration, codec, frame size and frame rate', async (name, codec, container, codecName) => {
    const file = await upload(name, makeVideo(codec, container, { width: 320, height: 240, seconds: 3, fps: 25 }))
    expect(file.mime).toMatch(/^video\//)
    expect([file.width, file.height]).toEqual([320, 240])
    expect(file.media).toMatchObject({ codec: codecName, frameRate: 25 })
    expect(file.media?.durationSec).toBeGreaterThan(2.8)
    expect(file.media?.durationSec).toBeLessThan(3.2)
    const thumb = await rendition(file.id, 'thumb')
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 256, 256])
    // The first second is black; the test pattern's frames average far above it.
    expect(thumb.mean).toBeGreaterThan(60)
    const preview = await rendition(file.id, 'preview')
    expect([preview.width, preview.height]).toEqual([320, 240])
  }, VIDEO_TIMEOUT)

  it('a video shorter than the seek still gets a frame', async () => {
    const file = await upload('short.mp4', makeVideo('libx264', 'mp4', { seconds: 2, fps: 5 }))
    const thumb = await rendition(file.id, 'thumb')
    expect([thumb.width, thumb.height]).toEqual([256, 256])
  }, VIDEO_TIMEOUT)

  it('a corrupt video is kept, with no properties, and gets an icon with the reason instead of a thumbnail; nothing hangs', async () => {
    const good = makeVideo('libx264', 'mp4')
    // The container's start (so it is known as a video), then noise where the frames were.
    const broken = Buffer.concat([good.subarray(0, 48), Buffer.alloc(good.length - 48, 0x5a)])
    const file = await upload('broken.mp4', broken)
    expect(file.mime).toBe('video/mp4')
    expect(file.media).toBeUndefined()
    await expect(openRendition(t.library.core, t.admin.session, file.id, 'thumb')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'unreadable' },
      message: expect.stringMatching(/No frame could be taken from this video/),
    })
    // The library goes on serving other videos.
    const ok = await upload('fine.mp4', good)
    expect((await rendition(ok.id, 'thumb')).width).toBe(256)
  }, VIDEO_TIMEOUT)

  it('every external tool has a time limit: one that would run for ever is killed and reported', async () => {
    // An endless test source played at its real rate never ends by itself.
    await expect(runTool('ffmpeg', ['-v', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', 'testsrc', '-f', 'null', '-'], { timeoutMs: 1000 })).rejects.toThrow(/took longer than 1 s and was stopped/)
  }, VIDEO_TIMEOUT)
})

describe('PDFs', () => {
  it('get the first page as thumbnail and preview, and their page count', async () => {
    const file = await upload('report.pdf', makePdf(3))
    expect(file.mime).toBe('application/pdf')
    expect(file.media).toEqual({ pages: 3 })
    const thumb = await rendition(file.id, 'thumb')
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 256, 256])
    const preview = await rendition(file.id, 'preview')
    // A US Letter page, long side at the preview's 1600 px.
    expect(preview.height).toBe(1600)
    expect(preview.width).toBeGreaterThanOrEqual(1235)
    expect(preview.width).toBeLessThanOrEqual(1237)
  }, 60_000)

  it("a page's thumbnail shows the top of the page, where a document's title is", async () => {
    // A white US Letter page with a black title bar 32 to 92 pt below its top edge, and a
    // bright red picture near its foot: the square is the page's top whatever else is on it.
    const file = await upload('titled.pdf', makePdf(1, 'titled', '0 g 72 700 468 60 re f 1 0 0 rg 72 72 468 200 re f'))
    const r = await openRendition(t.library.core, t.admin.session, file.id, 'thumb')
    const { data, info } = await sharp(await buffer(r.stream)).greyscale().raw().toBuffer({ resolveWithObject: true })
    expect([info.width, info.height]).toEqual([256, 256])
    const rowMean = (y: number) => data.subarray(y * info.width + 40, y * info.width + 216).reduce((n, v) => n + v, 0) / 176
    // The page is drawn 256 px wide (331 tall): the bar spans rows 13 to 38 from the top.
    expect(rowMean(4)).toBeGreaterThan(240)
    expect(rowMean(25)).toBeLessThan(40)
    expect(rowMean(60)).toBeGreaterThan(240)
  }, 60_000)

  it('a corrupt PDF is kept and gets an icon with the reason, never a crash', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\n', 'latin1'), Buffer.alloc(4000, 0x20)])
    const file = await upload('broken.pdf', broken)
    expect(file.mime).toBe('application/pdf')
    expect(file.media).toBeUndefined()
    await expect(openRendition(t.library.core, t.admin.session, file.id, 'thumb')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'unreadable' },
      message: expect.stringMatching(/No page could be drawn from this PDF/),
    })
    const ok = await upload('fine.pdf', makePdf(1))
    expect((await rendition(ok.id, 'thumb')).width).toBe(256)
  }, 60_000)

  it('the PDF reader has a time limit too: a request past it ends the worker, and the next request gets a new one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-pdf-limit-'))
    const file = path.join(dir, 'limit.pdf')
    fs.writeFileSync(file, makePdf(2))
    // A fresh worker must first load MuPDF's WebAssembly, which takes far longer than 1 ms.
    await closePdfWorker()
    await expect(pdfInfo(file, 1)).rejects.toThrow(/took longer than .* and was stopped/)
    expect(await pdfInfo(file)).toMatchObject({ pages: 2 })
    fs.rmSync(dir, { recursive: true, force: true })
  }, 60_000)
})

describe('RAW photos', () => {
  it.each(RAW_KINDS)('.%s: the embedded preview (not the small EXIF thumbnail) is the thumbnail and preview', async (kind) => {
    const sample = await makeRaw(kind, { width: 1200, height: 800 })
    expect(findLargestJpeg(sample.bytes)?.jpeg.equals(sample.preview)).toBe(true)
    const file = await upload(`IMG_0001.${kind}`, sample.bytes)
    expect(file.mime).toMatch(/^image\/x-/)
    expect([file.width, file.height]).toEqual([1200, 800])
    const thumb = await rendition(file.id, 'thumb')
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 256, 256])
    const preview = await rendition(file.id, 'preview')
    expect([preview.width, preview.height]).toEqual([1200, 800])
  }, 60_000)

  it('a RAW file turned by its EXIF orientation is shown turned', async () => {
    const sample = await makeRaw('nef', { width: 1200, height: 800, orientation: 6 })
    const file = await upload('DSC_0001.nef', sample.bytes)
    expect([file.width, file.height]).toEqual([800, 1200])
    const preview = await rendition(file.id, 'preview')
    expect([preview.width, preview.height]).toEqual([800, 1200])
  }, 60_000)

  it.skipIf(!hasExiftool)('EXIF is read as for a JPEG, and agrees with exiftool', async () => {
    for (const kind of ['cr2', 'nef', 'dng', 'raf'] as const) {
      const sample = await makeRaw(kind, { make: 'Canon', model: 'EOS Test' })
      const file = await upload(`photo.${kind}`, sample.bytes)
      const ref = exiftoolReadBytes(sample.bytes, kind)
      const make = String(ref['IFD0:Make'] ?? ref['RAF:Make'] ?? '')
      expect(make, `${kind}: exiftool reads ${JSON.stringify(ref).slice(0, 400)}`).toBe('Canon')
      expect(file.embedded?.camera).toMatch(/Canon EOS Test/)
      expect(file.embedded?.takenAt).toBe('2023-07-14T23:30:00')
    }
  }, 60_000)
})

/** Videos, PDFs and RAW-like files made for the tests, with what each should show. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { toolPath } from '../../main/core/media/externalTool.js'

/**
 * A video of `seconds` with the bundled ffmpeg: one second of black, then a colour test
 * pattern, so a poster frame taken from the very start would be black.
 */
export function makeVideo(codec: string, container: string, options: { width?: number; height?: number; seconds?: number; fps?: number; title?: string } = {}): Buffer {
  const { width = 320, height = 240, seconds = 3, fps = 25, title } = options
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-video-'))
  try {
    const out = path.join(dir, `clip.${container}`)
    const size = `${width}x${height}`
    execFileSync(toolPath('ffmpeg'), [
      '-v', 'error', '-nostdin',
      '-f', 'lavfi', '-i', `color=c=black:s=${size}:r=${fps}:d=1`,
      '-f', 'lavfi', '-i', `testsrc=s=${size}:r=${fps}:d=${seconds - 1}`,
      '-filter_complex', '[0:v][1:v]concat=n=2:v=1[v]', '-map', '[v]',
      '-c:v', codec, '-pix_fmt', 'yuv420p', ...(codec === 'libvpx-vp9' ? ['-b:v', '200k', '-deadline', 'realtime', '-cpu-used', '8'] : []),
      ...(codec === 'libx265' ? ['-preset', 'ultrafast', '-x265-params', 'log-level=error'] : []),
      // A title makes two videos of the same picture different files (the store keeps one copy of the same bytes).
      ...(title === undefined ? [] : ['-metadata', `title=${title}`]),
      '-y', out,
    ])
    return fs.readFileSync(out)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A PDF written byte by byte (no library): `pages` US Letter pages (612×792 points), each a
 * coloured rectangle on white, with a correct cross-reference table.
 */
export function makePdf(pages: number, label?: string, drawing?: string): Buffer {
  const objects: string[] = []
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i * 2} 0 R`).join(' ')
  objects.push('<< /Type /Catalog /Pages 2 0 R >>')
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`)
  for (let i = 0; i < pages; i++) {
    const content = drawing ?? `${(0.2 + 0.1 * (i % 5)).toFixed(1)} 0.4 0.8 rg 72 72 468 648 re f`
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${4 + i * 2} 0 R /Resources << >> >>`)
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)
  }
  // A label (a comment line) makes two PDFs of the same pages different files.
  let body = label === undefined ? '%PDF-1.4\n' : `%PDF-1.4\n% ${label.replace(/[\r\n]/g, ' ')}\n`
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body))
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = Buffer.byteLength(body)
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

export const RAW_KINDS = ['cr2', 'cr3', 'nef', 'arw', 'dng', 'raf', 'orf'] as const
export type RawKind = (typeof RAW_KINDS)[number]

export interface RawSample {
  bytes: Buffer
  /** The embedded preview the file should be shown by. */
  preview: Buffer
  previewWidth: number
  previewHeight: number
}

/** A photo-like picture (gradient and shapes), so that a JPEG of it is not trivially small. */
async function picture(width: number, height: number, hue: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="${hue}"/><stop offset="1" stop-color="#fff"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="#222"/></svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()
}

interface IfdEntry {
  tag: number
  type: number
  count: number
  /** Four bytes or fewer inline; longer values are placed after the directory. */
  value: Buffer
}

const ascii = (tag: number, text: string): IfdEntry => ({ tag, type: 2, count: text.length + 1, value: Buffer.from(`${text}\0`, 'latin1') })
const long = (tag: number, n: number): IfdEntry => {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n)
  return { tag, type: 4, count: 1, value: b }
}
const short = (tag: number, n: number): IfdEntry => {
  const b = Buffer.alloc(4)
  b.writeUInt16LE(n)
  return { tag, type: 3, count: 1, value: b }
}

/** A little-endian IFD at `at`, with its long values after it; returns its bytes. */
function ifd(at: number, entries: IfdEntry[], next = 0): Buffer {
  entries.sort((a, b) => a.tag - b.tag)
  const dirSize = 2 + entries.length * 12 + 4
  const head = Buffer.alloc(dirSize)
  const extra: Buffer[] = []
  let extraAt = at + dirSize
  head.writeUInt16LE(entries.length, 0)
  entries.forEach((e, i) => {
    const o = 2 + i * 12
    head.writeUInt16LE(e.tag, o)
    head.writeUInt16LE(e.type, o + 2)
    head.writeUInt32LE(e.count, o + 4)
    if (e.value.length <= 4) e.value.copy(head, o + 8)
    else {
      head.writeUInt32LE(extraAt, o + 8)
      const padded = e.value.length % 2 ? Buffer.concat([e.value, Buffer.alloc(1)]) : e.value
      extra.push(padded)
      extraAt += padded.length
    }
  })
  head.writeUInt32LE(next, dirSize - 4)
  return Buffer.concat([head, ...extra])
}

/**
 * A RAW-like file of the given kind: the container the camera writes (TIFF directories for
 * CR2, NEF, ARW, DNG and ORF, ISO boxes for CR3, Fujifilm's header for RAF), with a small
 * EXIF thumbnail and a larger preview JPEG (what a viewer shows), Make, Model, orientation and
 * date taken, and sensor data that is noise. Readers that take such a file (exiftool, the
 * app) find the same things in it as in a camera's.
 */
export async function makeRaw(kind: RawKind, options: { width?: number; height?: number; orientation?: number; make?: string; model?: string } = {}): Promise<RawSample> {
  const { width = 1200, height = 800, orientation = 1, make = 'Canon', model = 'EOS Test' } = options
  const preview = await picture(width, height, '#c04020')
  const thumb = await sharp(preview).resize(160, 120, { fit: 'fill' }).jpeg().toBuffer()
  const sensor = Buffer.alloc(64 * 1024)
  for (let i = 0; i < sensor.length; i++) sensor[i] = (i * 2654435761) >>> 24
  if (kind === 'raf') {
    // Fujifilm: a fixed header, the preview's offset and length (big-endian) at 84 and 88.
    const header = Buffer.alloc(160)
    header.write('FUJIFILMCCD-RAW 0201FF383501', 0, 'latin1')
    header.write(model, 28, 'latin1')
    const withExif = await sharp(preview).withMetadata({ orientation, exif: { IFD0: { Make: make, Model: model }, IFD2: { DateTimeOriginal: '2023:07:14 23:30:00' } } } as Parameters<ReturnType<typeof sharp>["withMetadata"]>[0]).jpeg().toBuffer()
    header.writeUInt32BE(header.length, 84)
    header.writeUInt32BE(withExif.length, 88)
    return { bytes: Buffer.concat([header, withExif, sensor]), preview: withExif, previewWidth: width, previewHeight: height }
  }
  if (kind === 'cr3') {
    const withExif = await sharp(preview).withMetadata({ orientation, exif: { IFD0: { Make: make, Model: model }, IFD2: { DateTimeOriginal: '2023:07:14 23:30:00' } } } as Parameters<ReturnType<typeof sharp>["withMetadata"]>[0]).jpeg().toBuffer()
    const box = (type: string, ...parts: Buffer[]) => {
      const body = Buffer.concat(parts)
      const h = Buffer.alloc(8)
      h.writeUInt32BE(8 + body.length)
      h.write(type, 4, 'latin1')
      return Buffer.concat([h, body])
    }
    const ftyp = box('ftyp', Buffer.from('crx \0\0\0\x01crx isom', 'latin1'))
    const prvw = box('PRVW', Buffer.alloc(8), withExif)
    const uuid = box('uuid', Buffer.from('eaf42b5e1c984b88b9fbb7dc406e4d16', 'hex'), Buffer.alloc(8), prvw)
    return { bytes: Buffer.concat([ftyp, uuid, box('mdat', sensor)]), preview: withExif, previewWidth: width, previewHeight: height }
  }
  // TIFF-based: header, IFD0 (preview as JPEGInterchangeFormat, as CR2 and NEF put it), EXIF IFD, IFD1 (thumbnail).
  const header = Buffer.alloc(16)
  header.write(kind === 'orf' ? 'IIRO' : 'II*\0', 0, 'latin1')
  header.writeUInt32LE(16, 4)
  if (kind === 'cr2') header.write('CR\x02\0', 8, 'latin1')
  const ifd0Entries = (previewAt: number, exifAt: number, ifd1At: number) => {
    const entries = [ascii(271, make), ascii(272, model), short(274, orientation), long(513, previewAt), long(514, preview.length), long(34665, exifAt)]
    if (kind === 'dng') entries.push({ tag: 50706, type: 1, count: 4, value: Buffer.from([1, 4, 0, 0]) })
    if (kind === 'arw') entries.push(long(50341, 0))
    return ifd(16, entries, ifd1At)
  }
  // Sizes first (values do not change the layout), then the real offsets.
  const probe0 = ifd0Entries(0, 0, 0).length
  const exifAt = 16 + probe0
  const exif = ifd(exifAt, [ascii(36867, '2023:07:14 23:30:00')])
  const ifd1At = exifAt + exif.length
  const ifd1Probe = ifd(ifd1At, [long(513, 0), long(514, thumb.length), short(259, 6)]).length
  const thumbAt = ifd1At + ifd1Probe
  const previewAt = thumbAt + thumb.length
  const ifd0 = ifd0Entries(previewAt, exifAt, ifd1At)
  const ifd1 = ifd(ifd1At, [long(513, thumbAt), long(514, thumb.length), short(259, 6)])
  return { bytes: Buffer.concat([header, ifd0, exif, ifd1, thumb, preview, sensor]), preview, previewWidth: width, previewHeight: height }
}

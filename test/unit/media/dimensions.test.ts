import { buffer } from 'node:stream/consumers'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openRendition } from '../../../main/core/index.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { asList, exiftoolReadBytes, exiftoolWriteMany, hasExiftool, NO_EXIFTOOL } from '../../support/exiftool.js'

let t: TempLibrary
let folderId: string
beforeEach(async () => {
  t = await tempLibrary()
  folderId = (await t.admin.call('folders.create', { parentId: t.homeId, name: 'Images' })).id
})
afterEach(async () => t.close())

const upload = async (name: string, bytes: Buffer) => t.admin.call('files.upload', { folderId, name, base64: bytes.toString('base64') })

/** exiftool's stored size, turned as its Orientation says: what a viewer shows. */
function shownByExiftool(seen: Record<string, unknown>): { width: number; height: number } {
  const [width, height] = String(seen['Composite:ImageSize']).split(/[ x]/).map(Number)
  const orientation = Number(seen['IFD0:Orientation'] ?? 1)
  return orientation >= 5 ? { width: height, height: width } : { width, height }
}

/** Splices `bytes` of COM segments in after a JPEG's SOI marker: metadata pushing the frame header far into the file. */
function withCommentSegments(jpeg: Buffer, bytes: number): Buffer {
  const segments: Buffer[] = []
  for (let left = bytes; left > 0; ) {
    const body = Math.min(left, 65533)
    const segment = Buffer.alloc(4 + body, 0x20)
    segment.writeUInt16BE(0xfffe, 0)
    segment.writeUInt16BE(body + 2, 2)
    segments.push(segment)
    left -= body
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)])
}

// exiftool is a Perl program: slow to start on a busy machine, whence the long timeouts.
describe.skipIf(!hasExiftool)(`width and height as exiftool and a viewer see them${hasExiftool ? '' : ` (skipped: ${NO_EXIFTOOL})`}`, { timeout: 180_000 }, () => {
  for (const format of ['jpeg', 'tiff', 'png', 'webp'] as const) {
    it(`${format}: every EXIF orientation gives the displayed size, as the rotated preview has`, async () => {
      const stored = await sharp({ create: { width: 20, height: 40, channels: 3, background: '#808080' } }).toFormat(format).toBuffer()
      const ext = format === 'jpeg' ? 'jpg' : format === 'tiff' ? 'tif' : format
      const written = exiftoolWriteMany([1, 2, 3, 4, 5, 6, 7, 8].map((o) => ({ bytes: stored, ext, args: [`-IFD0:Orientation#=${o}`] })))
      for (const [i, { bytes, seen }] of written.entries()) {
        expect(seen['IFD0:Orientation']).toBe(i + 1)
        const file = await upload(`o${i + 1}.${ext}`, bytes)
        const expected = shownByExiftool(seen)
        expect({ orientation: i + 1, width: file.width, height: file.height }).toEqual({ orientation: i + 1, ...expected })
        // The preview is made the way a viewer turns the image.
        const { info } = await sharp(bytes).rotate().toBuffer({ resolveWithObject: true })
        expect({ width: info.width, height: info.height }).toEqual(expected)
      }
    })
  }

  it('a JPEG whose frame header sits behind 300 KB or 1.5 MB of metadata still has its size and its EXIF', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#202020' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Leica', Model: 'Q3' } })
      .toBuffer()
    for (const padding of [300 * 1024, 1536 * 1024]) {
      const bytes = withCommentSegments(jpeg, padding)
      const seen = exiftoolReadBytes(bytes, 'jpg')
      const file = await upload(`padded-${padding}.jpg`, bytes)
      expect(file).toMatchObject({ mime: seen['File:MIMEType'], width: seen['File:ImageWidth'], height: seen['File:ImageHeight'] })
      expect(file.embedded?.camera).toBe(`${seen['IFD0:Make']} ${seen['IFD0:Model']}`)
    }
  })

  it('a large TIFF laid out as libtiff writes it (directory after the pixels) has its type, size and metadata', async () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag><rdf:li>survey</rdf:li><rdf:li>north, 1987</rdf:li></rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>`
    const bytes = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#406080' } }).withXmp(xmp).tiff({ compression: 'none' }).toBuffer()
    // The case itself: the first directory starts far past what is read first.
    expect(bytes.readUInt32LE(4)).toBeGreaterThan(1024 * 1024)
    const seen = exiftoolReadBytes(bytes, 'tif')
    const file = await upload('survey.tif', bytes)
    expect(file).toMatchObject({ mime: seen['File:MIMEType'], width: seen['IFD0:ImageWidth'], height: seen['IFD0:ImageHeight'] })
    expect(file.embedded?.keywords).toEqual(asList(seen['XMP-dc:Subject']))
    const preview = await openRendition(t.library.core, t.admin.session, file.id, 'preview')
    const shown = await sharp(await buffer(preview.stream)).metadata()
    expect({ width: shown.width, height: shown.height }).toEqual({ width: 800, height: 600 })
  })
})

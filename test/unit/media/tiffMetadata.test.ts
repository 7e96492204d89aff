import ExifReader from 'exifreader'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { compactTiff } from '../../../main/core/media/tiffMetadata.js'

const reader = (bytes: Buffer) => async (offset: number, length: number) => {
  if (offset < 0 || offset + length > bytes.length) throw new Error('outside the file')
  return bytes.subarray(offset, offset + length)
}

/** A little-endian TIFF whose one directory, at `at`, holds these 12-byte entries. */
function tiff(at: number, entries: [tag: number, type: number, count: number, value: number][]): Buffer {
  const bytes = Buffer.alloc(at + 2 + entries.length * 12 + 4)
  bytes.write('II*\0', 0, 'latin1')
  bytes.writeUInt32LE(at, 4)
  bytes.writeUInt16LE(entries.length, at)
  entries.forEach(([tag, type, count, value], i) => {
    const e = at + 2 + i * 12
    bytes.writeUInt16LE(tag, e)
    bytes.writeUInt16LE(type, e + 2)
    bytes.writeUInt32LE(count, e + 4)
    bytes.writeUInt32LE(value, e + 8)
  })
  return bytes
}

describe('a TIFF\'s directories copied out of the file', () => {
  it('keep every value a reader finds in the whole file, from a directory after the pixels', async () => {
    const whole = await sharp({ create: { width: 700, height: 500, channels: 3, background: '#123456' } })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag><rdf:li>map</rdf:li></rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>')
      .tiff({ compression: 'none' })
      .toBuffer()
    expect(whole.readUInt32LE(4)).toBeGreaterThan(1_000_000)
    const compact = await compactTiff(reader(whole))
    expect(compact!.length).toBeLessThan(10_000)
    const fromWhole = ExifReader.load(whole, { expanded: true })
    const fromCompact = ExifReader.load(compact!, { expanded: true })
    expect(fromCompact.exif?.ImageWidth?.value).toBe(700)
    expect(fromCompact.exif?.ImageLength?.value).toBe(500)
    expect(fromCompact.xmp?.subject?.description).toBe(fromWhole.xmp?.subject?.description)
  })

  it('end on a directory that points back at itself, and skip a value claiming more than the file', async () => {
    // IFD0 at 8: an Exif pointer (34665) to IFD0 itself, and a Make claiming 2^31 bytes.
    const looping = tiff(8, [[271, 2, 2 ** 31, 100], [34665, 4, 1, 8]])
    const compact = await compactTiff(reader(looping))
    expect(compact).not.toBeNull()
    const tags = ExifReader.load(compact!, { expanded: true })
    expect(tags.exif?.Make).toBeUndefined()
  })

  it('is nothing for what is not a TIFF', async () => {
    expect(await compactTiff(reader(Buffer.from('GIF89a........')))).toBeNull()
  })
})

import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { exiftoolReadBytes, exiftoolWrite, hasExiftool, isoFromExiftool, NO_EXIFTOOL } from '../../support/exiftool.js'

let t: TempLibrary
let folderId: string
beforeEach(async () => {
  t = await tempLibrary()
  folderId = (await t.admin.call('folders.create', { parentId: t.homeId, name: 'Photos' })).id
})
afterEach(async () => t.close())

const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:subject><rdf:Bag><rdf:li>harbour</rdf:li><rdf:li>sunset</rdf:li></rdf:Bag></dc:subject>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Evening at the quay</rdf:li></rdf:Alt></dc:title>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">Marketing team</rdf:li></rdf:Alt></dc:rights>
</rdf:Description></rdf:RDF></x:xmpmeta>`

async function photo(camera: { Make: string; Model: string }, taken: string, xmp = false, offset?: string): Promise<Buffer> {
  let image = sharp({ create: { width: 80, height: 60, channels: 3, background: '#996633' } })
    .jpeg()
    .withExif({ IFD0: { ...camera, Copyright: 'ACME' }, IFD2: { DateTimeOriginal: taken, FNumber: '28/10', ExposureTime: '1/250', ...(offset ? { OffsetTimeOriginal: offset } : {}) } })
  if (xmp) image = image.withXmp(XMP)
  return image.toBuffer()
}

const upload = async (name: string, bytes: Buffer) => t.admin.call('files.upload', { folderId, name, base64: bytes.toString('base64') })
const names = async (input: Parameters<typeof t.admin.call<'search.assets'>>[1]) => (await t.admin.call('search.assets', input)).items.map((i) => i.name).sort()

/** Sets the process's time zone for the length of `run`: Node reads TZ again each time it is assigned. */
async function inTimeZone<T>(zone: string | undefined, run: () => Promise<T>): Promise<T> {
  const before = process.env.TZ
  if (zone !== undefined) process.env.TZ = zone
  try {
    return await run()
  } finally {
    if (before === undefined) delete process.env.TZ
    else process.env.TZ = before
  }
}

describe('embedded metadata', () => {
  it('is read on upload and shown with the asset', async () => {
    const file = await upload('quay.jpg', await photo({ Make: 'Canon', Model: 'EOS R6' }, '2023:07:04 19:45:00', true))
    expect(file.embedded).toMatchObject({
      camera: 'Canon EOS R6',
      takenAt: '2023-07-04T19:45:00',
      keywords: ['harbour', 'sunset'],
      title: 'Evening at the quay',
      copyright: 'ACME',
    })
    expect(file.embedded?.exposure).toMatch(/1\/250s f\/2.8/)
  })

  it('is read again for a new version', async () => {
    const file = await upload('a.jpg', await photo({ Make: 'Canon', Model: 'EOS R6' }, '2023:07:04 19:45:00'))
    const next = await t.admin.call('files.uploadVersion', { fileId: file.id, base64: (await photo({ Make: 'Nikon', Model: 'Z 8' }, '2024:01:02 08:00:00')).toString('base64') })
    expect(next.embedded).toMatchObject({ camera: 'Nikon Z 8', takenAt: '2024-01-02T08:00:00' })
  })

  it('is searchable: keywords and titles as terms, camera and date taken as filters', async () => {
    await upload('one.jpg', await photo({ Make: 'Canon', Model: 'EOS R6' }, '2023:07:04 19:45:00', true))
    await upload('two.jpg', await photo({ Make: 'Nikon', Model: 'Z 8' }, '2024:01:02 08:00:00'))
    expect(await names({ query: 'sunset' })).toEqual(['one.jpg'])
    expect(await names({ query: 'quay' })).toEqual(['one.jpg'])
    expect(await names({ query: '', camera: 'nikon' })).toEqual(['two.jpg'])
    expect(await names({ query: '', takenFrom: '2024-01-01' })).toEqual(['two.jpg'])
    expect(await names({ query: '', takenTo: '2023-07-04' })).toEqual(['one.jpg'])
    expect(await names({ query: '', takenFrom: '2022-01-01', takenTo: '2025-01-01' })).toEqual(['one.jpg', 'two.jpg'])
  })
})

describe('date taken, whatever the time zone of the machine', () => {
  // A late evening: the day differs between UTC, New York and Tokyo for any conversion through the machine's zone.
  const cases = [
    { name: 'no-offset.jpg', taken: '2023:07:14 23:30:00', offset: undefined },
    { name: 'offset.jpg', taken: '2023:07:14 23:30:00', offset: '+02:00' },
    { name: 'west.jpg', taken: '2023:07:14 00:15:00', offset: '-05:00' },
  ]
  // The run's own zone (CI runs this file again under other zones), then three set here.
  for (const zone of [undefined, 'UTC', 'America/New_York', 'Asia/Tokyo']) {
    // exiftool (a Perl program started for each comparison) is slow on a busy machine, whence the long timeout.
    it(`is the wall-clock time the file states, with its offset when it has one, and filters by that day (${zone ? `TZ=${zone}` : `this run's TZ=${process.env.TZ ?? '(unset)'}`})`, { timeout: 120_000 }, async () => {
      await inTimeZone(zone ?? process.env.TZ, async () => {
        for (const c of cases) {
          const bytes = await photo({ Make: 'Canon', Model: 'EOS R6' }, c.taken, false, c.offset)
          const file = await upload(c.name, bytes)
          if (hasExiftool) {
            const seen = exiftoolReadBytes(bytes, 'jpg')
            // exiftool joins the date and its offset in SubSecDateTimeOriginal.
            expect(file.embedded?.takenAt).toBe(isoFromExiftool(seen['Composite:SubSecDateTimeOriginal'] ?? seen['ExifIFD:DateTimeOriginal']))
          }
          expect(file.embedded?.takenAt).toBe(`${c.taken.slice(0, 10).replaceAll(':', '-')}T${c.taken.slice(11)}${c.offset ?? ''}`)
        }
        expect(await names({ query: '', takenFrom: '2023-07-14', takenTo: '2023-07-14' })).toEqual(['no-offset.jpg', 'offset.jpg', 'west.jpg'])
        expect(await names({ query: '', takenTo: '2023-07-13' })).toEqual([])
        expect(await names({ query: '', takenFrom: '2023-07-15' })).toEqual([])
      })
    })
  }

  it.skipIf(!hasExiftool)(`comes from XMP when only XMP has it, and from IPTC when only IPTC has it${hasExiftool ? '' : ` (skipped: ${NO_EXIFTOOL})`}`, { timeout: 120_000 }, async () => {
    const plain = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().toBuffer()
    const xmpOnly = exiftoolWrite(plain, 'jpg', ['-XMP-exif:DateTimeOriginal=2021:03:04 05:06:07'])
    const iptcOnly = exiftoolWrite(plain, 'jpg', ['-IPTC:DateCreated=2019:12:31', '-IPTC:TimeCreated=22:10:00+09:00'])
    const a = await upload('xmp.jpg', xmpOnly)
    expect(a.embedded?.takenAt).toBe(isoFromExiftool(exiftoolReadBytes(xmpOnly, 'jpg')['XMP-exif:DateTimeOriginal']))
    const b = await upload('iptc.jpg', iptcOnly)
    const seen = exiftoolReadBytes(iptcOnly, 'jpg')
    expect(b.embedded?.takenAt).toBe(isoFromExiftool(`${seen['IPTC:DateCreated']} ${seen['IPTC:TimeCreated']}`))
    expect(await names({ query: '', takenFrom: '2021-03-04', takenTo: '2021-03-04' })).toEqual(['xmp.jpg'])
    expect(await names({ query: '', takenFrom: '2019-12-31', takenTo: '2019-12-31' })).toEqual(['iptc.jpg'])
  })
})

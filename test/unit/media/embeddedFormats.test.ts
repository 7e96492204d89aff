import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { asList, exiftoolReadBytes, exiftoolWrite, hasExiftool, isoFromExiftool, NO_EXIFTOOL } from '../../support/exiftool.js'

/**
 * Files written the way Photoshop, Lightroom, cameras and Windows write them (by exiftool),
 * uploaded, and compared field by field with what exiftool itself reads from the same bytes.
 */
// exiftool is a Perl program started for each comparison: slow on a busy machine, whence the long timeout.
describe.skipIf(!hasExiftool)(`embedded metadata as exiftool reads it${hasExiftool ? '' : ` (skipped: ${NO_EXIFTOOL})`}`, { timeout: 120_000 }, () => {
  let t: TempLibrary
  let folderId: string
  beforeEach(async () => {
    t = await tempLibrary()
    folderId = (await t.admin.call('folders.create', { parentId: t.homeId, name: 'Photos' })).id
  })
  afterEach(async () => t.close())

  const upload = async (name: string, bytes: Buffer) => t.admin.call('files.upload', { folderId, name, base64: bytes.toString('base64') })
  const search = async (query: string) => (await t.admin.call('search.assets', { query })).items.map((i) => i.name).sort()
  const blank = (format: 'jpeg' | 'tiff' | 'png' | 'webp' | 'avif', width = 40, height = 20) =>
    sharp({ create: { width, height, channels: 3, background: '#336699' } }).toFormat(format).toBuffer()

  it('IPTC in UTF-8 (CodedCharacterSet ESC % G): keywords whole, the caption, the object name, searchable', async () => {
    const bytes = exiftoolWrite(await blank('jpeg'), 'jpg', [
      '-IPTC:CodedCharacterSet=UTF8', '-IPTC:Keywords=Zürich', '-IPTC:Keywords=東京', '-IPTC:Keywords=Rio de Janeiro, Brazil',
      '-IPTC:Caption-Abstract=Straßenbahn am Paradeplatz', '-IPTC:ObjectName=Tram', '-IPTC:CopyrightNotice=© Ørsted',
    ])
    const seen = exiftoolReadBytes(bytes, 'jpg')
    const file = await upload('tram.jpg', bytes)
    expect(file.embedded?.keywords).toEqual(asList(seen['IPTC:Keywords']))
    expect(file.embedded?.keywords).toEqual(['Zürich', '東京', 'Rio de Janeiro, Brazil'])
    expect(file.embedded?.caption).toBe(seen['IPTC:Caption-Abstract'])
    expect(file.embedded?.title).toBe(seen['IPTC:ObjectName'])
    expect(file.embedded?.copyright).toBe(seen['IPTC:CopyrightNotice'])
    expect(await search('zürich')).toEqual(['tram.jpg'])
    expect(await search('東京')).toEqual(['tram.jpg'])
    expect(await search('paradeplatz')).toEqual(['tram.jpg'])
  })

  it('IPTC without a character set: Latin-1 as exiftool reads it, and UTF-8 where the bytes are valid UTF-8 (MWG)', async () => {
    const latin = exiftoolWrite(await blank('jpeg'), 'jpg', ['-charset', 'iptc=Latin', '-IPTC:Keywords=Zürich'])
    const utf8 = exiftoolWrite(await blank('jpeg'), 'jpg', ['-charset', 'iptc=UTF8', '-IPTC:Keywords=Genève'])
    expect((await upload('latin.jpg', latin)).embedded?.keywords).toEqual(asList(exiftoolReadBytes(latin, 'jpg')['IPTC:Keywords']))
    expect((await upload('utf8.jpg', utf8)).embedded?.keywords).toEqual(asList(exiftoolReadBytes(utf8, 'jpg', '-charset', 'iptc=UTF8')['IPTC:Keywords']))
  })

  it('one IPTC keyword holding a comma stays one keyword', async () => {
    const bytes = exiftoolWrite(await blank('jpeg'), 'jpg', ['-IPTC:Keywords=Rio de Janeiro, Brazil'])
    const file = await upload('rio.jpg', bytes)
    expect(file.embedded?.keywords).toEqual(asList(exiftoolReadBytes(bytes, 'jpg')['IPTC:Keywords']))
  })

  it('a numeric XMP keyword is kept', async () => {
    const bytes = exiftoolWrite(await blank('jpeg'), 'jpg', ['-XMP-dc:Subject=1984'])
    const file = await upload('1984.jpg', bytes)
    expect(file.embedded?.keywords).toEqual(asList(exiftoolReadBytes(bytes, 'jpg')['XMP-dc:Subject']))
    expect(await search('1984')).toEqual(['1984.jpg'])
  })

  it('MWG: EXIF ImageDescription is the description, Windows XPTitle and XPKeywords are read', async () => {
    const bytes = exiftoolWrite(await blank('jpeg'), 'jpg', ['-EXIF:ImageDescription=A tram in the rain', '-XPTitle=Tram 11', '-XPKeywords=tram;rain'])
    const seen = exiftoolReadBytes(bytes, 'jpg')
    const file = await upload('xp.jpg', bytes)
    expect(file.embedded?.caption).toBe(seen['IFD0:ImageDescription'])
    expect(file.embedded?.title).toBe(seen['IFD0:XPTitle'])
    expect(file.embedded?.keywords).toEqual(String(seen['IFD0:XPKeywords']).split(';'))
  })

  it('MWG precedence: EXIF over XMP over IPTC for the description, XMP over IPTC for keywords and title', async () => {
    const bytes = exiftoolWrite(await blank('jpeg'), 'jpg', [
      '-EXIF:ImageDescription=from exif', '-XMP-dc:Description=from xmp', '-IPTC:Caption-Abstract=from iptc',
      '-XMP-dc:Subject=xmp keyword', '-IPTC:Keywords=iptc keyword', '-XMP-dc:Title=xmp title', '-IPTC:ObjectName=iptc title',
    ])
    const mwg = exiftoolReadBytes(bytes, 'jpg', '-use', 'MWG', '-MWG:Description', '-MWG:Keywords')
    const file = await upload('mwg.jpg', bytes)
    expect(file.embedded?.caption).toBe(mwg['MWG:Description'])
    expect(file.embedded?.keywords).toEqual(asList(mwg['MWG:Keywords']))
    expect(file.embedded?.title).toBe('xmp title')
  })

  it('a TIFF carrying IPTC (tag 33723) keeps its camera, date and keywords', async () => {
    const bytes = exiftoolWrite(await blank('tiff'), 'tif', ['-Make=Fujifilm', '-Model=X-T5', '-DateTimeOriginal=2022:05:06 07:08:09', '-IPTC:Keywords=scan', '-IPTC:Keywords=archive, 1990s'])
    const seen = exiftoolReadBytes(bytes, 'tif')
    // exiftool finds the IPTC through the TIFF's tag 33723.
    expect(seen['File:FileType']).toBe('TIFF')
    expect(exiftoolReadBytes(bytes, 'tif', '-u', '-IFD0:IPTC-NAA')['IFD0:IPTC-NAA']).toBeDefined()
    const file = await upload('scan.tif', bytes)
    expect(file.embedded).toMatchObject({
      camera: `${seen['IFD0:Make']} ${seen['IFD0:Model']}`,
      takenAt: isoFromExiftool(seen['ExifIFD:DateTimeOriginal']),
      keywords: asList(seen['IPTC:Keywords']),
    })
  })

  it('WebP: its EXIF and XMP chunks', async () => {
    const bytes = exiftoolWrite(await blank('webp'), 'webp', ['-Make=Google', '-Model=Pixel 8', '-DateTimeOriginal=2024:02:03 04:05:06', '-XMP-dc:Subject=market', '-XMP-dc:Title=Stalls'])
    const seen = exiftoolReadBytes(bytes, 'webp')
    const file = await upload('market.webp', bytes)
    expect(file.embedded).toMatchObject({
      camera: `${seen['IFD0:Make']} ${seen['IFD0:Model']}`,
      takenAt: isoFromExiftool(seen['ExifIFD:DateTimeOriginal']),
      keywords: asList(seen['XMP-dc:Subject']),
      title: seen['XMP-dc:Title'],
    })
  })

  it('PNG: its Title, Description and Copyright text chunks', async () => {
    const bytes = exiftoolWrite(await blank('png'), 'png', ['-PNG:Title=Floor plan', '-PNG:Description=Second floor, east wing', '-PNG:Copyright=Studio North'])
    const seen = exiftoolReadBytes(bytes, 'png')
    const file = await upload('plan.png', bytes)
    expect(file.embedded).toMatchObject({ title: seen['PNG:Title'], caption: seen['PNG:Description'], copyright: seen['PNG:Copyright'] })
    expect(await search('east wing')).toEqual(['plan.png'])
  })

  it('AVIF and HEIC: XMP and EXIF inside the HEIF container; HEIC is an image with its size', async () => {
    const avif = exiftoolWrite(await blank('avif'), 'avif', ['-Make=Apple', '-Model=iPhone 15', '-XMP-dc:Subject=lake', '-XMP-dc:Title=Morning'])
    const seenAvif = exiftoolReadBytes(avif, 'avif')
    const a = await upload('lake.avif', avif)
    expect(a).toMatchObject({ mime: 'image/avif', width: seenAvif['Composite:ImageSize'] ? Number(String(seenAvif['Composite:ImageSize']).split(' ')[0]) : 40 })
    expect(a.embedded).toMatchObject({ camera: `${seenAvif['IFD0:Make']} ${seenAvif['IFD0:Model']}`, keywords: asList(seenAvif['XMP-dc:Subject']), title: seenAvif['XMP-dc:Title'] })
    // The same container branded as HEIC (what a phone writes).
    const heic = Buffer.from(avif)
    const brand = heic.indexOf('avif', 0, 'latin1')
    heic.write('heic', brand, 'latin1')
    const seenHeic = exiftoolReadBytes(heic, 'heic')
    expect(seenHeic['File:MIMEType']).toBe('image/heic')
    const h = await upload('lake.heic', heic)
    expect(h).toMatchObject({ mime: 'image/heic', width: 40, height: 20 })
    expect(h.embedded).toMatchObject({ keywords: asList(seenHeic['XMP-dc:Subject']), title: seenHeic['XMP-dc:Title'] })
  })

  it('"All metadata" holds every text value exiftool reads from EXIF, IPTC and XMP', async () => {
    const bytes = exiftoolWrite(await blank('jpeg'), 'jpg', [
      '-Make=Canon', '-Model=EOS R6', '-Artist=Bea', '-Software=Darktable', '-DateTimeOriginal=2023:07:14 23:30:00', '-OffsetTimeOriginal=+02:00',
      '-LensModel=RF 35mm', '-IPTC:CodedCharacterSet=UTF8', '-IPTC:City=Zürich', '-IPTC:Keywords=Rio de Janeiro, Brazil', '-IPTC:By-line=Bea',
      '-XMP-dc:Subject=1984', '-XMP-dc:Creator=Bea', '-XMP-photoshop:Headline=Trams', '-XMP-xmp:Rating=4',
    ])
    const seen = exiftoolReadBytes(bytes, 'jpg')
    const file = await upload('all.jpg', bytes)
    const fields = await t.admin.call('files.embeddedFields', { fileId: file.id })
    const values = fields.map((f) => f.value)
    const expected = Object.entries(seen).filter(([key, value]) => /^(IFD0|ExifIFD|IPTC|XMP-(?!x:)\w+):/.test(key) && typeof value === 'string' && !value.startsWith('(Binary') && !value.includes('\u001b') && !/^[\d. ]+$/.test(value))
    expect(expected.length).toBeGreaterThan(10)
    // Texts (numbers and lists of numbers are formatted differently by each reader; XMP-x is the packet's wrapper, not a field).
    for (const [key, value] of expected) expect({ key, found: values.some((v) => v.split('; ').includes(value as string) || v === value) }).toEqual({ key, found: true })
    for (const value of asList(seen['IPTC:Keywords'])) expect(values).toContain(value)
    expect(fields.find((f) => f.group === 'xmp' && f.name === 'subject')?.value).toBe(String(seen['XMP-dc:Subject']))
  })

  it('"All metadata" is empty for what is not an image, and refused to whoever cannot read the file', async () => {
    const text = await t.admin.call('files.upload', { folderId, name: 'notes.txt', base64: Buffer.from('hello').toString('base64') })
    expect(await t.admin.call('files.embeddedFields', { fileId: text.id })).toEqual([])
    const bob = await t.admin.call('users.create', { name: 'Bob', email: 'bob@example.com', role: 'restricted' })
    await expect(t.library.as(bob.id).call('files.embeddedFields', { fileId: text.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

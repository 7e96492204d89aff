import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

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

async function photo(camera: { Make: string; Model: string }, taken: string, xmp = false): Promise<string> {
  let image = sharp({ create: { width: 80, height: 60, channels: 3, background: '#996633' } })
    .jpeg()
    .withExif({ IFD0: { ...camera, Copyright: 'ACME' }, IFD2: { DateTimeOriginal: taken, FNumber: '28/10', ExposureTime: '1/250' } })
  if (xmp) image = image.withXmp(XMP)
  return (await image.toBuffer()).toString('base64')
}

describe('embedded metadata', () => {
  it('is read on upload and shown with the asset', async () => {
    const file = await t.admin.call('files.upload', { folderId, name: 'quay.jpg', base64: await photo({ Make: 'Canon', Model: 'EOS R6' }, '2023:07:04 19:45:00', true) })
    expect(file.embedded).toMatchObject({
      camera: 'Canon EOS R6',
      takenAt: '2023-07-04T19:45:00.000Z',
      keywords: ['harbour', 'sunset'],
      title: 'Evening at the quay',
      copyright: 'ACME',
    })
    expect(file.embedded?.exposure).toMatch(/1\/250s f\/2.8/)
  })

  it('is read again for a new version', async () => {
    const file = await t.admin.call('files.upload', { folderId, name: 'a.jpg', base64: await photo({ Make: 'Canon', Model: 'EOS R6' }, '2023:07:04 19:45:00') })
    const next = await t.admin.call('files.uploadVersion', { fileId: file.id, base64: await photo({ Make: 'Nikon', Model: 'Z 8' }, '2024:01:02 08:00:00') })
    expect(next.embedded).toMatchObject({ camera: 'Nikon Z 8', takenAt: '2024-01-02T08:00:00.000Z' })
  })

  it('is searchable: keywords and titles as terms, camera and date taken as filters', async () => {
    await t.admin.call('files.upload', { folderId, name: 'one.jpg', base64: await photo({ Make: 'Canon', Model: 'EOS R6' }, '2023:07:04 19:45:00', true) })
    await t.admin.call('files.upload', { folderId, name: 'two.jpg', base64: await photo({ Make: 'Nikon', Model: 'Z 8' }, '2024:01:02 08:00:00') })
    const names = async (input: Parameters<typeof t.admin.call<'search.assets'>>[1]) =>
      (await t.admin.call('search.assets', input)).items.map((i) => i.name).sort()
    expect(await names({ query: 'sunset' })).toEqual(['one.jpg'])
    expect(await names({ query: 'quay' })).toEqual(['one.jpg'])
    expect(await names({ query: '', camera: 'nikon' })).toEqual(['two.jpg'])
    expect(await names({ query: '', takenFrom: '2024-01-01' })).toEqual(['two.jpg'])
    expect(await names({ query: '', takenTo: '2023-07-04' })).toEqual(['one.jpg'])
    expect(await names({ query: '', takenFrom: '2022-01-01', takenTo: '2025-01-01' })).toEqual(['one.jpg', 'two.jpg'])
  })
})

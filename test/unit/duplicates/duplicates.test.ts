import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { original, variants } from '../../support/imageFamilies.js'

let t: TempLibrary
let folderId: string
beforeEach(async () => {
  t = await tempLibrary()
  folderId = (await t.admin.call('folders.create', { parentId: t.homeId, name: 'Shoot' })).id
})
afterEach(async () => t.close())

const upload = (name: string, bytes: Buffer, parent = folderId) => t.admin.call('files.upload', { folderId: parent, name, base64: bytes.toString('base64') })
const names = (group: { files: { name: string }[] }) => group.files.map((f) => f.name).sort()

describe('Find duplicates', () => {
  it('lists files with the same content, and copies that look the same, each family once and never mixed', async () => {
    const families = 4
    for (let seed = 1; seed <= families; seed++) {
      const photo = await original(seed * 7)
      await upload(`f${seed}-original.jpg`, photo)
      const v = await variants(photo)
      await upload(`f${seed}-small.jpg`, v.resized)
      await upload(`f${seed}-cropped.jpg`, v.cropped)
      await upload(`f${seed}-web.webp`, v.resizedReencoded)
    }
    const copy = await original(1000)
    await upload('copy-a.jpg', copy)
    await upload('copy-b.jpg', copy)
    await upload('notes.txt', Buffer.from('no picture'))
    await upload('notes-again.txt', Buffer.from('no picture'))

    const report = await t.admin.call('duplicates.find', {})
    expect(report.sameContent.map(names).sort()).toEqual([['copy-a.jpg', 'copy-b.jpg'], ['notes-again.txt', 'notes.txt']])
    expect(report.lookAlike.map(names).sort()).toEqual(
      Array.from({ length: families }, (_, i) => [`f${i + 1}-cropped.jpg`, `f${i + 1}-original.jpg`, `f${i + 1}-small.jpg`, `f${i + 1}-web.webp`]),
    )
  }, 120_000)

  it('"Similar images" lists a file\'s copies nearest first, the same bytes first of all, and not the file itself', async () => {
    const photo = await original(3)
    const mine = await upload('mine.jpg', photo)
    await upload('same-bytes.jpg', photo)
    const v = await variants(photo)
    await upload('reencoded.jpg', v.reencoded)
    await upload('cropped.jpg', v.cropped)
    await upload('other.jpg', await original(4))
    const { matches } = await t.admin.call('duplicates.similar', { fileId: mine.id })
    expect(matches.map((m) => m.file.name)).toEqual(['same-bytes.jpg', 'reencoded.jpg', 'cropped.jpg'])
    expect(matches[0]).toMatchObject({ distance: 0, sameContent: true })
    expect(matches[2].distance).toBeGreaterThanOrEqual(matches[1].distance)
  }, 60_000)

  it('shows a restricted user only what they can view: no hidden copy is named, counted or hinted at', async () => {
    const shared = (await t.admin.call('folders.create', { parentId: t.homeId, name: 'Shared' })).id
    const hidden = (await t.admin.call('folders.create', { parentId: t.homeId, name: 'Private' })).id
    const photo = await original(11)
    const v = await variants(photo)
    const visible = await upload('visible.jpg', photo, shared)
    await upload('visible-small.jpg', v.resized, shared)
    await upload('secret-copy.jpg', photo, hidden)
    await upload('secret-small.jpg', v.resized, hidden)
    await upload('secret-cropped.jpg', v.cropped, hidden)
    const lone = await upload('lone.png', await sharp(await original(12)).png().toBuffer(), shared)
    await upload('lone-secret-copy.png', await sharp(await original(12)).png().toBuffer(), hidden)
    const rita = await t.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    await t.admin.call('sharing.set', { resourceId: shared, subjectId: rita.id, level: 'view' })
    const asRita = t.library.as(rita.id)

    const report = await asRita.call('duplicates.find', {})
    const said = JSON.stringify(report)
    expect(said).not.toMatch(/secret|Private/)
    expect(report.sameContent).toEqual([])
    expect(report.lookAlike.map(names)).toEqual([['visible-small.jpg', 'visible.jpg']])
    const similar = await asRita.call('duplicates.similar', { fileId: visible.id })
    expect(similar.matches.map((m) => m.file.name)).toEqual(['visible-small.jpg'])
    expect(JSON.stringify(await asRita.call('duplicates.similar', { fileId: lone.id }))).toBe('{"matches":[]}')
    // A hidden file cannot be asked about, and the refusal is the same as for no file at all.
    const secret = (await t.admin.call('assets.list', { folderId: hidden })).find((a) => a.name === 'secret-copy.jpg')!
    const refused = await asRita.call('duplicates.similar', { fileId: secret.id }).catch((e: unknown) => e)
    const missing = await asRita.call('duplicates.similar', { fileId: 'no-such-id' }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 'NOT_FOUND' })
    expect(JSON.stringify(refused).replaceAll(secret.id, 'ID')).toBe(JSON.stringify(missing).replaceAll('no-such-id', 'ID'))
    // The admin, who sees everything, gets the hidden copies.
    const all = await t.admin.call('duplicates.find', {})
    expect(all.sameContent.map(names)).toEqual(expect.arrayContaining([['secret-copy.jpg', 'visible.jpg']]))
  }, 120_000)
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused, recordsOf, tempLibrary, type TempLibrary } from '../../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary({ trashPurge: false })
})
afterEach(async () => t.close())

const text = (s: string) => Buffer.from(s).toString('base64')
const names = async () => (await t.admin.call('assets.list', { folderId: t.homeId })).map((a) => a.name).sort()

describe('an upload whose name is taken', () => {
  it('is refused without a choice, naming what holds the name, and changes nothing', async () => {
    const first = await t.admin.call('files.upload', { folderId: t.homeId, name: 'sunset.jpg', base64: text('one') })
    const before = recordsOf(t.library)
    const error = await expectRefused(t.admin.call('files.upload', { folderId: t.homeId, name: 'Sunset.JPG', base64: text('two') }), 'CONFLICT')
    expect(error.details).toMatchObject({ name: 'Sunset.JPG', existingId: first.id })
    expect(recordsOf(t.library).assets).toEqual(before.assets)
  })

  it('keep both: uploads beside it under the first free copy name', async () => {
    await t.admin.call('files.upload', { folderId: t.homeId, name: 'sunset.jpg', base64: text('one') })
    const second = await t.admin.call('files.upload', { folderId: t.homeId, name: 'sunset.jpg', base64: text('two'), onConflict: 'keepBoth' })
    const third = await t.admin.call('files.upload', { folderId: t.homeId, name: 'sunset.jpg', base64: text('three'), onConflict: 'keepBoth' })
    expect([second.name, third.name]).toEqual(['sunset (copy).jpg', 'sunset (copy 2).jpg'])
    expect(await names()).toEqual(['sunset (copy 2).jpg', 'sunset (copy).jpg', 'sunset.jpg'])
  })

  it('replace: the bytes become the next version of the same file, earlier versions kept', async () => {
    const first = await t.admin.call('files.upload', { folderId: t.homeId, name: 'notes.txt', base64: text('one') })
    const replaced = await t.admin.call('files.upload', { folderId: t.homeId, name: 'notes.txt', base64: text('second text'), onConflict: 'replace' })
    expect(replaced.id).toBe(first.id)
    expect(await names()).toEqual(['notes.txt'])
    const versions = await t.admin.call('files.versions', { fileId: first.id })
    expect(versions.map((v) => [v.number, v.size, v.current])).toEqual([[2, 11, true], [1, 3, false]])
    const read = await t.admin.call('files.read', { fileId: first.id })
    expect(Buffer.from(read.base64, 'base64').toString()).toBe('second text')
  })

  it('replace where a folder holds the name is refused with what to do instead, and changes nothing', async () => {
    await t.admin.call('folders.create', { parentId: t.homeId, name: 'Brand' })
    const before = recordsOf(t.library)
    const error = await expectRefused(t.admin.call('files.upload', { folderId: t.homeId, name: 'brand', base64: text('x'), onConflict: 'replace' }), 'CONFLICT')
    expect(error.message).toMatch(/folder named "brand".*keep both or skip/)
    expect(recordsOf(t.library).assets).toEqual(before.assets)
  })

  it('a choice given where nothing clashes uploads under the name asked for', async () => {
    const file = await t.admin.call('files.upload', { folderId: t.homeId, name: 'free.txt', base64: text('x'), onConflict: 'replace' })
    expect(file.name).toBe('free.txt')
    expect((await t.admin.call('files.versions', { fileId: file.id })).length).toBe(1)
  })

  it('replace needs the right to upload to the file: a viewer of the folder is refused', async () => {
    const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Shared' })
    await t.admin.call('files.upload', { folderId: folder.id, name: 'a.txt', base64: text('one') })
    const vic = await t.admin.call('users.create', { name: 'Vic', email: 'vic@example.com', role: 'restricted' })
    await t.admin.call('sharing.set', { resourceId: folder.id, subjectId: vic.id, level: 'view' })
    const before = recordsOf(t.library)
    await expectRefused(t.library.as(vic.id).call('files.upload', { folderId: folder.id, name: 'a.txt', base64: text('two'), onConflict: 'replace' }), 'FORBIDDEN')
    expect(recordsOf(t.library).assets).toEqual(before.assets)
  })

  it('an unknown choice is refused as bad input', async () => {
    await expectRefused(t.admin.call('files.upload', { folderId: t.homeId, name: 'a.txt', base64: text('x'), onConflict: 'skip' as 'replace' }), 'INVALID_INPUT')
  })
})

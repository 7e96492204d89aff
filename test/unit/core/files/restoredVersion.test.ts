import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempLibrary, type TempLibrary } from '../../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary({ trashPurge: false })
})
afterEach(async () => t.close())

const text = (s: string) => Buffer.from(s).toString('base64')

describe('a restored version', () => {
  it('says which version it was restored from; a copy of it starts its own history', async () => {
    const file = await t.admin.call('files.upload', { folderId: t.homeId, name: 'notes.txt', base64: text('first') })
    await t.admin.call('files.uploadVersion', { fileId: file.id, base64: text('second') })
    await t.admin.call('files.restoreVersion', { fileId: file.id, version: 1 })
    const versions = await t.admin.call('files.versions', { fileId: file.id })
    expect(versions.map((v) => [v.number, v.restoredFrom])).toEqual([[3, 1], [2, undefined], [1, undefined]])
    const [copy] = await t.admin.call('assets.copy', { ids: [file.id], targetFolderId: t.homeId })
    expect((await t.admin.call('files.versions', { fileId: copy.id }))[0].restoredFrom).toBeUndefined()
  })
})

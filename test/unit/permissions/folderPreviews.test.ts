import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused, pngBase64, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { folderChain, restrictedUser, textBase64, type Person } from './fixtures.js'

let t: TempLibrary
let uma: Person

beforeEach(async () => {
  t = await tempLibrary()
  uma = await restrictedUser(t, 'Uma')
})
afterEach(async () => t.close())

describe('folder tile previews', () => {
  it('gives up to three of a folder\'s own pictures, by name, and nothing of a folder the caller cannot view', async () => {
    const [shared, secret] = await folderChain(t, ['Shared', 'Secret'])
    const up = (folderId: string, name: string) => t.admin.call('files.upload', { folderId, name, base64: pngBase64(3, 3) })
    const d = await up(shared.id, 'd.png')
    const b = await up(shared.id, 'b.png')
    await t.admin.call('files.upload', { folderId: shared.id, name: 'a.txt', base64: textBase64('words') })
    const c = await up(shared.id, 'c.png')
    await up(shared.id, 'e.png')
    await up(secret.id, 'deep.png')
    await t.admin.call('sharing.set', { resourceId: shared.id, subjectId: uma.id, level: 'view' })
    const answer = await uma.as.call('assets.previews', { folderIds: [shared.id] })
    expect(answer).toEqual({ [shared.id]: [b, c, d].map((f) => ({ id: f.id, version: 1 })) })
    // Secret is inside Shared, so Uma may view it; the picture in it is not one of Shared's own.
    expect((await uma.as.call('assets.previews', { folderIds: [secret.id] }))[secret.id]).toHaveLength(1)
    const [hidden] = await folderChain(t, ['Hidden'])
    await up(hidden.id, 'x.png')
    const refused = await expectRefused(uma.as.call('assets.previews', { folderIds: [shared.id, hidden.id] }), 'NOT_FOUND')
    const missing = await expectRefused(uma.as.call('assets.previews', { folderIds: [shared.id, 'no-such-folder'] }), 'NOT_FOUND')
    expect(refused.message.replace(hidden.id, 'ID')).toBe(missing.message.replace('no-such-folder', 'ID'))
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pngBase64, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { folderChain, restrictedUser, textBase64, type Person } from './fixtures.js'

let t: TempLibrary
let uma: Person
/** /Secret is hidden from Uma; /Secret/Shared is shared with her (contribute). */
let secret: { id: string }
let shared: { id: string }

beforeEach(async () => {
  t = await tempLibrary()
  uma = await restrictedUser(t, 'Uma')
  ;[secret, shared] = await folderChain(t, ['Secret', 'Shared'])
  await t.admin.call('sharing.set', { resourceId: shared.id, subjectId: uma.id, level: 'contribute' })
})
afterEach(async () => t.close())

const summaries = async (resourceId?: string, as = uma.as) =>
  (await as.call('activity.list', resourceId === undefined ? { limit: 500 } : { resourceId, limit: 500 })).items.map((e) => e.summary)

describe('activity a restricted user reads', () => {
  it('names files and folders by her own path to them, for every kind of entry that names one', async () => {
    const image = await t.admin.call('files.upload', { folderId: shared.id, name: 'logo.png', base64: pngBase64(4, 4) })
    const [inner] = await folderChain(t, ['Inner'], shared.id)
    await t.admin.call('files.uploadVersion', { fileId: image.id, base64: pngBase64(6, 6) })
    await t.admin.call('files.restoreVersion', { fileId: image.id, version: 1 })
    await t.admin.call('comments.add', { fileId: image.id, text: 'nice' })
    await t.admin.call('metadata.set', { fileId: image.id, values: {} })
    await t.admin.call('focus.set', { fileId: image.id, rect: { x: 0, y: 0, width: 1, height: 1 } })
    await t.admin.call('assets.move', { ids: [image.id], targetFolderId: inner.id })
    const seen = await summaries(image.id)
    expect(seen.length).toBeGreaterThanOrEqual(7)
    for (const summary of seen) expect(summary).not.toMatch(/Secret/)
    // Rendered when read: the upload names where the file is now.
    expect(seen).toContain('uploaded …/Shared/Inner/logo.png')
    expect(seen).toContain('moved 1 item(s) to …/Shared/Inner')
    expect(seen).toContain('commented on …/Shared/Inner/logo.png')
    expect((await summaries(shared.id)).join('\n')).toContain('created folder …/Shared/Inner')
    // Her own entries are written for her the same way.
    await uma.as.call('folders.create', { parentId: shared.id, name: 'Mine' })
    expect(await summaries()).toEqual(['created folder …/Shared/Mine'])
    // An admin reads the full paths.
    expect(await summaries(image.id, t.admin)).toContain('uploaded /Secret/Shared/Inner/logo.png')
  })

  it('leaves out her own entries about what she can no longer see', async () => {
    const [open] = await folderChain(t, ['Open'])
    await t.admin.call('sharing.set', { resourceId: open.id, subjectId: uma.id, level: 'contribute' })
    await uma.as.call('files.upload', { folderId: open.id, name: 'note.txt', base64: textBase64('n') })
    expect(await summaries()).toEqual(['uploaded /Open/note.txt'])
    await t.admin.call('sharing.remove', { resourceId: open.id, subjectId: uma.id })
    const { items } = await uma.as.call('activity.list')
    expect(items).toEqual([])
  })

  it('shows an entry stored with a full path (before entries named by id) by its action alone', async () => {
    const file = await t.admin.call('files.upload', { folderId: shared.id, name: 'old.txt', base64: textBase64('o') })
    const admin = t.library.core.store.tables.users.get(t.admin.session.userId!)!
    await t.library.core.store.commit({
      actor: admin.id, op: 'test.legacy',
      put: { activity: [{ id: 'legacy-1', at: 1, actorId: admin.id, action: 'files.upload', ids: [file.id, shared.id], summary: 'uploaded /Secret/Shared/old.txt' }] },
    })
    const history = await uma.as.call('activity.list', { resourceId: file.id })
    expect(history.items.find((e) => e.id === 'legacy-1')?.summary).toBe('uploaded a file')
    expect(JSON.stringify(history)).not.toContain('Secret')
    expect(JSON.stringify(history)).not.toContain(secret.id)
    expect((await t.admin.call('activity.list', { resourceId: file.id })).items.find((e) => e.id === 'legacy-1')?.summary).toBe('uploaded /Secret/Shared/old.txt')
  })
})

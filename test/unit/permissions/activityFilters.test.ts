import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { folderChain, restrictedUser, textBase64, type Person } from './fixtures.js'

let t: TempLibrary
let now = 1_000_000
let uma: Person
/** /Brand with /Brand/Logos inside, shared with Uma (view); /Secret hidden from her. */
let brand: { id: string }
let logos: { id: string }
let secret: { id: string }

beforeEach(async () => {
  now = 1_000_000
  t = await tempLibrary({ clock: () => now, trashPurge: false })
  uma = await restrictedUser(t, 'Uma')
  ;[brand, logos] = await folderChain(t, ['Brand', 'Logos'])
  ;[secret] = await folderChain(t, ['Secret'])
  await t.admin.call('sharing.set', { resourceId: brand.id, subjectId: uma.id, level: 'contribute' })
})
afterEach(async () => t.close())

const summaries = (r: { items: { summary: string }[] }) => r.items.map((e) => e.summary)

describe('activity filters', () => {
  it('a folder with everything below it, newest first, paged', async () => {
    now = 2_000_000
    const a = await t.admin.call('files.upload', { folderId: logos.id, name: 'a.txt', base64: textBase64('a') })
    now = 3_000_000
    await t.admin.call('assets.rename', { id: a.id, name: 'b.txt' })
    await t.admin.call('files.upload', { folderId: secret.id, name: 'elsewhere.txt', base64: textBase64('x') })
    // The folder's own history does not hold what happened inside its subfolder.
    expect(summaries(await t.admin.call('activity.list', { resourceId: brand.id }))).not.toContain('uploaded /Brand/Logos/b.txt')
    const page1 = await t.admin.call('activity.list', { resourceId: brand.id, within: true, limit: 2 })
    expect(summaries(page1)).toEqual(['renamed "a.txt" to "b.txt"', 'uploaded /Brand/Logos/b.txt'])
    expect(page1.hasMore).toBe(true)
    const page2 = await t.admin.call('activity.list', { resourceId: brand.id, within: true, limit: 2, before: page1.items[1].id })
    expect(summaries(page2).join('\n')).toContain('created folder /Brand/Logos')
    expect(summaries({ items: [...page1.items, ...page2.items] }).join('\n')).not.toContain('elsewhere')
  })

  it('by who acted, by action or domain, and by time', async () => {
    now = 2_000_000
    await uma.as.call('files.upload', { folderId: brand.id, name: 'u.txt', base64: textBase64('u') })
    now = 3_000_000
    const f = await t.admin.call('files.upload', { folderId: brand.id, name: 'f.txt', base64: textBase64('f') })
    now = 4_000_000
    await t.admin.call('assets.move', { ids: [f.id], targetFolderId: logos.id })
    const admin = t.admin.session.userId!
    const byUma = await t.admin.call('activity.list', { by: uma.id })
    expect(byUma.items.map((e) => e.actorName)).toEqual(['Uma'])
    const moves = await t.admin.call('activity.list', { actions: ['assets'] })
    expect(moves.items.map((e) => e.action)).toEqual(['assets.move'])
    const uploads = await t.admin.call('activity.list', { actions: ['files.upload'], by: admin })
    expect(summaries(uploads)).toEqual(['uploaded /Brand/Logos/f.txt'])
    const window = await t.admin.call('activity.list', { from: 2_500_000, to: 3_500_000 })
    expect(window.items.map((e) => e.at)).toEqual([3_000_000])
  })

  it('refuses filters that make no sense, changing nothing', async () => {
    await expectRefused(t.admin.call('activity.list', { within: true }), 'INVALID_INPUT')
    await expectRefused(t.admin.call('activity.list', { from: 5, to: 4 }), 'INVALID_INPUT')
    await expectRefused(t.admin.call('activity.list', { actions: ['no spaces allowed'] }), 'INVALID_INPUT')
  })

  it('a restricted reader of a folder and what is below it sees only what she can view, and nothing of the rest', async () => {
    const hidden = await t.admin.call('folders.create', { parentId: logos.id, name: 'Hidden plans' })
    // Logos stays hers through Brand; a grant cannot take it away, so hide by moving out of her reach instead.
    await t.admin.call('assets.move', { ids: [hidden.id], targetFolderId: secret.id })
    await t.admin.call('files.upload', { folderId: hidden.id, name: 'plan.txt', base64: textBase64('p') })
    await t.admin.call('files.upload', { folderId: logos.id, name: 'logo.txt', base64: textBase64('l') })
    const seen = await uma.as.call('activity.list', { resourceId: brand.id, within: true, limit: 500 })
    const text = JSON.stringify(seen)
    expect(text).toContain('logo.txt')
    for (const leak of ['Hidden plans', 'plan.txt', 'Secret', hidden.id, secret.id]) expect(text).not.toContain(leak)
    // A folder she cannot view is not found, as if it did not exist.
    await expectRefused(uma.as.call('activity.list', { resourceId: secret.id, within: true }), 'NOT_FOUND')
    // Library-wide, filtering by someone else still gives her only her own entries.
    expect((await uma.as.call('activity.list', { by: t.admin.session.userId! })).items).toEqual([])
  })

  it('a view-as action names both the user and the admin behind it', async () => {
    const viewing = t.library.caller(t.library.session(t.admin.session.userId))
    await viewing.call('session.viewAs', { userId: uma.id })
    await viewing.call('files.upload', { folderId: brand.id, name: 'via.txt', base64: textBase64('v') })
    const entries = (await t.admin.call('activity.list', { by: t.admin.session.userId! })).items.filter((e) => e.viaAdminName)
    expect(entries.map((e) => [e.summary, e.actorName, e.viaAdminName])).toEqual([['uploaded /Brand/via.txt', 'Uma', 'Ada']])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../../main/core/index.js'
import { expectRefused, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { folderChain, restrictedUser, textBase64, type Person } from './fixtures.js'

let t: TempLibrary
let uma: Person
let vic: Person
let shared: { id: string }
let secret: { id: string }
let seen: { id: string }
let hidden: { id: string }

/** Uma views /Shared; /Secret is nobody's but the admin's. Both hold a "report". */
beforeEach(async () => {
  t = await tempLibrary()
  uma = await restrictedUser(t, 'Uma')
  vic = await restrictedUser(t, 'Vic')
  ;[shared] = await folderChain(t, ['Shared'])
  ;[secret] = await folderChain(t, ['Secret'])
  seen = await t.admin.call('files.upload', { folderId: shared.id, name: 'report-seen.txt', base64: textBase64('a') })
  hidden = await t.admin.call('files.upload', { folderId: secret.id, name: 'report-hidden.txt', base64: textBase64('b') })
  await t.admin.call('sharing.set', { resourceId: shared.id, subjectId: uma.id, level: 'view' })
})
afterEach(async () => t.close())

const hitsOf = async (caller: Caller, smartCollectionId: string) => {
  const page = await caller.call('smartCollections.assets', { smartCollectionId })
  return { ids: page.items.map((a) => a.id).sort(), total: page.total, hasMore: page.hasMore }
}

describe('smart collections and what each reader can view', () => {
  it('shows a restricted reader only the hits they can view, counted among those alone', async () => {
    const smart = await t.admin.call('smartCollections.create', { name: 'Reports', search: { query: 'report' } })
    await t.admin.call('smartCollections.share', { smartCollectionId: smart.id, subjectIds: [uma.id] })
    expect(await hitsOf(t.admin, smart.id)).toEqual({ ids: [seen.id, hidden.id].sort(), total: 2, hasMore: false })
    expect(await hitsOf(uma.as, smart.id)).toEqual({ ids: [seen.id], total: 1, hasMore: false })
    // Paging says nothing of the hidden hit either.
    const first = await uma.as.call('smartCollections.assets', { smartCollectionId: smart.id, limit: 1 })
    expect([first.total, first.hasMore]).toEqual([1, false])
  })

  it('stays up to date: a file added where the reader can view it appears, and the reader hears of it', async () => {
    const smart = await t.admin.call('smartCollections.create', { name: 'Reports', search: { query: 'report' } })
    await t.admin.call('smartCollections.share', { smartCollectionId: smart.id, subjectIds: [uma.id] })
    const heard: string[][] = []
    uma.as.subscribe('library.changed', (e) => heard.push(e.assetIds))
    await t.admin.call('files.upload', { folderId: secret.id, name: 'report-2.txt', base64: textBase64('c') })
    const added = await t.admin.call('files.upload', { folderId: shared.id, name: 'report-new.txt', base64: textBase64('d') })
    expect((await hitsOf(uma.as, smart.id)).ids).toEqual([seen.id, added.id].sort())
    expect(heard).toEqual([[added.id]])
  })

  it('answers one not shared with the reader exactly as a missing one, and lists it nowhere', async () => {
    const smart = await t.admin.call('smartCollections.create', { name: 'Secret reports', search: { query: 'report' } })
    expect(await uma.as.call('smartCollections.list')).toEqual([])
    for (const channel of ['smartCollections.get', 'smartCollections.assets', 'smartCollections.delete'] as const) {
      const hiddenOne = await expectRefused(uma.as.call(channel, { smartCollectionId: smart.id }), 'NOT_FOUND')
      const missing = await expectRefused(uma.as.call(channel, { smartCollectionId: 'no-such-smart' }), 'NOT_FOUND')
      expect(hiddenOne.message.replace(smart.id, 'ID')).toBe(missing.message.replace('no-such-smart', 'ID'))
      expect(hiddenOne.message).not.toContain('Secret reports')
    }
  })

  it('never names, to a reader it is shared with, a folder it is kept to that they cannot view', async () => {
    const smart = await t.admin.call('smartCollections.create', { name: 'In secret', search: { query: 'report', folderId: secret.id } })
    await t.admin.call('smartCollections.share', { smartCollectionId: smart.id, subjectIds: [uma.id] })
    const [view] = await uma.as.call('smartCollections.list')
    expect(view.folderHidden).toBe(true)
    expect(JSON.stringify(view)).not.toContain(secret.id)
    expect(await hitsOf(uma.as, smart.id)).toEqual({ ids: [], total: 0, hasMore: false })
    // The owner still sees the folder and its hits.
    const own = await t.admin.call('smartCollections.get', { smartCollectionId: smart.id })
    expect([own.search.folderId, own.folderHidden]).toEqual([secret.id, false])
  })

  it('does not tell a reader whom else it is shared with, and lets only the owner change it', async () => {
    const group = await t.admin.call('groups.create', { name: 'Editors' })
    await t.admin.call('groups.addMembers', { groupId: group.id, userIds: [uma.id] })
    const smart = await t.admin.call('smartCollections.create', { name: 'Reports', search: { query: 'report' } })
    await t.admin.call('smartCollections.share', { smartCollectionId: smart.id, subjectIds: [group.id, vic.id] })
    const [view] = await uma.as.call('smartCollections.list')
    expect([view.name, view.mine, view.sharedWith]).toEqual(['Reports', false, null])
    expect((await t.admin.call('smartCollections.get', { smartCollectionId: smart.id })).sharedWith?.map((s) => s.name)).toEqual(['Editors', 'Vic'])
    await expectRefused(uma.as.call('smartCollections.rename', { smartCollectionId: smart.id, name: 'Mine now' }), 'FORBIDDEN')
    await expectRefused(uma.as.call('smartCollections.delete', { smartCollectionId: smart.id }), 'FORBIDDEN')
    await expectRefused(uma.as.call('smartCollections.share', { smartCollectionId: smart.id, subjectIds: [] }), 'FORBIDDEN')
  })

  it('refuses to save a search kept to a folder the saver cannot view, as if it were missing', async () => {
    await expectRefused(uma.as.call('smartCollections.create', { name: 'Peek', search: { query: '', folderId: secret.id } }), 'NOT_FOUND')
    expect(await uma.as.call('smartCollections.list')).toEqual([])
  })

  it('keeps each owner to their own: names may repeat across owners, and nobody hears of another\'s', async () => {
    const heard: string[] = []
    uma.as.subscribe('library.changed', (e) => heard.push(e.op))
    await t.admin.call('smartCollections.create', { name: 'Reports', search: { query: 'report' } })
    const mine = await uma.as.call('smartCollections.create', { name: 'reports', search: { query: 'report' } })
    expect(heard).toEqual(['smartCollections.create'])
    expect((await uma.as.call('smartCollections.list')).map((s) => s.id)).toEqual([mine.id])
    expect((await uma.as.call('activity.list')).items.map((e) => e.action)).toEqual(['smartCollections.create'])
    expect(await hitsOf(uma.as, mine.id)).toEqual({ ids: [seen.id], total: 1, hasMore: false })
  })

  it('shows an admin viewing as a restricted user exactly what that user sees', async () => {
    const smart = await t.admin.call('smartCollections.create', { name: 'Reports', search: { query: 'report' } })
    await t.admin.call('smartCollections.share', { smartCollectionId: smart.id, subjectIds: [uma.id] })
    await t.admin.call('smartCollections.create', { name: 'Admin only', search: { query: 'hidden' } })
    const viewing = t.library.caller(t.library.session(t.admin.session.userId))
    await viewing.call('session.viewAs', { userId: uma.id })
    expect(await viewing.call('smartCollections.list')).toEqual(await uma.as.call('smartCollections.list'))
    expect(await hitsOf(viewing, smart.id)).toEqual(await hitsOf(uma.as, smart.id))
    expect(await hitsOf(viewing, smart.id)).toEqual({ ids: [seen.id], total: 1, hasMore: false })
  })

  it('shows a reader its words and tags only while it finds something for them, so a tag seen only on hidden files is never named', async () => {
    await t.admin.call('tags.add', { ids: [hidden.id], tags: ['merger-2027'] })
    const smart = await t.admin.call('smartCollections.create', { name: 'Deal', search: { query: 'report', tags: ['merger-2027'], type: 'file' } })
    await t.admin.call('smartCollections.share', { smartCollectionId: smart.id, subjectIds: [uma.id] })
    const [view] = await uma.as.call('smartCollections.list')
    expect(view.termsHidden).toBe(true)
    expect(view.search).toEqual({ query: '', type: 'file' })
    expect(JSON.stringify(await uma.as.call('smartCollections.get', { smartCollectionId: smart.id }))).not.toMatch(/merger|report/)
    expect(await hitsOf(uma.as, smart.id)).toEqual({ ids: [], total: 0, hasMore: false })
    // Its owner sees the whole search.
    const own = await t.admin.call('smartCollections.get', { smartCollectionId: smart.id })
    expect([own.search.tags, own.termsHidden]).toEqual([['merger-2027'], false])
    // Once a file she can view carries the tag and the words, she sees them with it.
    await t.admin.call('tags.add', { ids: [seen.id], tags: ['merger-2027'] })
    const now = await uma.as.call('smartCollections.get', { smartCollectionId: smart.id })
    expect([now.search, now.termsHidden]).toEqual([{ query: 'report', tags: ['merger-2027'], type: 'file' }, false])
    expect((await hitsOf(uma.as, smart.id)).ids).toEqual([seen.id])
  })

  it('hides a custom metadata value that matches only hidden files, as it hides words', async () => {
    const field = await t.admin.call('metadata.defineField', { name: 'Client', type: 'text' })
    await t.admin.call('metadata.set', { fileId: hidden.id, values: { [field.id]: 'Northwind' } })
    const smart = await t.admin.call('smartCollections.create', { name: 'Client work', search: { query: '', metadata: [{ fieldId: field.id, value: 'northwind' }] } })
    await t.admin.call('smartCollections.share', { smartCollectionId: smart.id, subjectIds: [uma.id] })
    const view = await uma.as.call('smartCollections.get', { smartCollectionId: smart.id })
    expect([view.termsHidden, view.search.metadata]).toEqual([true, undefined])
    expect(JSON.stringify(view)).not.toMatch(/northwind/i)
  })
})

describe('smart collections of a user who is deleted', () => {
  it('go with them when they kept them to themselves, and pass to the admin who deleted them when shared, so its readers keep them', async () => {
    const kept = await uma.as.call('smartCollections.create', { name: 'Just mine', search: { query: 'report' } })
    const shared = await uma.as.call('smartCollections.create', { name: 'Reports', search: { query: 'report' } })
    await uma.as.call('smartCollections.share', { smartCollectionId: shared.id, subjectIds: [vic.id, t.admin.session.userId!] })
    await t.admin.call('smartCollections.create', { name: 'reports', search: { query: 'seen' } })
    // Uma is also a reader of one of Vic's.
    const vics = await vic.as.call('smartCollections.create', { name: 'Vic’s', search: { query: 'report' } })
    await vic.as.call('smartCollections.share', { smartCollectionId: vics.id, subjectIds: [uma.id] })

    await t.admin.call('users.delete', { userId: uma.id })
    const store = t.library.core.store.tables.smartCollections
    expect(store.has(kept.id)).toBe(false)
    const passed = await t.admin.call('smartCollections.get', { smartCollectionId: shared.id })
    // The admin already had a "reports": the one passed on says whose it was.
    expect([passed.name, passed.mine, passed.ownerName]).toEqual(['Reports (from Uma)', true, 'Ada'])
    expect(passed.sharedWith?.map((s) => s.name)).toEqual(['Vic'])
    const [forVic] = (await vic.as.call('smartCollections.list')).filter((c) => c.id === shared.id)
    expect([forVic.ownerName, forVic.mine]).toEqual(['Ada', false])
    expect(store.get(vics.id)?.sharedWith).toEqual([])
    const [entry] = (await t.admin.call('activity.list', { actions: ['users.delete'] })).items
    expect(entry.summary).toBe('deleted user Uma; 1 smart collection(s) they shared passed to Ada')
  })
})

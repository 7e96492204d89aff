import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openContent, openRendition } from '../../../main/core/index.js'
import type { Events } from '../../../shared/contract/index.js'
import { expectRefused, pngBase64, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { folderChain, restrictedUser, textBase64, type Person } from './fixtures.js'
import { zipEntries } from './zipEntries.js'

let t: TempLibrary
let uma: Person
/** /Secret is not shared; /Secret/Shared is shared with Uma (view); /Open is shared with her (contribute). */
let secret: { id: string }
let shared: { id: string }
let open: { id: string }

beforeEach(async () => {
  t = await tempLibrary()
  uma = await restrictedUser(t, 'Uma')
  ;[secret, shared] = await folderChain(t, ['Secret', 'Shared'])
  ;[open] = await folderChain(t, ['Open'])
  await t.admin.call('sharing.set', { resourceId: shared.id, subjectId: uma.id, level: 'view' })
  await t.admin.call('sharing.set', { resourceId: open.id, subjectId: uma.id, level: 'contribute' })
})
afterEach(async () => t.close())

const upload = (folderId: string, name: string, base64 = textBase64(name)) => t.admin.call('files.upload', { folderId, name, base64 })
/** A stream let go of before the library folder goes: one still opening would fail after the test ended. */
const closed = (stream: NodeJS.ReadableStream & { destroy(): void }) =>
  new Promise<void>((resolve) => {
    stream.once('close', () => resolve())
    stream.destroy()
  })
const ids = (items: { id: string }[]) => items.map((i) => i.id)

describe('what a restricted user cannot view is never revealed', () => {
  it('by search: results, tag matches and hasMore count only viewable assets', async () => {
    const hidden = []
    for (let i = 0; i < 5; i++) hidden.push(await upload(secret.id, `match-hidden-${i}.txt`))
    await t.admin.call('tags.add', { ids: [hidden[0].id], tags: ['brand'] })
    const seen = [await upload(shared.id, 'match-seen-0.txt'), await upload(shared.id, 'match-seen-1.txt')]
    const all = await uma.as.call('search.assets', { query: 'match' })
    expect(ids(all.items).sort()).toEqual(ids(seen).sort())
    expect(all.hasMore).toBe(false)
    // Five hidden matches come first in the index; a page of one still counts only what she sees.
    expect(await uma.as.call('search.assets', { query: 'match', limit: 2 })).toMatchObject({ hasMore: false })
    expect(await uma.as.call('search.assets', { query: 'match', limit: 1 })).toMatchObject({ hasMore: true })
    expect((await uma.as.call('search.assets', { query: '', tags: ['brand'] })).items).toEqual([])
    expect((await uma.as.call('search.assets', { query: 'secret' })).items).toEqual([])
    await expectRefused(uma.as.call('search.assets', { query: 'match', folderId: secret.id }), 'NOT_FOUND')
    expect((await t.admin.call('search.assets', { query: 'match' })).items).toHaveLength(7)
  })

  it('by listings and counts: roots, folder contents, child counts, breadcrumbs, collections and their asset counts', async () => {
    await upload(secret.id, 'hidden.txt')
    const [inner] = await folderChain(t, ['Inner'], shared.id)
    const deep = await upload(inner.id, 'deep.txt')
    await upload(shared.id, 'seen.txt')
    expect(ids(await uma.as.call('assets.roots')).sort()).toEqual([shared.id, open.id].sort())
    await expectRefused(uma.as.call('assets.list', { folderId: secret.id }), 'NOT_FOUND')
    await expectRefused(uma.as.call('assets.list', { folderId: t.homeId }), 'NOT_FOUND')
    const listed = await uma.as.call('assets.list', { folderId: shared.id })
    expect(listed.map((a) => a.name)).toEqual(['Inner', 'seen.txt'])
    const sharedView = await uma.as.call('assets.get', { id: shared.id })
    expect(sharedView.childCount).toBe(listed.length)
    expect(ids(await uma.as.call('assets.breadcrumbs', { id: deep.id }))).toEqual([shared.id, inner.id])

    const visible = await t.admin.call('collections.create', { name: 'Visible' })
    const hidden = await t.admin.call('collections.create', { name: 'Hidden' })
    await t.admin.call('collections.addAssets', { collectionIds: [visible.id, hidden.id], assetIds: [deep.id] })
    await t.admin.call('sharing.set', { resourceId: visible.id, subjectId: uma.id, level: 'view' })
    expect(ids(await uma.as.call('collections.list'))).toEqual([visible.id])
    expect(await uma.as.call('collections.search', { query: 'i' })).toHaveLength(1)
    await expectRefused(uma.as.call('collections.get', { collectionId: hidden.id }), 'NOT_FOUND')
    expect((await uma.as.call('collections.associations', { assetId: deep.id })).map((a) => a.collection.id)).toEqual([visible.id])
    const counted = await uma.as.call('collections.get', { collectionId: visible.id })
    expect(counted.assetCount).toBe((await uma.as.call('collections.assets', { collectionId: visible.id })).length)
  })

  it('by zip downloads: a zip holds only what she can view, and a selection with anything else is refused whole', async () => {
    const logo = await upload(secret.id, 'logo.txt')
    await upload(secret.id, 'plan.txt')
    const [kit] = await folderChain(t, ['Kit'], secret.id)
    await upload(kit.id, 'kit.txt')
    await upload(shared.id, 'seen.txt')
    const launch = await t.admin.call('collections.create', { name: 'Launch' })
    await t.admin.call('collections.addAssets', { collectionIds: [launch.id], assetIds: [logo.id, kit.id] })
    await t.admin.call('sharing.set', { resourceId: launch.id, subjectId: uma.id, level: 'view' })

    const collectionZip = path.join(t.dir, 'launch.zip')
    expect(await uma.as.call('downloads.zip', { collectionId: launch.id, destPath: collectionZip })).toMatchObject({ fileCount: 2 })
    expect(zipEntries(collectionZip)).toEqual(['Kit/kit.txt', 'logo.txt'])
    const folderZip = path.join(t.dir, 'shared.zip')
    await uma.as.call('downloads.zip', { assetIds: [shared.id], destPath: folderZip })
    expect(zipEntries(folderZip)).toEqual(['Shared/seen.txt'])

    for (const assetIds of [[secret.id], [shared.id, secret.id], [t.homeId]]) {
      const dest = path.join(t.dir, 'refused.zip')
      await expectRefused(uma.as.call('downloads.zip', { assetIds, destPath: dest }), 'NOT_FOUND')
      expect(fs.existsSync(dest) || fs.existsSync(`${dest}.part`)).toBe(false)
    }
  })

  it('by file bytes and thumbnails: every way to the content of a file she cannot view is NOT_FOUND', async () => {
    const image = await upload(secret.id, 'hidden.png', pngBase64(8, 8))
    const dest = path.join(t.dir, 'hidden.png')
    await expectRefused(uma.as.call('files.read', { fileId: image.id }), 'NOT_FOUND')
    await expectRefused(uma.as.call('files.read', { fileId: image.id, version: 1 }), 'NOT_FOUND')
    await expectRefused(uma.as.call('files.download', { fileId: image.id, destPath: dest }), 'NOT_FOUND')
    await expectRefused(uma.as.call('files.versions', { fileId: image.id }), 'NOT_FOUND')
    expect(fs.existsSync(dest)).toBe(false)
    expect(() => openContent(t.library.core, uma.as.session, image.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    await expect(openRendition(t.library.core, uma.as.session, image.id, 'thumb')).rejects.toMatchObject({ code: 'NOT_FOUND' })

    // The same file once shared: the same calls serve it.
    await t.admin.call('sharing.set', { resourceId: image.id, subjectId: uma.id, level: 'view' })
    expect((await uma.as.call('files.read', { fileId: image.id })).base64).toBe(pngBase64(8, 8))
    const opened = openContent(t.library.core, uma.as.session, image.id)
    await closed(opened.stream)
    expect(opened.size).toBe(Buffer.from(pngBase64(8, 8), 'base64').length)
    const thumb = await openRendition(t.library.core, uma.as.session, image.id, 'thumb')
    await closed(thumb.stream)
    expect(thumb.mime).toBe('image/webp')
  })

  it('by change events: an event names only the assets she can view', async () => {
    const heard: Events['library.changed'][] = []
    const adminHeard: Events['library.changed'][] = []
    uma.as.subscribe('library.changed', (e) => heard.push(e))
    t.admin.subscribe('library.changed', (e) => adminHeard.push(e))
    const hidden = await upload(secret.id, 'hidden.txt')
    await t.admin.call('assets.rename', { id: hidden.id, name: 'still-hidden.txt' })
    await t.admin.call('tags.add', { ids: [hidden.id], tags: ['brand'] })
    await t.admin.call('assets.delete', { ids: [hidden.id] })
    const seen = await upload(shared.id, 'seen.txt')
    // Of the four changes to the hidden file she hears nothing at all, and her count of events has no gap.
    expect(heard.map((e) => [e.seq, e.op, e.assetIds])).toEqual([[1, 'files.upload', [seen.id]]])
    expect(heard.some((e) => e.tables.includes('activity'))).toBe(false)
    // The admin hears the same changes with their ids: the filtering is per session.
    expect(adminHeard.map((e) => e.assetIds)).toEqual([[hidden.id], [hidden.id], [hidden.id], [hidden.id], [seen.id]])
  })

  it('by activity and downloads: she reads only her own entries and the history of what she can view', async () => {
    const hidden = await upload(secret.id, 'hidden.txt')
    await t.admin.call('downloads.zip', { assetIds: [secret.id], destPath: path.join(t.dir, 'admin.zip') })
    await uma.as.call('folders.create', { parentId: open.id, name: 'Mine' })
    const { items } = await uma.as.call('activity.list')
    expect(items.map((e) => [e.actorId, e.action])).toEqual([[uma.id, 'folders.create']])
    await expectRefused(uma.as.call('activity.list', { resourceId: hidden.id }), 'NOT_FOUND')
    expect(await uma.as.call('downloads.list')).toEqual([])
    expect(await t.admin.call('downloads.list')).toHaveLength(1)
  })
})

describe('activity seen by a restricted user', () => {
  it('leaves out entries that name a file or collection they cannot see, and paths hide folders above their share', async () => {
    const t = await tempLibrary()
    try {
      const secret = await t.admin.call('folders.create', { parentId: t.homeId, name: 'Secret' })
      const shared = await t.admin.call('folders.create', { parentId: secret.id, name: 'Shared' })
      const open = await t.admin.call('files.upload', { folderId: shared.id, name: 'open.txt', base64: Buffer.from('o').toString('base64') })
      const hidden = await t.admin.call('files.upload', { folderId: secret.id, name: 'hidden.txt', base64: Buffer.from('h').toString('base64') })
      const plans = await t.admin.call('collections.create', { name: 'Hidden plans' })
      await t.admin.call('collections.addAssets', { collectionIds: [plans.id], assetIds: [open.id, hidden.id] })
      await t.admin.call('tags.add', { ids: [open.id], tags: ['seen'] })
      const una = await t.admin.call('users.create', { name: 'Una', email: 'una@example.com', role: 'restricted' })
      await t.admin.call('sharing.set', { resourceId: shared.id, subjectId: una.id, level: 'view' })
      const asUna = t.library.as(una.id)
      const history = await asUna.call('activity.list', { resourceId: open.id })
      const summaries = history.items.map((e) => e.summary).join('\n')
      expect(summaries).toMatch(/tagged 1 file/)
      expect(summaries).not.toMatch(/Hidden plans/)
      expect(history.items.flatMap((e) => e.ids)).not.toContain(hidden.id)
      expect((await asUna.call('assets.get', { id: open.id })).path).toBe('…/Shared/open.txt')
      expect((await asUna.call('assets.list', { folderId: shared.id }))[0].path).toBe('…/Shared/open.txt')
      expect((await t.admin.call('assets.get', { id: open.id })).path).toBe('/Secret/Shared/open.txt')
    } finally {
      await t.close()
    }
  })
})

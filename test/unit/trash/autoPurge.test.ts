import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/index.js'
import { ADMIN, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

const DAY = 24 * 60 * 60 * 1000
let now = Date.UTC(2026, 0, 1)
let t: TempLibrary
beforeEach(async () => {
  now = Date.UTC(2026, 0, 1)
  t = await tempLibrary({ clock: () => now, trashPurge: false })
})
afterEach(async () => t.close())

async function trashed(name: string): Promise<{ id: string; hash: string }> {
  const file = await t.admin.call('files.upload', { folderId: t.homeId, name, base64: Buffer.from(name).toString('base64') })
  const record = t.library.core.store.tables.assets.get(file.id)!
  await t.admin.call('assets.delete', { ids: [file.id] })
  return { id: file.id, hash: record.kind === 'file' ? record.versions[0].hash : '' }
}

describe('the automatic purge of the trash', () => {
  it('purges what has been in the trash for the retention (30 days by default), not before, and then its blobs go', async () => {
    const old = await trashed('old.txt')
    now += 10 * DAY
    const recent = await trashed('recent.txt')
    now += 20 * DAY - 1
    expect(await t.library.purgeExpiredTrash()).toEqual([])
    const [item] = (await t.admin.call('trash.list')).filter((i) => i.id === old.id)
    expect(item.purgeAt).toBe(now + 1)
    now += 1
    expect(await t.library.purgeExpiredTrash()).toEqual([old.id])
    expect((await t.admin.call('trash.list')).map((i) => i.id)).toEqual([recent.id])
    await t.library.collectOrphans()
    expect(await t.library.core.blobs.has(old.hash)).toBe(false)
    expect(await t.library.core.blobs.has(recent.hash)).toBe(true)
    const [entry] = (await t.admin.call('activity.list', { limit: 1 })).items
    expect(entry).toMatchObject({ action: 'trash.autoPurge', summary: 'purged 1 item(s) kept in the trash longer than 30 day(s)' })
  })

  it('follows the library setting', async () => {
    await t.admin.call('trash.setSettings', { retentionDays: 2 })
    const file = await trashed('soon.txt')
    now += 2 * DAY
    expect(await t.library.purgeExpiredTrash()).toEqual([file.id])
  })

  it('runs when a library opens', async () => {
    const file = await trashed('while closed.txt')
    await t.library.close()
    now += 31 * DAY
    const reopened = await openLibrary(t.dir, { admin: ADMIN, clock: () => now })
    t.library = reopened
    // The purge at open is a committed change like any other: wait until the trash is empty.
    await expect.poll(() => reopened.core.store.tables.trash.size, { timeout: 30_000 }).toBe(0)
    expect(reopened.core.store.tables.assets.has(file.id)).toBe(false)
  })
})

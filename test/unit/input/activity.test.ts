import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pngBase64 } from '../../support/tempLibrary.js'
import { makeWorld, refusedUnchanged, type World } from './world.js'

/** docs/activity.md: an activity entry for every change, naming who acted (and the admin behind a view-as). */
let w: World
beforeEach(async () => {
  w = await makeWorld()
})
afterEach(async () => w.close())

const adminId = () => w.admin.session.userId!

async function newEntries<T>(act: () => Promise<T>) {
  const before = new Set((await w.admin.call('activity.list', { limit: 500 })).items.map((e) => e.id))
  await act()
  return (await w.admin.call('activity.list', { limit: 500 })).items.filter((e) => !before.has(e.id))
}

describe('activity', () => {
  it('records each change once, with the user who made it and the ids it touched', async () => {
    const rita = w.as('rita')
    let folderId = ''
    const created = await newEntries(async () => {
      folderId = (await rita.call('folders.create', { parentId: w.marketingId, name: 'Ideas' })).id
    })
    expect(created).toHaveLength(1)
    expect(created[0]).toMatchObject({ action: 'folders.create', actorId: w.rita.id, actorName: 'Rita' })
    expect(created[0].ids).toContain(folderId)
    expect(created[0].viaAdminId).toBeUndefined()

    const steps: [string, () => Promise<unknown>][] = [
      ['files.upload', () => rita.call('files.upload', { folderId, name: 'idea.png', base64: pngBase64() })],
      ['assets.rename', () => rita.call('assets.rename', { id: folderId, name: 'Big ideas' })],
      ['tags.add', () => rita.call('tags.add', { ids: [w.logoId], tags: ['green'] })],
      ['comments.add', () => rita.call('comments.add', { fileId: w.logoId, text: 'Love it' })],
      ['collections.create', () => rita.call('collections.create', { name: 'Rita picks' })],
      ['assets.delete', () => rita.call('assets.delete', { ids: [folderId] })],
    ]
    for (const [action, step] of steps) {
      const entries = await newEntries(step)
      expect(entries.map((e) => [e.action, e.actorId]), action).toEqual([[action, w.rita.id]])
    }
  })

  it('records nothing for a refused change', async () => {
    const entries = await newEntries(async () => {
      await refusedUnchanged(w.library, w.as('rita'), 'assets.rename', { id: w.logoId, name: 'mine.png' }, 'FORBIDDEN')
    })
    expect(entries).toEqual([])
  })

  it('during a view-as, records the viewed user as actor and the admin behind it', async () => {
    const viewing = w.library.caller(w.library.session(adminId()))
    await viewing.call('session.viewAs', { userId: w.rita.id })
    let folderId = ''
    const entries = await newEntries(async () => {
      folderId = (await viewing.call('folders.create', { parentId: w.marketingId, name: 'Seen as Rita' })).id
    })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actorId: w.rita.id, actorName: 'Rita', viaAdminId: adminId(), viaAdminName: 'Ada' })
    expect(w.library.core.store.tables.assets.get(folderId)?.createdBy).toBe(w.rita.id)

    await viewing.call('session.endViewAs')
    const after = await newEntries(() => viewing.call('assets.rename', { id: folderId, name: 'Back as Ada' }))
    expect(after).toHaveLength(1)
    expect(after[0].actorId).toBe(adminId())
    expect(after[0].viaAdminId).toBeUndefined()
  })

  it('shows a restricted user only their own actions when no resource is named', async () => {
    const rita = w.as('rita')
    await rita.call('folders.create', { parentId: w.marketingId, name: 'By Rita' })
    await w.admin.call('folders.create', { parentId: w.marketingId, name: 'By Ada' })
    const secret = await w.admin.call('folders.create', { parentId: w.homeId, name: 'Secret' })
    const { items } = await rita.call('activity.list')
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((e) => e.actorId === w.rita.id)).toBe(true)
    expect(items.map((e) => e.summary).join('\n')).not.toMatch(/Secret|By Ada/)
    // The history of something she can view includes others' actions on it; of something she cannot, nothing.
    const marketing = await rita.call('activity.list', { resourceId: w.marketingId })
    expect(marketing.items.some((e) => e.actorId === adminId())).toBe(true)
    await refusedUnchanged(w.library, rita, 'activity.list', { resourceId: secret.id }, 'NOT_FOUND')
  })

  it('shows an admin everyone\'s actions', async () => {
    await w.as('rita').call('folders.create', { parentId: w.marketingId, name: 'By Rita' })
    const actors = new Set((await w.admin.call('activity.list', { limit: 500 })).items.map((e) => e.actorId))
    expect(actors).toEqual(new Set([adminId(), w.rita.id]))
  })

  it('keeps the history of a deleted asset readable by an admin', async () => {
    await w.admin.call('assets.delete', { ids: [w.notesId] })
    const { items } = await w.admin.call('activity.list', { resourceId: w.notesId })
    expect(items.map((e) => e.action)).toEqual(['assets.delete', 'files.upload'])
  })
})

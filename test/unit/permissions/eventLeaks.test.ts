import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Events } from '../../../shared/contract/index.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { folderChain, restrictedUser, textBase64, type Person } from './fixtures.js'

let t: TempLibrary
let uma: Person
let otto: Person
/** /Secret is hidden from Uma; /Shared is shared with her (view). */
let secret: { id: string }
let shared: { id: string }
let heard: Events['library.changed'][]
let adminHeard: Events['library.changed'][]

beforeEach(async () => {
  t = await tempLibrary()
  uma = await restrictedUser(t, 'Uma')
  otto = await restrictedUser(t, 'Otto')
  ;[secret] = await folderChain(t, ['Secret'])
  ;[shared] = await folderChain(t, ['Shared'])
  await t.admin.call('sharing.set', { resourceId: shared.id, subjectId: uma.id, level: 'view' })
  heard = []
  adminHeard = []
  uma.as.subscribe('library.changed', (e) => heard.push(e))
  t.admin.subscribe('library.changed', (e) => adminHeard.push(e))
})
afterEach(async () => t.close())

const upload = (folderId: string, name: string) => t.admin.call('files.upload', { folderId, name, base64: textBase64(name) })

describe('change events a restricted user is sent', () => {
  it('say nothing at all of changes to what she cannot see', async () => {
    const hidden = await upload(secret.id, 'hidden.txt')
    await t.admin.call('sharing.set', { resourceId: secret.id, subjectId: otto.id, level: 'view' })
    await t.admin.call('comments.add', { fileId: hidden.id, text: 'hush' })
    const plans = await t.admin.call('collections.create', { name: 'Plans' })
    await t.admin.call('collections.addAssets', { collectionIds: [plans.id], assetIds: [hidden.id] })
    const group = await t.admin.call('groups.create', { name: 'Others' })
    await t.admin.call('groups.addMembers', { groupId: group.id, userIds: [otto.id] })
    await t.admin.call('downloads.zip', { assetIds: [secret.id], destPath: path.join(t.dir, 'secret.zip') })
    await t.admin.call('assets.delete', { ids: [hidden.id] })
    // Only the new group (groups are listed to everyone) reaches her, numbered 1.
    expect(heard.map((e) => [e.seq, e.op, e.tables, e.assetIds])).toEqual([[1, 'groups.create', ['groups'], []]])
    // The admin hears every one of them, numbered in his own session's count.
    expect(adminHeard.map((e) => e.seq)).toEqual(adminHeard.map((_, i) => i + 1))
    expect(adminHeard.length).toBeGreaterThan(8)
  })

  it('tell her of what she could see before a change, even once it is gone or moved away', async () => {
    const gone = await upload(shared.id, 'gone.txt')
    const away = await upload(shared.id, 'away.txt')
    await t.admin.call('assets.delete', { ids: [gone.id] })
    await t.admin.call('assets.move', { ids: [away.id], targetFolderId: secret.id })
    await t.admin.call('sharing.remove', { resourceId: shared.id, subjectId: uma.id })
    await t.admin.call('sharing.set', { resourceId: secret.id, subjectId: uma.id, level: 'view' })
    expect(heard.map((e) => [e.seq, e.op, e.assetIds])).toEqual([
      [1, 'files.upload', [gone.id]],
      [2, 'files.upload', [away.id]],
      [3, 'assets.delete', [gone.id]],
      [4, 'assets.move', [away.id]],
      [5, 'sharing.remove', []],
      [6, 'sharing.set', []],
    ])
    expect(heard.slice(2).map((e) => e.tables)).toEqual([['assets'], ['assets'], ['grants'], ['grants']])
  })

  it('name only the part of a change she can see', async () => {
    const seen = await upload(shared.id, 'seen.txt')
    const hidden = await upload(secret.id, 'hidden.txt')
    heard.length = 0
    await t.admin.call('tags.add', { ids: [seen.id, hidden.id], tags: ['brand'] })
    await t.admin.call('comments.add', { fileId: seen.id, text: 'hello' })
    expect(heard.map((e) => [e.op, e.tables, e.assetIds])).toEqual([
      ['tags.add', ['assets'], [seen.id]],
      ['comments.add', ['comments'], []],
    ])
  })
})

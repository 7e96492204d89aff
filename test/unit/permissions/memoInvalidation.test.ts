import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AssetRecord, Id, LevelOrNone } from '../../../shared/domain.js'
import type { Dels, Puts } from '../../../main/core/store/change.js'
import { effectiveLevel, factsOf } from '../../../main/core/permissions/rule.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

/**
 * The engine keeps what it worked out for each user and drops only what a change made stale
 * (docs/permissions.md, "How checks are answered"). Each case asks every level first, so every
 * memo is full, makes one change of a kind that could leave a memo stale, and asks again: the
 * level the case is about must have moved, and every answer must equal the plain rule's.
 */

let t: TempLibrary
let clock = 0
const commit = (put: Puts, del: Dels = []) => t.library.core.store.commit({ actor: null, op: 'test', put, del })
const user = (id: Id) => ({ id, name: id, email: `${id}@example.com`, role: 'restricted' as const, createdAt: ++clock })
const folder = (id: Id, parentId: Id, createdBy: Id): AssetRecord => ({ id, kind: 'folder', name: id, parentId, createdBy, createdAt: ++clock, updatedAt: clock })
const file = (id: Id, parentId: Id, createdBy: Id): AssetRecord => ({
  id, kind: 'file', name: `${id}.txt`, parentId, createdBy, createdAt: ++clock, updatedAt: clock, currentVersion: 1, tags: [], metadata: {}, focus: null,
  versions: [{ number: 1, hash: 'a'.repeat(64), size: 1, mime: 'text/plain', createdBy, createdAt: clock }],
})
const grant = (resourceId: Id, subjectType: 'user' | 'group', subjectId: Id, level: 'view' | 'contribute' | 'manage', resourceType: 'asset' | 'collection' = 'asset') => ({
  id: `${resourceId}:${subjectId}`, resourceType, resourceId, subjectType, subjectId, level, grantedBy: adminId(), grantedAt: ++clock,
})
const adminId = () => t.library.core.store.indexes.userByEmail.get('ada@example.com')!
const level = (userId: Id, assetId: Id): LevelOrNone => t.library.core.engine.effectiveAssetLevel(userId, assetId)

/** Asks every user's level on every asset, so every memo is full, and holds the engine to the rule. */
function askEverything(): void {
  const store = t.library.core.store
  const facts = factsOf(store)
  for (const userId of store.tables.users.keys()) {
    for (const assetId of store.tables.assets.keys()) expect(level(userId, assetId), `${userId} on ${assetId}`).toBe(effectiveLevel(facts, userId, assetId))
  }
}

/**
 * Home
 * ├─ top/            uma: view (grant)
 * │  └─ mid/
 * │     └─ deep/
 * │        └─ f.txt
 * └─ elsewhere/      nothing for uma
 *    └─ g.txt
 */
beforeEach(async () => {
  t = await tempLibrary()
  const admin = adminId()
  await commit({
    users: [user('uma'), user('vic')],
    groups: [{ id: 'team', name: 'Team', createdAt: ++clock }],
    assets: [
      folder('top', t.homeId, admin), folder('mid', 'top', admin), folder('deep', 'mid', admin), file('f', 'deep', admin),
      folder('elsewhere', t.homeId, admin), file('g', 'elsewhere', admin),
    ],
  })
  await commit({ grants: [grant('top', 'user', 'uma', 'view')] })
  askEverything()
  expect(level('uma', 'f')).toBe('view')
})
afterEach(async () => t.close())

describe('the permission memos after a change', () => {
  it('follow a subtree moved out from under a grant, and back', async () => {
    const mid = t.library.core.store.tables.assets.get('mid')!
    await commit({ assets: [{ ...mid, parentId: 'elsewhere' }] })
    askEverything()
    expect(level('uma', 'f')).toBe('none')
    expect(level('uma', 'deep')).toBe('none')
    await commit({ assets: [{ ...mid, parentId: 'top' }] })
    askEverything()
    expect(level('uma', 'f')).toBe('view')
  })

  it('follow a file moved between folders', async () => {
    const f = t.library.core.store.tables.assets.get('f')!
    await commit({ assets: [{ ...f, parentId: 'elsewhere' }] })
    askEverything()
    expect(level('uma', 'f')).toBe('none')
  })

  it('follow a grant changed, raised and taken away, for its subject only', async () => {
    await commit({ grants: [grant('top', 'user', 'uma', 'manage')] })
    askEverything()
    expect(level('uma', 'f')).toBe('manage')
    expect(level('vic', 'f')).toBe('none')
    await commit({}, [['grants', 'top:uma']])
    askEverything()
    expect(level('uma', 'f')).toBe('none')
    await commit({ grants: [grant('elsewhere', 'user', 'vic', 'contribute')] })
    askEverything()
    expect(level('vic', 'g')).toBe('contribute')
    expect(level('uma', 'g')).toBe('none')
  })

  it('follow a grant to a group and its members coming and going', async () => {
    await commit({ grants: [grant('elsewhere', 'group', 'team', 'contribute')] })
    askEverything()
    expect(level('vic', 'g')).toBe('none')
    await commit({ memberships: [{ id: 'team:vic', groupId: 'team', userId: 'vic' }] })
    askEverything()
    expect(level('vic', 'g')).toBe('contribute')
    await commit({ grants: [grant('elsewhere', 'group', 'team', 'view')] })
    askEverything()
    expect(level('vic', 'g')).toBe('view')
    await commit({}, [['memberships', 'team:vic']])
    askEverything()
    expect(level('vic', 'g')).toBe('none')
  })

  it('follow a deleted subtree, and the same folders put back elsewhere', async () => {
    const [mid, deep, f] = ['mid', 'deep', 'f'].map((id) => t.library.core.store.tables.assets.get(id)!)
    await commit({}, [['assets', 'f'], ['assets', 'deep'], ['assets', 'mid']])
    askEverything()
    expect(level('uma', 'f')).toBe('none')
    // Back under a folder uma has nothing on: what they inherited before must not come back with them.
    await commit({ assets: [{ ...mid, parentId: 'elsewhere' }, deep, f] })
    askEverything()
    expect(level('uma', 'deep')).toBe('none')
    expect(level('uma', 'f')).toBe('none')
  })

  it('follow a folder deleted from above what stays', async () => {
    await commit({}, [['assets', 'mid']])
    askEverything()
    // deep's folder is gone: it inherits nothing, as the rule's walk ends there.
    expect(level('uma', 'deep')).toBe('none')
    expect(level('uma', 'f')).toBe('none')
  })

  it('follow a collection taking and giving up a folder, and a grant on it', async () => {
    await commit({ collections: [{ id: 'picks', name: 'Picks', createdBy: adminId(), createdAt: ++clock, updatedAt: clock }] })
    await commit({ grants: [grant('picks', 'user', 'vic', 'view', 'collection')] })
    askEverything()
    await commit({ associations: [{ id: 'picks:elsewhere', collectionId: 'picks', assetId: 'elsewhere', addedBy: adminId(), addedAt: ++clock }] })
    askEverything()
    expect(level('vic', 'g')).toBe('view')
    expect(level('uma', 'g')).toBe('none')
    await commit({}, [['grants', 'picks:vic']])
    askEverything()
    expect(level('vic', 'g')).toBe('none')
    await commit({ grants: [grant('picks', 'user', 'vic', 'view', 'collection')] })
    await commit({}, [['associations', 'picks:elsewhere']])
    askEverything()
    expect(level('vic', 'g')).toBe('none')
  })

  it('follow a file and a folder each in several collections giving them up one by one', async () => {
    const collection = (id: Id) => ({ id, name: id, createdBy: adminId(), createdAt: ++clock, updatedAt: clock })
    const link = (collectionId: Id, assetId: Id) => ({ id: `${collectionId}:${assetId}`, collectionId, assetId, addedBy: adminId(), addedAt: ++clock })
    await commit({ collections: [collection('picks'), collection('more'), collection('third')] })
    await commit({ grants: [grant('more', 'user', 'vic', 'view', 'collection')] })
    await commit({ associations: [link('picks', 'g'), link('more', 'g'), link('third', 'g')] })
    askEverything()
    expect(level('vic', 'g')).toBe('view')
    await commit({}, [['associations', 'third:g']])
    askEverything()
    expect(level('vic', 'g')).toBe('view')
    await commit({}, [['associations', 'more:g']])
    askEverything()
    expect(level('vic', 'g')).toBe('none')
    await commit({ associations: [link('more', 'g')] })
    await commit({}, [['associations', 'picks:g']])
    askEverything()
    expect(level('vic', 'g')).toBe('view')
    await commit({}, [['associations', 'more:g']])
    askEverything()
    expect(level('vic', 'g')).toBe('none')
    // The folder's collections reach what is below it.
    await commit({ associations: [link('third', 'mid'), link('more', 'mid'), link('picks', 'mid')] })
    askEverything()
    expect(level('vic', 'f')).toBe('view')
    await commit({}, [['associations', 'more:mid']])
    askEverything()
    expect(level('vic', 'f')).toBe('none')
    await commit({ grants: [grant('third', 'user', 'vic', 'view', 'collection')] })
    askEverything()
    expect(level('vic', 'f')).toBe('view')
  })

  it('follow a change of role', async () => {
    const vic = t.library.core.store.tables.users.get('vic')!
    await commit({ users: [{ ...vic, role: 'fullAccess' }] })
    askEverything()
    expect(level('vic', 'f')).toBe('manage')
    await commit({ users: [vic] })
    askEverything()
    expect(level('vic', 'f')).toBe('none')
  })
})

/**
 * What the engine shares between users (docs/permissions.md, "How checks are answered"): a
 * group's table is made once for all its members, a member with nothing of their own reads
 * the group's own table, and the folder order is made again when folders change shape.
 */
describe('the tables shared between users', () => {
  const addMembers = (...ids: Id[]) => commit({ memberships: ids.map((u) => ({ id: `team:${u}`, groupId: 'team', userId: u })) })

  it('follow a grant to a group for every member, one with nothing of their own and one with', async () => {
    await commit({ users: [user('wes')] })
    await addMembers('vic', 'wes')
    await commit({ grants: [grant('mid', 'group', 'team', 'contribute'), grant('elsewhere', 'user', 'wes', 'view')] })
    askEverything()
    expect(level('vic', 'f')).toBe('contribute')
    expect(level('wes', 'g')).toBe('view')
    // Raised for the group: both members' tables (one of them the group's own) go.
    await commit({ grants: [grant('mid', 'group', 'team', 'manage')] })
    askEverything()
    expect(level('vic', 'f')).toBe('manage')
    expect(level('wes', 'f')).toBe('manage')
    await commit({}, [['memberships', 'team:vic']])
    askEverything()
    expect(level('vic', 'f')).toBe('none')
    expect(level('wes', 'f')).toBe('manage')
  })

  it('follow a collection granted to a group taking and giving up a folder', async () => {
    await addMembers('vic')
    await commit({ collections: [{ id: 'picks', name: 'Picks', createdBy: adminId(), createdAt: ++clock, updatedAt: clock }] })
    await commit({ grants: [grant('picks', 'group', 'team', 'view', 'collection')] })
    askEverything()
    await commit({ associations: [{ id: 'picks:mid', collectionId: 'picks', assetId: 'mid', addedBy: adminId(), addedAt: ++clock }] })
    askEverything()
    expect(level('vic', 'f')).toBe('view')
    await commit({}, [['associations', 'picks:mid']])
    askEverything()
    expect(level('vic', 'f')).toBe('none')
  })

  it('follow folders made after the order, with grants on them, until and after it is made again', async () => {
    // Past the order's allowance of new folders (a sixteenth and 16), so the order is made again.
    let parent = 'elsewhere'
    for (let i = 0; i < 24; i++) {
      const id = `new${i}`
      await commit({ assets: [folder(id, parent, adminId()), file(`${id}.f`, id, adminId())] })
      if (i % 5 === 2) await commit({ grants: [grant(id, 'user', 'vic', i % 2 === 0 ? 'view' : 'contribute')] })
      if (i % 7 === 3) await commit({ grants: [grant(id, 'user', 'uma', 'manage')] })
      askEverything()
      parent = i % 3 === 0 ? id : parent
    }
    expect(level('vic', 'new22.f')).not.toBe('none')
  })

  it('follow a folder whose parent went and came back without a change to it', async () => {
    const mid = t.library.core.store.tables.assets.get('mid')!
    await commit({}, [['assets', 'mid']])
    askEverything()
    expect(level('uma', 'deep')).toBe('none')
    // mid returns: deep, never changed itself, inherits from top again.
    await commit({ assets: [mid] })
    askEverything()
    expect(level('uma', 'deep')).toBe('view')
    expect(level('uma', 'f')).toBe('view')
  })

  it('follow a folder given to another creator', async () => {
    const deep = t.library.core.store.tables.assets.get('deep')!
    await commit({ assets: [{ ...deep, createdBy: 'vic' }] })
    askEverything()
    expect(level('vic', 'f')).toBe('manage')
    await commit({ assets: [deep] })
    askEverything()
    expect(level('vic', 'f')).toBe('none')
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused, recordsOf, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { restrictedUser, type Person } from './fixtures.js'

let t: TempLibrary
let uma: Person
let otto: Person

beforeEach(async () => {
  t = await tempLibrary()
  uma = await restrictedUser(t, 'Uma')
  otto = await restrictedUser(t, 'Otto')
})
afterEach(async () => t.close())

describe('collection names are unique per creator, so a name never confirms a hidden collection', () => {
  it('a restricted user may take a name an admin’s hidden collection has; her own names stay unique', async () => {
    const hidden = await t.admin.call('collections.create', { name: 'Plans' })
    const mine = await uma.as.call('collections.create', { name: 'plans' })
    expect(mine).toMatchObject({ name: 'plans', createdBy: uma.id })
    const before = recordsOf(t.library)
    const again = await expectRefused(uma.as.call('collections.create', { name: 'PLANS' }), 'CONFLICT')
    expect(again.message).toBe('You already have a collection named "plans".')
    const other = await uma.as.call('collections.create', { name: 'Other' })
    await expectRefused(uma.as.call('collections.rename', { collectionId: other.id, name: 'Plans' }), 'CONFLICT')
    expect(JSON.stringify(again)).not.toContain(hidden.id)
    expect(recordsOf(t.library).collections).toHaveLength(before.collections.length + 1)
    // The admin sees both, told apart by their creators.
    expect((await t.admin.call('collections.list')).filter((c) => c.name.toLowerCase() === 'plans').map((c) => c.createdBy).sort()).toEqual(
      [t.admin.session.userId, uma.id].sort(),
    )
  })

  it('renaming another’s collection conflicts only with that creator’s collections the caller can view', async () => {
    const shared = await otto.as.call('collections.create', { name: 'Shared' })
    await otto.as.call('collections.create', { name: 'Secret plans' })
    await otto.as.call('sharing.set', { resourceId: shared.id, subjectId: uma.id, level: 'manage' })
    // Uma cannot see Otto's "Secret plans": the rename goes through and tells her nothing.
    expect((await uma.as.call('collections.rename', { collectionId: shared.id, name: 'secret plans' })).name).toBe('secret plans')
    // The admin sees all of Otto's collections: a rename onto one of his names is refused, naming whose it is.
    const third = await otto.as.call('collections.create', { name: 'Third' })
    const refused = await expectRefused(t.admin.call('collections.rename', { collectionId: third.id, name: 'Secret PLANS' }), 'CONFLICT')
    expect(refused.details).toMatchObject({ field: 'name' })
    expect(refused.message).toContain('Otto already has a collection named')
  })

  it('an admin’s own names stay unique, case-insensitively', async () => {
    await t.admin.call('collections.create', { name: 'Launch' })
    await expectRefused(t.admin.call('collections.create', { name: 'launch' }), 'CONFLICT')
    await uma.as.call('collections.create', { name: 'Launch' })
  })
})

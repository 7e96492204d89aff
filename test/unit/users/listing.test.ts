import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeWorld, type World } from '../input/world.js'

/**
 * docs/accounts.md: restricted users see the id and name of every user and group (enough to
 * share with them) and the members of their own groups; never emails, roles or passwords.
 */
let w: World
beforeEach(async () => {
  w = await makeWorld()
})
afterEach(async () => w.close())

describe('users.list and groups.list', () => {
  it('give a restricted user the id and name of everyone, and nothing more', async () => {
    const users = await w.as('rob').call('users.list')
    expect(users.map((u) => u.name).sort()).toEqual(['Ada', 'Dev', 'Fran', 'Rita', 'Rob'])
    for (const u of users) expect(Object.keys(u).sort()).toEqual(['id', 'name'])
    expect(JSON.stringify(users)).not.toMatch(/@|restricted|admin|fullAccess|developer|hasPassword|groupIds/)
  })

  it('give a restricted user every group by id and name, and the members of their own groups only', async () => {
    const other = await w.admin.call('groups.create', { name: 'Sales' })
    await w.admin.call('groups.addMembers', { groupId: other.id, userIds: [w.rob.id] })
    const seenByRita = await w.as('rita').call('groups.list')
    expect(seenByRita).toEqual([
      { id: w.groupId, name: 'Editors', memberIds: [w.rita.id] },
      { id: other.id, name: 'Sales' },
    ])
    const seenByRob = await w.as('rob').call('groups.list')
    expect(seenByRob).toEqual([
      { id: w.groupId, name: 'Editors' },
      { id: other.id, name: 'Sales', memberIds: [w.rob.id] },
    ])
  })

  it('give an admin viewing as a restricted user what that user gets', async () => {
    const viewing = w.library.caller(w.library.session(w.admin.session.userId))
    await viewing.call('session.viewAs', { userId: w.rita.id })
    for (const u of await viewing.call('users.list')) expect(Object.keys(u).sort()).toEqual(['id', 'name'])
    expect((await viewing.call('groups.list')).find((g) => g.id === w.groupId)).toEqual({ id: w.groupId, name: 'Editors', memberIds: [w.rita.id] })
  })

  for (const who of ['fran', 'dev'] as const) {
    it(`give ${who}, who is not restricted, the whole view as an admin gets it`, async () => {
      expect(await w.as(who).call('users.list')).toEqual(await w.admin.call('users.list'))
      expect(await w.as(who).call('groups.list')).toEqual(await w.admin.call('groups.list'))
      const rita = (await w.as(who).call('users.list')).find((u) => u.id === w.rita.id)
      expect(rita).toMatchObject({ email: 'rita@example.com', role: 'restricted', hasPassword: false, groupIds: [w.groupId] })
    })
  }

  it('still let a restricted user learn their own email and role, from their session', async () => {
    expect((await w.as('rob').call('session.current')).user).toMatchObject({ email: 'rob@example.com', role: 'restricted', hasPassword: true })
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeWorld, refusedUnchanged, type World } from './world.js'

/** docs/accounts.md: only an admin manages users; emails are unique; there is always an admin. */
let w: World
beforeEach(async () => {
  w = await makeWorld()
})
afterEach(async () => w.close())

const adminId = () => w.admin.session.userId!

describe('managing users is for admins only', () => {
  for (const who of ['rita', 'fran', 'dev'] as const) {
    it(`refuses ${who} creating, changing or deleting users`, async () => {
      const caller = w.as(who)
      await refusedUnchanged(w.library, caller, 'users.create', { name: 'Nina', email: 'nina@example.com', role: 'admin' }, 'FORBIDDEN')
      await refusedUnchanged(w.library, caller, 'users.update', { userId: w.rob.id, name: 'Robert' }, 'FORBIDDEN')
      await refusedUnchanged(w.library, caller, 'users.update', { userId: adminId(), role: 'restricted' }, 'FORBIDDEN')
      await refusedUnchanged(w.library, caller, 'users.update', { userId: caller.session.userId, role: 'admin' }, 'FORBIDDEN')
      await refusedUnchanged(w.library, caller, 'users.update', { userId: caller.session.userId, email: 'me@example.com' }, 'FORBIDDEN')
      await refusedUnchanged(w.library, caller, 'users.delete', { userId: w.rob.id }, 'FORBIDDEN')
      await refusedUnchanged(w.library, caller, 'groups.create', { name: 'Mine' }, 'FORBIDDEN')
      await refusedUnchanged(w.library, caller, 'groups.addMembers', { groupId: w.groupId, userIds: [w.rob.id] }, 'FORBIDDEN')
      await refusedUnchanged(w.library, caller, 'metadata.defineField', { name: 'Mood', type: 'text' }, 'FORBIDDEN')
    })
  }

  it('refuses an admin viewing as a restricted user, since every check is made as that user', async () => {
    const viewing = w.library.caller(w.library.session(adminId()))
    await viewing.call('session.viewAs', { userId: w.rita.id })
    await refusedUnchanged(w.library, viewing, 'users.create', { name: 'Nina', email: 'nina@example.com', role: 'admin' }, 'FORBIDDEN')
    await refusedUnchanged(w.library, viewing, 'users.update', { userId: w.rita.id, role: 'admin' }, 'FORBIDDEN')
  })

  it('lets an admin create, change and delete users', async () => {
    const nina = await w.admin.call('users.create', { name: 'Nina', email: 'Nina@Example.com', role: 'developer', password: 'a long password' })
    expect(nina).toMatchObject({ name: 'Nina', email: 'nina@example.com', role: 'developer', hasPassword: true })
    expect(JSON.stringify(await w.admin.call('users.list'))).not.toMatch(/scrypt|passwordHash/)
    expect(await w.admin.call('users.update', { userId: nina.id, role: 'fullAccess', password: null })).toMatchObject({ role: 'fullAccess', hasPassword: false })
    await w.admin.call('users.delete', { userId: nina.id })
    expect((await w.admin.call('users.list')).map((u) => u.id)).not.toContain(nina.id)
  })
})

describe('emails are unique', () => {
  it('refuses a new user with a taken email, whatever its case or spacing', async () => {
    for (const email of ['rita@example.com', 'RITA@Example.COM', '  rita@example.com ', 'ada@example.com']) {
      await refusedUnchanged(w.library, w.admin, 'users.create', { name: 'Copycat', email, role: 'restricted' }, 'CONFLICT')
    }
  })

  it('refuses changing an email to one another user has', async () => {
    await refusedUnchanged(w.library, w.admin, 'users.update', { userId: w.rob.id, email: 'Rita@example.com' }, 'CONFLICT')
  })

  it('allows keeping one\'s own email, in another case', async () => {
    expect((await w.admin.call('users.update', { userId: w.rob.id, email: 'ROB@example.com' })).email).toBe('rob@example.com')
  })
})

describe('there is always an admin', () => {
  it('refuses demoting or deleting the last admin', async () => {
    for (const role of ['developer', 'fullAccess', 'restricted']) {
      await refusedUnchanged(w.library, w.admin, 'users.update', { userId: adminId(), role }, 'CONFLICT')
    }
    await refusedUnchanged(w.library, w.admin, 'users.delete', { userId: adminId() }, 'CONFLICT')
  })

  it('allows it while another admin remains, and refuses it again for the one left', async () => {
    const bea = await w.admin.call('users.create', { name: 'Bea', email: 'bea@example.com', role: 'admin' })
    const asBea = w.library.as(bea.id)
    await asBea.call('users.update', { userId: adminId(), role: 'fullAccess' })
    await refusedUnchanged(w.library, asBea, 'users.update', { userId: bea.id, role: 'developer' }, 'CONFLICT')
    await refusedUnchanged(w.library, asBea, 'users.delete', { userId: bea.id }, 'CONFLICT')
    await asBea.call('users.update', { userId: adminId(), role: 'admin' })
    await w.admin.call('users.delete', { userId: bea.id })
    await refusedUnchanged(w.library, w.admin, 'users.update', { userId: adminId(), role: 'restricted' }, 'CONFLICT')
  })
})

describe('role changes and deletion', () => {
  it('a restricted user who leaves the role leaves their groups; coming back restores direct grants but no groups', async () => {
    await w.admin.call('users.update', { userId: w.rita.id, role: 'fullAccess' })
    expect((await w.admin.call('groups.list')).find((g) => g.id === w.groupId)?.memberIds).toEqual([])
    const back = await w.admin.call('users.update', { userId: w.rita.id, role: 'restricted' })
    expect(back.groupIds).toEqual([])
    const sharing = await w.admin.call('sharing.list', { resourceId: w.marketingId })
    expect(sharing.direct.map((g) => [g.subjectId, g.level])).toEqual([[w.rita.id, 'contribute']])
  })

  it('deleting a user removes their memberships and grants', async () => {
    await w.admin.call('users.delete', { userId: w.rita.id })
    const { store } = w.library.core
    expect([...store.tables.memberships.values()].filter((m) => m.userId === w.rita.id)).toEqual([])
    expect([...store.tables.grants.values()].filter((g) => g.subjectId === w.rita.id)).toEqual([])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../../main/core/index.js'
import { expectRefused } from '../../support/tempLibrary.js'
import { ROB_PASSWORD, makeWorld, refusedUnchanged, type World } from './world.js'

/** docs/accounts.md: switching asks anyone but an admin for the user's password; only admins view as, and only restricted users. */
let w: World
beforeEach(async () => {
  w = await makeWorld()
})
afterEach(async () => w.close())

const adminId = () => w.admin.session.userId!
const signedInAsAdmin = (): Caller => w.library.caller(w.library.session(adminId()))

describe('session.switchUser', () => {
  it('asks anyone but an admin for the password of a user who has one, and refuses a wrong one', async () => {
    const caller = w.as('fran')
    const missing = await refusedUnchanged(w.library, caller, 'session.switchUser', { userId: w.rob.id }, 'UNAUTHENTICATED')
    expect(missing.details).toMatchObject({ needsPassword: true })
    // Three: more in a row and the account waits a while (signInLimits.test.ts).
    for (const password of ['', ROB_PASSWORD.toUpperCase(), `${ROB_PASSWORD} `]) {
      await refusedUnchanged(w.library, caller, 'session.switchUser', { userId: w.rob.id, password }, 'UNAUTHENTICATED')
    }
    expect((await caller.call('session.current')).user.id).toBe(w.fran.id)
    const view = await caller.call('session.switchUser', { userId: w.rob.id, password: ROB_PASSWORD })
    expect(view).toMatchObject({ user: { id: w.rob.id }, viewAsBy: null, isRestricted: true })
    expect(caller.session.actorId).toBe(w.rob.id)
  })

  it('lets an admin switch to anyone without a password', async () => {
    for (const userId of [w.rob.id, w.rita.id, w.fran.id]) {
      const caller = signedInAsAdmin()
      await caller.call('session.switchUser', { userId })
      expect((await caller.call('session.current')).user.id).toBe(userId)
    }
    const caller = signedInAsAdmin()
    await caller.call('session.switchUser', { userId: w.rita.id })
    // And now acts as Rita: admin work is refused.
    await refusedUnchanged(w.library, caller, 'users.create', { name: 'Nina', email: 'nina@example.com', role: 'admin' }, 'FORBIDDEN')
  })

  it('signing in checks the password the same way', async () => {
    const caller = w.library.caller(w.library.session(null))
    await refusedUnchanged(w.library, caller, 'session.signIn', { email: w.rob.email }, 'UNAUTHENTICATED')
    await refusedUnchanged(w.library, caller, 'session.signIn', { email: w.rob.email, password: 'nope nope' }, 'UNAUTHENTICATED')
    expect(caller.session.userId).toBeNull()
    await caller.call('session.signIn', { email: w.rob.email, password: ROB_PASSWORD })
    expect(caller.session.userId).toBe(w.rob.id)
  })

  it('asks for a password set later; an account whose password is removed is out of reach but for an admin', async () => {
    await w.admin.call('users.update', { userId: w.rita.id, password: 'rita has one now' })
    await refusedUnchanged(w.library, w.as('fran'), 'session.switchUser', { userId: w.rita.id }, 'UNAUTHENTICATED')
    await w.as('fran').call('session.switchUser', { userId: w.rita.id, password: 'rita has one now' })
    await w.admin.call('users.update', { userId: w.rob.id, password: null })
    await refusedUnchanged(w.library, w.as('fran'), 'session.switchUser', { userId: w.rob.id, password: ROB_PASSWORD }, 'UNAUTHENTICATED')
    await signedInAsAdmin().call('session.switchUser', { userId: w.rob.id })
  })
})

describe('session.viewAs', () => {
  for (const who of ['rita', 'rob', 'fran', 'dev'] as const) {
    it(`is refused to ${who}, who is not an admin`, async () => {
      await refusedUnchanged(w.library, w.as(who), 'session.viewAs', { userId: w.rita.id }, 'FORBIDDEN')
    })
  }

  it('is refused onto a user who is not restricted', async () => {
    const bea = await w.admin.call('users.create', { name: 'Bea', email: 'bea@example.com', role: 'admin' })
    for (const userId of [w.fran.id, w.dev.id, bea.id, adminId()]) {
      await refusedUnchanged(w.library, signedInAsAdmin(), 'session.viewAs', { userId }, 'INVALID_INPUT')
    }
  })

  it('lets an admin act as a restricted user without their password, and end it', async () => {
    const caller = signedInAsAdmin()
    const view = await caller.call('session.viewAs', { userId: w.rob.id })
    expect(view).toMatchObject({ user: { id: w.rob.id }, viewAsBy: { id: adminId() }, isAdmin: false })
    // Every check is made as Rob, who has nothing shared with him.
    expect(await caller.call('assets.roots')).toEqual([])
    await refusedUnchanged(w.library, caller, 'assets.get', { id: w.logoId }, 'NOT_FOUND')
    const ended = await caller.call('session.endViewAs')
    expect(ended).toMatchObject({ user: { id: adminId() }, viewAsBy: null })
    expect((await caller.call('assets.roots')).map((r) => r.id)).toEqual([w.homeId])
  })

  it('ends when the viewed user stops being restricted', async () => {
    const caller = signedInAsAdmin()
    await caller.call('session.viewAs', { userId: w.rita.id })
    await w.admin.call('users.update', { userId: w.rita.id, role: 'fullAccess' })
    await expectRefused(caller.call('assets.roots'), 'UNAUTHENTICATED')
    expect(caller.session.viewAsId).toBeNull()
    expect((await caller.call('session.current')).user.id).toBe(adminId())
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused } from '../../support/tempLibrary.js'
import { ROB_PASSWORD, makeWorld, refusedUnchanged, type World } from '../input/world.js'

/**
 * docs/accounts.md: an account without a password can be switched to only by an admin; anyone
 * else always gives the password of the account they switch to; a signed-out window learns
 * nothing about an account from a failed sign-in.
 */
let w: World
beforeEach(async () => {
  w = await makeWorld()
})
afterEach(async () => w.close())

const adminId = () => w.admin.session.userId!

describe('switching to an account without a password', () => {
  for (const who of ['rita', 'rob', 'fran', 'dev'] as const) {
    it(`is refused to ${who}, who is not an admin, even onto the first admin`, async () => {
      const caller = w.as(who)
      for (const userId of [adminId(), ...(['rita', 'fran', 'dev'] as const).filter((o) => o !== who).map((o) => w[o].id)]) {
        const asked = await refusedUnchanged(w.library, caller, 'session.switchUser', { userId }, 'UNAUTHENTICATED')
        expect(asked.details).toEqual({ needsPassword: true })
        for (const password of ['', 'a guess at it', ROB_PASSWORD]) {
          await refusedUnchanged(w.library, caller, 'session.switchUser', { userId, password }, 'UNAUTHENTICATED')
        }
      }
      expect((await caller.call('session.current')).user.id).toBe(w[who].id)
    })
  }

  it('is refused exactly as a wrong password is, so whether the account has one stays unknown', async () => {
    const fran = w.as('fran')
    const noPassword = await refusedUnchanged(w.library, fran, 'session.switchUser', { userId: w.rita.id, password: 'a guess at it' }, 'UNAUTHENTICATED')
    const wrongPassword = await refusedUnchanged(w.library, fran, 'session.switchUser', { userId: w.rob.id, password: 'a guess at it' }, 'UNAUTHENTICATED')
    expect(noPassword.message.replace('Rita', 'X')).toBe(wrongPassword.message.replace('Rob', 'X'))
    expect(noPassword.details).toEqual(wrongPassword.details)
    const askedRita = await refusedUnchanged(w.library, fran, 'session.switchUser', { userId: w.rita.id }, 'UNAUTHENTICATED')
    const askedRob = await refusedUnchanged(w.library, fran, 'session.switchUser', { userId: w.rob.id }, 'UNAUTHENTICATED')
    expect(askedRita.message.replace('Rita', 'X')).toBe(askedRob.message.replace('Rob', 'X'))
    expect(askedRita.details).toEqual(askedRob.details)
  })

  it('is allowed to an admin, and to an admin viewing as someone', async () => {
    const caller = w.library.caller(w.library.session(adminId()))
    await caller.call('session.viewAs', { userId: w.rob.id })
    await caller.call('session.switchUser', { userId: w.rita.id })
    expect((await caller.call('session.current')).user.id).toBe(w.rita.id)
    // Now Rita, she cannot go back to the passwordless admin.
    await refusedUnchanged(w.library, caller, 'session.switchUser', { userId: adminId(), password: 'a guess at it' }, 'UNAUTHENTICATED')
  })

  it('lets someone reach the admin once the admin has a password, with it', async () => {
    await w.admin.call('users.update', { userId: adminId(), password: 'ada knows this one' })
    const rita = w.as('rita')
    await refusedUnchanged(w.library, rita, 'session.switchUser', { userId: adminId(), password: 'a guess at it' }, 'UNAUTHENTICATED')
    const view = await rita.call('session.switchUser', { userId: adminId(), password: 'ada knows this one' })
    expect(view).toMatchObject({ user: { id: adminId() }, isAdmin: true })
  })

  it('is not possible at all from a window where nobody is signed in', async () => {
    const caller = w.library.caller(w.library.session(null))
    for (const input of [{ userId: w.rita.id }, { userId: adminId() }, { userId: w.rob.id, password: ROB_PASSWORD }]) {
      const error = await refusedUnchanged(w.library, caller, 'session.switchUser', input, 'UNAUTHENTICATED')
      expect(error.message).toMatch(/sign in/i)
    }
    expect(caller.session.userId).toBeNull()
  })
})

describe('signing in', () => {
  it('needs a password: an account without one cannot sign in, not even the first admin', async () => {
    for (const email of [w.rita.email, w.fran.email, 'ada@example.com']) {
      for (const password of [undefined, 'a guess at it']) {
        const caller = w.library.caller(w.library.session(null))
        await refusedUnchanged(w.library, caller, 'session.signIn', { email, password }, 'UNAUTHENTICATED')
      }
    }
  })

  it('fails the same way whether the email has an account, the account a password, or the password is right', async () => {
    const caller = w.library.caller(w.library.session(null))
    const attempts = [
      { email: 'nobody@example.com', password: 'a guess at it' },
      { email: 'nobody@example.com' },
      { email: w.rob.email, password: 'a guess at it' },
      { email: w.rob.email },
      { email: w.rita.email, password: 'a guess at it' },
      { email: w.rita.email },
    ]
    const refusals = []
    for (const input of attempts) refusals.push(await refusedUnchanged(w.library, caller, 'session.signIn', input, 'UNAUTHENTICATED'))
    for (const r of refusals) {
      expect({ code: r.code, message: r.message, details: r.details }).toEqual({ code: refusals[0].code, message: refusals[0].message, details: refusals[0].details })
      // No name behind an email is echoed.
      expect(r.message).not.toMatch(/Rob|Rita|Ada/)
    }
  })

  it('signs in with the right password, whatever the case of the email', async () => {
    const caller = w.library.caller(w.library.session(null))
    await caller.call('session.signIn', { email: w.rob.email.toUpperCase(), password: ROB_PASSWORD })
    expect(caller.session.userId).toBe(w.rob.id)
    await expectRefused(w.library.caller(w.library.session(null)).call('session.signIn', { email: w.rob.email, password: ROB_PASSWORD.toUpperCase() }), 'UNAUTHENTICATED')
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../../main/core/index.js'
import { FREE_FAILURES, MAX_DELAY_MS, delayAfter } from '../../../main/core/users/signInLimiter.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

/**
 * docs/accounts.md: password checks are limited per account, by a delay that doubles with
 * each failure after the first few and ends with a success. The library's clock is moved by
 * hand, so nothing here waits.
 */
const ROB_PASSWORD = 'correct horse battery'
let now = Date.UTC(2026, 11, 3, 12, 0, 0)
let t: TempLibrary
let rob: { id: string; email: string }
let fran: { id: string; email: string }

beforeEach(async () => {
  now = Date.UTC(2026, 11, 3, 12, 0, 0)
  t = await tempLibrary({ clock: () => now })
  rob = await t.admin.call('users.create', { name: 'Rob', email: 'rob@example.com', role: 'restricted', password: ROB_PASSWORD })
  fran = await t.admin.call('users.create', { name: 'Fran', email: 'fran@example.com', role: 'fullAccess' })
})
afterEach(async () => t.close())

const signedOut = (): Caller => t.library.caller(t.library.session(null))

/** The code, and the whole error when the limiter refused. */
async function attempt(input: { email: string; password?: string }, caller = signedOut()): Promise<{ code: string; message?: string; details?: Record<string, unknown> }> {
  try {
    await caller.call('session.signIn', input)
    return { code: 'OK' }
  } catch (error) {
    const e = error as { code: string; message: string; details?: Record<string, unknown> }
    return e.code === 'LIMIT_EXCEEDED' ? { code: e.code, message: e.message, details: e.details } : { code: e.code }
  }
}

async function fail(email: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) expect((await attempt({ email, password: `wrong ${i} guess` })).code).toBe('UNAUTHENTICATED')
}

describe('sign-in attempts', () => {
  it('are free for the first few failures, then refused, before any check, until the delay has passed', async () => {
    await fail(rob.email, FREE_FAILURES)
    expect((await attempt({ email: rob.email, password: ROB_PASSWORD })).code).toBe('OK')
    await fail(rob.email, FREE_FAILURES + 1)
    // Even the right password is refused while the account waits: nothing is learnt by guessing now.
    const refused = await attempt({ email: rob.email, password: ROB_PASSWORD })
    expect(refused).toEqual({
      code: 'LIMIT_EXCEEDED',
      message: 'Too many wrong passwords for this account in a row. Try again in 1 second (at 12:00:01 UTC).',
      details: { retryAt: now + 1000, retryAfterSeconds: 1 },
    })
    now += 999
    expect((await attempt({ email: rob.email, password: ROB_PASSWORD })).code).toBe('LIMIT_EXCEEDED')
    now += 1
    expect((await attempt({ email: rob.email, password: ROB_PASSWORD })).code).toBe('OK')
  })

  it('wait twice as long after each further failure, up to a cap, and a refused attempt does not lengthen the wait', async () => {
    await fail(rob.email, FREE_FAILURES)
    const waits: number[] = []
    for (let n = 0; n < 14; n++) {
      await fail(rob.email, 1)
      const refused = await attempt({ email: rob.email, password: 'yet another guess' })
      expect(refused.code).toBe('LIMIT_EXCEEDED')
      waits.push(refused.details!.retryAt as number - now)
      now = refused.details!.retryAt as number
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900].map((s) => s * 1000))
    expect(delayAfter(1000)).toBe(MAX_DELAY_MS)
    await fail(rob.email, 1)
    const after = await attempt({ email: rob.email, password: ROB_PASSWORD })
    expect(after.message).toMatch(/Try again in 15 minutes \(at \d\d:\d\d:\d\d UTC\)\./)
  })

  it('start again from nothing after a success', async () => {
    await fail(rob.email, FREE_FAILURES + 1)
    now += 1000
    await fail(rob.email, 1)
    now += 2000
    expect((await attempt({ email: rob.email, password: ROB_PASSWORD })).code).toBe('OK')
    await fail(rob.email, FREE_FAILURES)
    expect((await attempt({ email: rob.email, password: ROB_PASSWORD })).code).toBe('OK')
  })

  it('are counted per account: one account waiting leaves the others alone', async () => {
    await fail(rob.email, FREE_FAILURES + 1)
    expect((await attempt({ email: rob.email, password: ROB_PASSWORD })).code).toBe('LIMIT_EXCEEDED')
    await t.admin.call('users.update', { userId: fran.id, password: 'fran has one too' })
    expect((await attempt({ email: fran.email, password: 'fran has one too' })).code).toBe('OK')
  })

  it('behave for an email no one has exactly as for one that has an account', async () => {
    const run = async (email: string) => {
      const seen = []
      for (let i = 0; i < FREE_FAILURES + 3; i++) seen.push(await attempt({ email, password: 'a guess at it' }))
      now += 1000
      seen.push(await attempt({ email, password: 'a guess at it' }))
      return seen
    }
    const start = now
    const known = await run(rob.email)
    now = start
    const unknown = await run('nobody@example.com')
    expect(unknown).toEqual(known)
    expect(known.map((a) => a.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'LIMIT_EXCEEDED', 'LIMIT_EXCEEDED', 'UNAUTHENTICATED'])
  })
})

describe('switching with a password', () => {
  it('shares the account’s count with signing in, and is refused the same way while it waits', async () => {
    const asFran = t.library.as(fran.id)
    await fail(rob.email, FREE_FAILURES)
    await expect(asFran.call('session.switchUser', { userId: rob.id, password: 'one more guess' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    await expect(asFran.call('session.switchUser', { userId: rob.id, password: ROB_PASSWORD })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', details: { retryAt: now + 1000 } })
    expect(asFran.session.userId).toBe(fran.id)
    // Asking which password is needed is not a guess: it is answered, and counts for nothing.
    await expect(asFran.call('session.switchUser', { userId: rob.id })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', details: { needsPassword: true } })
    now += 1000
    await asFran.call('session.switchUser', { userId: rob.id, password: ROB_PASSWORD })
    expect(asFran.session.userId).toBe(rob.id)
    expect((await attempt({ email: rob.email, password: 'wrong again' })).code).toBe('UNAUTHENTICATED')
  })

  it('does not hold back an admin, who is asked for no password', async () => {
    await fail(rob.email, FREE_FAILURES + 1)
    const admin = t.library.caller(t.library.session(t.library.firstAdminId))
    await admin.call('session.switchUser', { userId: rob.id })
    expect(admin.session.userId).toBe(rob.id)
  })
})

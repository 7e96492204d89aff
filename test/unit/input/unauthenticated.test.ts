import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames } from '../../../shared/contract/index.js'
import { expectRefused } from '../../support/tempLibrary.js'
import { channelCases } from './channelCases.js'
import { ROB_PASSWORD, expectRefusedUnchanged, makeWorld, type World } from './world.js'

let w: World
beforeAll(async () => {
  w = await makeWorld()
})
afterAll(async () => w.close())

/** The one channel that exists to let someone act from a window where nobody does (switching needs someone to switch from). */
const SIGN_IN_CHANNELS = new Set(['session.signIn'])

describe('a session where nobody is signed in', () => {
  // Each channel's accepted input, so the refusal can only come from there being no one to act as.
  for (const channel of channelNames.filter((c) => !SIGN_IN_CHANNELS.has(c))) {
    it(`is refused ${channel}`, async () => {
      const session = w.library.session(null)
      const error = await expectRefusedUnchanged(w.library, session, channel, channelCases(w)[channel].valid, 'UNAUTHENTICATED')
      expect(error.message).toMatch(/sign in/i)
      expect(session.userId).toBeNull()
    })
  }

  it('may sign in, and then acts as that user', async () => {
    const caller = w.library.caller(w.library.session(null))
    const view = await caller.call('session.signIn', { email: w.rob.email.toUpperCase(), password: ROB_PASSWORD })
    expect(view.user.id).toBe(w.rob.id)
    expect((await caller.call('session.current')).user.id).toBe(w.rob.id)
  })

  it('is refused again once its user is deleted', async () => {
    const nina = await w.admin.call('users.create', { name: 'Nina', email: 'nina@example.com', role: 'restricted' })
    const caller = w.library.as(nina.id)
    await w.admin.call('users.delete', { userId: nina.id })
    const seq = w.library.core.store.seq
    await expectRefused(caller.call('assets.roots'), 'UNAUTHENTICATED')
    expect(w.library.core.store.seq).toBe(seq)
    // The session forgets its deleted user rather than keep a dangling id.
    expect(caller.session.userId).toBeNull()
  })
})

import type { UserRecord } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { sessionChannels } from '../../../shared/contract/session.js'
import type { Core, SessionHandlersOf } from '../context.js'
import { resolveActor } from '../../dispatch.js'
import { passwordMatches } from '../users/passwords.js'
import { accountKey } from '../users/signInLimiter.js'
import { sessionView } from '../users/views.js'

/**
 * The same refusal whether the email has an account, the account has no password, or the
 * password is wrong: a signed-out window learns nothing about accounts (docs/accounts.md).
 */
const SIGN_IN_REFUSED = 'That email and password do not match. An account without a password cannot sign in: an administrator can switch to it or give it a password.'

/**
 * Checks a password for the account under `key`, through the per-account limiter: a refusal
 * while the account waits out a delay comes before any check, a failure lengthens the wait,
 * a success clears it.
 */
async function checkThrottled(core: Core, key: string, user: UserRecord | undefined, password: string | undefined, refusal: string): Promise<UserRecord> {
  core.signIns.check(key)
  if (!(await passwordMatches(password, user?.passwordHash)) || !user) {
    core.signIns.failed(key)
    throw new AppError('UNAUTHENTICATED', refusal)
  }
  core.signIns.succeeded(key)
  return user
}

export const sessionHandlers: SessionHandlersOf<typeof sessionChannels> = {
  'session.current': (core, session) => {
    const { actor, viaAdmin } = resolveActor(core, session)
    return sessionView(core, actor, viaAdmin)
  },

  'session.signIn': async (core, session, { email, password }) => {
    const id = core.store.indexes.userByEmail.get(email.toLowerCase())
    const user = await checkThrottled(core, accountKey(email), id ? core.store.tables.users.get(id) : undefined, password, SIGN_IN_REFUSED)
    session.userId = user.id
    session.viewAsId = null
    return sessionView(core, user, null)
  },

  /**
   * An administrator switches to anyone without a password. Everyone else gives the password of
   * the account they switch to; an account without one cannot be reached that way at all, and
   * is refused exactly as a wrong password is, so that whether it has one stays unknown.
   */
  'session.switchUser': async (core, session, { userId, password }) => {
    const { actor, viaAdmin } = resolveActor(core, session)
    const person = viaAdmin ?? actor
    const target = core.store.tables.users.get(userId)
    if (!target) throw new AppError('NOT_FOUND', `No user with id ${userId}.`, { id: userId })
    if (person.role !== 'admin' && target.id !== person.id) {
      if (password === undefined) throw new AppError('UNAUTHENTICATED', `Enter ${target.name}'s password to switch to them.`, { needsPassword: true })
      await checkThrottled(core, accountKey(target.email), target, password, `That is not ${target.name}'s password.`)
    }
    session.userId = target.id
    session.viewAsId = null
    return sessionView(core, target, null)
  },

  'session.viewAs': (core, session, { userId }) => {
    const admin = session.userId ? core.store.tables.users.get(session.userId) : undefined
    if (!admin) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
    if (admin.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator can view as another user.')
    const target = core.store.tables.users.get(userId)
    if (!target) throw new AppError('NOT_FOUND', `No user with id ${userId}.`, { id: userId })
    if (target.role !== 'restricted') {
      throw new AppError('INVALID_INPUT', `${target.name} is not a restricted user and sees the whole library; view as is for restricted users.`, { userId })
    }
    session.viewAsId = target.id
    return sessionView(core, target, admin)
  },

  'session.endViewAs': (core, session) => {
    session.viewAsId = null
    const { actor } = resolveActor(core, session)
    return sessionView(core, actor, null)
  },
}

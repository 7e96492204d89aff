import type { UserRecord } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { SessionHandlerMap } from '../context.js'
import { resolveActor } from '../../dispatch.js'
import { verifyPassword } from './passwords.js'
import { sessionView } from './views.js'

type SessionChannels = 'session.current' | 'session.signIn' | 'session.switchUser' | 'session.viewAs' | 'session.endViewAs'

/** A user with a password must give it; without one (a local, single-seat setup) none is asked. */
async function checkPassword(user: UserRecord | undefined, password: string | undefined): Promise<UserRecord> {
  const wrong = new AppError('UNAUTHENTICATED', 'That user and password do not match.')
  if (!user) throw wrong
  if (user.passwordHash === undefined) return user
  if (password === undefined) throw new AppError('UNAUTHENTICATED', `${user.name} has a password: enter it to switch.`, { needsPassword: true })
  if (!(await verifyPassword(password, user.passwordHash))) throw wrong
  return user
}

export const sessionHandlers: SessionHandlerMap<SessionChannels> = {
  'session.current': (core, session) => {
    const { actor, viaAdmin } = resolveActor(core, session)
    return sessionView(core, actor, viaAdmin)
  },
  'session.signIn': async (core, session, { email, password }) => {
    const id = core.store.indexes.userByEmail.get(email)
    const user = await checkPassword(id ? core.store.tables.users.get(id) : undefined, password)
    session.userId = user.id
    session.viewAsId = null
    return sessionView(core, user, null)
  },
  'session.switchUser': async (core, session, { userId, password }) => {
    const user = await checkPassword(core.store.tables.users.get(userId), password)
    session.userId = user.id
    session.viewAsId = null
    return sessionView(core, user, null)
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

import type { z } from 'zod'
import { channels, isChannelName, type ChannelName } from '../shared/contract/index.js'
import { AppError, type ErrorShape } from '../shared/errors.js'
import { SeqMoved } from './core/store/seqMoved.js'
import { makeCtx, type Core, type Handler, type Session, type SessionHandler } from './core/context.js'

export type AnyHandlers = { [C in ChannelName]?: Handler<C> }
export type AnySessionHandlers = { [C in ChannelName]?: SessionHandler<C> }

/** Runs of one call whose commit found the library changed by another process. */
const MAX_ATTEMPTS = 5

/** Logs what went wrong inside main; the renderer only ever sees `INTERNAL`. */
export type InternalErrorLog = (channel: string, error: unknown) => void
const defaultLog: InternalErrorLog = (channel, error) => console.error(`[trove] ${channel} failed:`, error)

/**
 * The one way into the core, for IPC, HTTP and scripts alike (docs/architecture.md): the channel must
 * be in the contract, the input must match its schema, the session must have someone
 * signed in, and whatever escapes a handler is turned into `{code, message, details}`.
 */
export class Dispatcher {
  constructor(
    private readonly core: Core,
    private readonly handlers: AnyHandlers,
    private readonly sessionHandlers: AnySessionHandlers,
    private readonly log: InternalErrorLog = defaultLog,
  ) {}

  async dispatch(session: Session, channel: string, input: unknown): Promise<unknown> {
    try {
      return await this.run(session, channel, input)
    } catch (error) {
      throw toAppError(channel, error, this.log)
    }
  }

  private async run(session: Session, channel: string, input: unknown): Promise<unknown> {
    if (typeof channel !== 'string' || !isChannelName(channel)) {
      throw new AppError('INVALID_INPUT', `There is no channel named ${JSON.stringify(String(channel)).slice(0, 80)}.`, { channel: String(channel).slice(0, 80) })
    }
    const parsed = validate(channel, input)
    const sessionHandler = this.sessionHandlers[channel] as SessionHandler<ChannelName> | undefined
    if (sessionHandler) {
      // Only the session channels serve a window before anyone signs in; the others handled with the
      // session (native dialogs, whose picks the window may then use as paths) need someone acting.
      if (!channel.startsWith('session.')) resolveActor(this.core, session)
      return sessionHandler(this.core, session, parsed as never)
    }
    const handler = this.handlers[channel] as Handler<ChannelName> | undefined
    if (!handler) throw new AppError('INTERNAL', `No handler for ${channel}.`)
    for (let attempt = 1; ; attempt++) {
      const { actor, viaAdmin } = resolveActor(this.core, session)
      const ctx = makeCtx(this.core, session, actor, viaAdmin, channel)
      try {
        return await handler(ctx, parsed as never)
      } catch (error) {
        // Another process of a team library committed first. Handlers only read memory before
        // they commit, so one that has made nothing durable runs again on the caught-up state
        // (docs/team.md); its checks then see the other change.
        if (!(error instanceof SeqMoved) || ctx.committed > 0 || attempt >= MAX_ATTEMPTS) throw error
        await this.core.store.caughtUp(error.logSeq)
      }
    }
  }
}

function validate(channel: ChannelName, input: unknown): unknown {
  const schema = channels[channel].input as z.ZodType
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
  const first = issues[0]
  const where = first?.path ? `${first.path} ` : ''
  throw new AppError('INVALID_INPUT', `Invalid input for ${channel}: ${where}${first?.message ?? 'is not valid'}.`, { channel, issues })
}

/** The actor is read from the session, never from the request (docs/accounts.md). */
export function resolveActor(core: Core, session: Session) {
  const users = core.store.tables.users
  const user = session.userId ? users.get(session.userId) : undefined
  if (!user) {
    session.userId = null
    session.viewAsId = null
    throw new AppError('UNAUTHENTICATED', 'Sign in first.')
  }
  if (session.viewAsId === null) return { actor: user, viaAdmin: null }
  const viewed = users.get(session.viewAsId)
  if (user.role !== 'admin' || !viewed || viewed.role !== 'restricted') {
    // The view-as no longer makes sense (role changed, user deleted): end it rather than guess.
    session.viewAsId = null
    throw new AppError('UNAUTHENTICATED', 'The view-as session ended because the users involved changed. You act as yourself again.')
  }
  return { actor: viewed, viaAdmin: user }
}

export function toAppError(channel: string, error: unknown, log: InternalErrorLog = defaultLog): AppError {
  if (error instanceof AppError) return error
  log(channel, error)
  return new AppError('INTERNAL', 'Something went wrong inside Trove. The details are in the application log.')
}

export function errorShape(error: unknown): ErrorShape {
  return toAppError('?', error).toJSON()
}

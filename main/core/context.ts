import { randomUUID } from 'node:crypto'
import type { ActivityPart, ActivityRecord, Id, UserRecord } from '../../shared/domain.js'
import { plainSummary } from './activity/summary.js'
import { channels, type ChannelName, type ParsedInputOf, type ResultOf } from '../../shared/contract/index.js'
import type { BlobStore } from './blobs/blobStore.js'
import type { Change, Dels, Puts } from './store/change.js'
import type { PermissionEngine } from './permissions/engine.js'
import type { Store } from './store/store.js'
import type { JobRunner } from './jobs/runner.js'
import type { Renditions } from './media/thumbnails.js'
import type { JobContext } from './jobs/runner.js'
import type { SignInLimiter } from './users/signInLimiter.js'

/** Heavy image work that tests may replace with a quick stand-in (the real one has its own tests). */
export interface ImageTools {
  removeBackground(input: string, mime: string, jc: JobContext): Promise<Buffer>
}

/** Who the system records as creating Home and as purging the trash on its own: no user. */
export const SYSTEM_ID = 'system'

/** What every operation works with: the library's store, engine and blobs. */
export interface Core {
  readonly dir: string
  readonly store: Store
  readonly engine: PermissionEngine
  readonly blobs: BlobStore
  readonly jobs: JobRunner
  readonly renditions: Renditions
  readonly tools: ImageTools
  readonly clock: () => number
  /** Failed password checks per account, shared by every session of the library. */
  readonly signIns: SignInLimiter
  /** A team server: no account may be without a password (docs/team.md). */
  readonly passwordsRequired: boolean
  newId(): Id
}

export type PathPurpose = 'read' | 'write'

/**
 * Who acts through one window, browser tab or script. The actor is never taken from a
 * request: transports hold a Session and the dispatcher reads it (docs/accounts.md).
 */
export class Session {
  readonly id: string
  /** The signed-in user; null until someone signs in. */
  userId: Id | null
  /** The restricted user an admin is viewing as, if any. */
  viewAsId: Id | null = null
  /**
   * Whether this session may name files on this machine (`sourcePath`, `destPath`). Scripts
   * and tests may; a window may only use paths its own dialogs returned; a browser may not.
   */
  mayUsePath: (path: string, purpose: PathPurpose) => boolean

  constructor(userId: Id | null, mayUsePath: (path: string, purpose: PathPurpose) => boolean = () => true, id: string = randomUUID()) {
    this.id = id
    this.userId = userId
    this.mayUsePath = mayUsePath
  }

  /**
   * This session as it stands, allowed to use one more path for one purpose. It keeps the
   * id, so the progress of a job it starts reaches whoever listens to this session.
   */
  allowing(path: string, purpose: PathPurpose): Session {
    const narrow = new Session(this.userId, (p, why) => (why === purpose && p === path) || this.mayUsePath(p, why), this.id)
    narrow.viewAsId = this.viewAsId
    return narrow
  }

  /** Whoever every check is made as. */
  get actorId(): Id | null {
    return this.viewAsId ?? this.userId
  }
}

export interface ActivityDraft {
  /** The call's channel unless said otherwise (a job's end logged under the channel that started it, say). */
  action?: string
  ids: Id[]
  /** Text, or parts naming files and folders by id (see activity/summary.ts). */
  summary: string | ActivityPart[]
}

export interface CommitDraft {
  /** What the change is called in the journal and in `library.changed`: the call's channel unless said otherwise. */
  op?: string
  put?: Puts
  del?: Dels
  /** Omitted only for a job's bookkeeping of its own record (its start or end is logged once, elsewhere). */
  activity: ActivityDraft | null
}

/** What a handler receives: the core, the session, and who acts. */
export interface Ctx {
  readonly core: Core
  readonly session: Session
  /** The acting user: the viewed user during a view-as. */
  readonly actor: UserRecord
  /** The admin behind a view-as. */
  readonly viaAdmin: UserRecord | null
  readonly channel: ChannelName
  /**
   * Applies a change with its activity entry; resolves once it is durable. Its op and the
   * entry's action are the channel's name unless the draft names others. Only a command
   * (`mutates` in shared/contract/define.ts) may commit: a query that tried is a bug, refused.
   */
  commit(draft: CommitDraft): Promise<Change>
  /** How many of this call's changes are durable: a call that made none may run again (docs/team.md). */
  readonly committed: number
}

export function makeCtx(core: Core, session: Session, actor: UserRecord, viaAdmin: UserRecord | null, channel: ChannelName): Ctx {
  let committed = 0
  return {
    core,
    session,
    actor,
    viaAdmin,
    channel,
    get committed() {
      return committed
    },
    commit(draft) {
      if (!channels[channel].mutates) return Promise.reject(new Error(`${channel} is a query and may not change the library.`))
      const op = draft.op ?? channel
      const put: Puts = { ...(draft.put ?? {}) }
      if (draft.activity) {
        const entry: ActivityRecord = {
          id: core.newId(),
          at: core.clock(),
          actorId: actor.id,
          action: draft.activity.action ?? channel,
          ids: draft.activity.ids,
          summary: typeof draft.activity.summary === 'string' ? draft.activity.summary : plainSummary(draft.activity.summary),
        }
        if (typeof draft.activity.summary !== 'string') entry.parts = draft.activity.summary
        if (viaAdmin) entry.viaAdminId = viaAdmin.id
        put.activity = [...(put.activity ?? []), entry]
      }
      return core.store.commit({ actor: actor.id, op, put, del: draft.del ?? [] }).then((change) => {
        committed++
        return change
      })
    },
  }
}

/** A handler for one channel: validated input in, result out, errors thrown as AppError. */
export type Handler<C extends ChannelName> = (ctx: Ctx, input: ParsedInputOf<C>) => ResultOf<C> | Promise<ResultOf<C>>

/** Session channels run before anyone has signed in; they receive the session and the core only. */
export type SessionHandler<C extends ChannelName> = (
  core: Core,
  session: Session,
  input: ParsedInputOf<C>,
) => ResultOf<C> | Promise<ResultOf<C>>

export type HandlerMap<K extends ChannelName> = { [C in K]: Handler<C> }
export type SessionHandlerMap<K extends ChannelName> = { [C in K]: SessionHandler<C> }
/**
 * A domain's handler map, typed from its contract section (`HandlersOf<typeof tagChannels>`):
 * a channel of the section without a handler, or a handler for a channel it does not define, is a type error.
 */
export type HandlersOf<Section> = HandlerMap<keyof Section & ChannelName>
export type SessionHandlersOf<Section> = SessionHandlerMap<keyof Section & ChannelName>

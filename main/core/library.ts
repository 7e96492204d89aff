import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { FolderRecord, Id, UserRecord } from '../../shared/domain.js'
import { HOME_NAME } from '../../shared/domain.js'
import type { ChannelName, EventName, Events, InputOf, ResultOf } from '../../shared/contract/index.js'
import { AppError } from '../../shared/errors.js'
import { emailSchema, nameSchema, passwordSchema } from '../../shared/contract/common.js'
import { Dispatcher, type AnySessionHandlers, type InternalErrorLog } from '../dispatch.js'
import type { BlobStore } from './blobs/blobStore.js'
import { FolderBlobStore } from './blobs/folderBlobs.js'
import { SYSTEM_ID, Session, type Core, type PathPurpose } from './context.js'
import { changeEventFor, reachOf, type Reach } from './events.js'
import { channelHandlers, sessionChannelHandlers } from './handlers.js'
import { PermissionEngine } from './permissions/engine.js'
import { Store, type StoreOptions } from './store/store.js'
import { JobRunner } from './jobs/runner.js'
import { markInterruptedDownloads } from './downloads/interrupted.js'
import { Renditions, hasRendition } from './media/thumbnails.js'
import { removeBackgroundToPng } from './extensions/removeBackground.js'
import type { ImageTools } from './context.js'
import type { Change } from './store/change.js'
import type { RecordLog } from './store/recordLog.js'
import { SeqMoved } from './store/seqMoved.js'
import os from 'node:os'
import { hashPassword } from './users/passwords.js'
import { SignInLimiter } from './users/signInLimiter.js'
import { expiredRoots, purgeDels } from './trash/purge.js'
import { retentionDays } from './trash/trashAccess.js'

export interface OpenOptions extends StoreOptions {
  /** The first admin of an empty library (default: Administrator, admin@localhost, no password). */
  admin?: { name?: string; email?: string; password?: string }
  /** Handlers a transport supplies in place of the headless ones (the desktop shell's native dialogs). */
  overrides?: AnySessionHandlers
  /** Where unexpected errors are logged (default: console.error). */
  log?: InternalErrorLog
  newId?: () => Id
  /** Replaces heavy image work (tests of permissions need not run the model). */
  tools?: Partial<ImageTools>
  /** false: no automatic purge of the trash (tests that purge by hand). */
  trashPurge?: boolean
  /** Jobs that run at once (default: the number of cores). */
  jobConcurrency?: number
  /**
   * Where the records live, in place of the files in `dir` (a team library's PostgreSQL log,
   * docs/team.md); `dir` then holds what stays on this machine (blobs, renditions).
   */
  recordLog?: RecordLog
  /**
   * Every account has a password (a team server): an empty library's first admin must be
   * given one, and no account may be created or left without one.
   */
  passwordsRequired?: boolean
  /** Where contents live (default: the library's own `blobs/` folder); closed with the library. */
  blobs?: BlobStore
}

export { SYSTEM_ID }

/** A caller bound to one session: `call` goes through the same dispatcher as IPC and HTTP. */
export class Caller {
  constructor(
    private readonly library: Library,
    readonly session: Session,
  ) {}

  call<C extends ChannelName>(channel: C, input?: InputOf<C>): Promise<ResultOf<C>> {
    return this.library.dispatch(this.session, channel, input) as Promise<ResultOf<C>>
  }

  /** Events as this session may see them. Returns an unsubscribe function. */
  subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    return this.library.subscribe(this.session, event, listener)
  }
}

type Listener = { session: Session; event: EventName; fn: (payload: never) => void }

/** Session channels after which the session's actor may differ. */
const ACTOR_CHANGING = new Set<string>(['session.signIn', 'session.switchUser', 'session.viewAs', 'session.endViewAs'])
/** How often an open library looks for trashed items past the retention (docs/trash.md). */
const TRASH_PURGE_INTERVAL_MS = 60 * 60 * 1000
/** Orphaned blobs are collected this long after the change that orphaned them, in one pass for a burst of deletions. */
const ORPHAN_DELAY_MS = 2000

/** An open library: its core, its dispatcher, and the sessions that act on it. */
export class Library {
  private readonly listeners = new Set<Listener>()
  private readonly eventSeqs = new WeakMap<Session, number>()
  private readonly dispatcher: Dispatcher
  private orphanTimer: NodeJS.Timeout | null = null
  private purgeTimer: NodeJS.Timeout | null = null
  private collecting: Promise<unknown> = Promise.resolve()

  constructor(readonly core: Core, options: { log?: InternalErrorLog; overrides?: AnySessionHandlers } = {}) {
    this.dispatcher = new Dispatcher(core, channelHandlers, { ...sessionChannelHandlers, ...options.overrides }, options.log)
    // What each listening restricted reader could see of a change before it applied: a deleted
    // or moved-away asset can no longer be checked afterwards.
    const reachBefore = new WeakMap<Change, Map<Id, Reach>>()
    core.store.onApply((change) => {
      const reaches = new Map<Id, Reach>()
      for (const l of this.listeners) {
        const actorId = l.session.actorId
        if (l.event !== 'library.changed' || actorId === null || reaches.has(actorId) || !core.engine.isRestricted(actorId)) continue
        reaches.set(actorId, reachOf(core, actorId, change))
      }
      if (reaches.size > 0) reachBefore.set(change, reaches)
    })
    core.store.onCommit((change) => {
      // Only after the deleting change is durable may its blobs go: a crash before would need them.
      if (core.store.indexes.orphanedBlobs.size > 0) this.scheduleOrphanCollection()
      this.prepareThumbnails(change)
      // One event per session, however many listeners it has (tabs of one browser share one).
      const bySession = new Map<Session, Events['library.changed'] | null>()
      for (const l of this.listeners) {
        if (l.event !== 'library.changed') continue
        let event = bySession.get(l.session)
        if (event === undefined) {
          const actorId = l.session.actorId
          const heard = changeEventFor(core, actorId, change, actorId === null ? undefined : reachBefore.get(change)?.get(actorId))
          event = heard && { seq: this.nextEventSeq(l.session), ...heard }
          bySession.set(l.session, event)
        }
        if (event) (l.fn as (p: Events['library.changed']) => void)(event)
      }
    })
  }

  /**
   * A change event's number is the session's own count of the change events it was sent:
   * consecutive, so a gap means one was missed, and telling nothing of changes it did not hear of.
   */
  private nextEventSeq(session: Session): number {
    const seq = (this.eventSeqs.get(session) ?? 0) + 1
    this.eventSeqs.set(session, seq)
    return seq
  }

  get dir(): string {
    return this.core.dir
  }

  /** The first admin, for a desktop session that starts signed in. */
  get firstAdminId(): Id | null {
    let first: UserRecord | null = null
    for (const u of this.core.store.tables.users.values()) if (u.role === 'admin' && (!first || u.createdAt < first.createdAt)) first = u
    return first?.id ?? null
  }

  /** A new session; `userId` null means nobody is signed in yet. */
  session(userId: Id | null, mayUsePath?: (p: string, purpose: PathPurpose) => boolean): Session {
    return new Session(userId, mayUsePath)
  }

  caller(session: Session): Caller {
    return new Caller(this, session)
  }

  /** A trusted caller acting as a user (id or email), as scripts and tests use it. */
  as(userIdOrEmail: string): Caller {
    const users = this.core.store.tables.users
    const id = users.has(userIdOrEmail) ? userIdOrEmail : this.core.store.indexes.userByEmail.get(userIdOrEmail.toLowerCase())
    if (!id) throw new AppError('NOT_FOUND', `No user ${userIdOrEmail}.`, { user: userIdOrEmail })
    return this.caller(this.session(id))
  }

  async dispatch(session: Session, channel: string, input: unknown): Promise<unknown> {
    const before = session.actorId
    const result = await this.dispatcher.dispatch(session, channel, input)
    if (ACTOR_CHANGING.has(channel) || session.actorId !== before) this.emitTo(session, 'session.changed', { userId: session.actorId })
    return result
  }

  subscribe<E extends EventName>(session: Session, event: E, fn: (payload: Events[E]) => void): () => void {
    const listener: Listener = { session, event, fn: fn as (payload: never) => void }
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Tells listeners of the session with this id (jobs know their session by id only). */
  emitToSessionId<E extends EventName>(sessionId: string, event: E, payload: Events[E]): void {
    for (const l of this.listeners) if (l.session.id === sessionId && l.event === event) (l.fn as (p: Events[E]) => void)(payload)
  }

  /** Tells one session's listeners something about that session only (switches, job progress). */
  emitTo<E extends EventName>(session: Session, event: E, payload: Events[E]): void {
    for (const l of this.listeners) if (l.session === session && l.event === event) (l.fn as (p: Events[E]) => void)(payload)
  }

  /** Removes every blob no version references (docs/store.md): a full pass over `blobs/`. */
  collectGarbage(): Promise<{ removed: number; bytes: number }> {
    const run = this.collecting.then(() => this.core.blobs.collect((hash) => this.core.store.indexes.blobRefs.has(hash)))
    this.collecting = run.catch(() => undefined)
    return run
  }

  /** Removes the blobs whose last reference went since the last pass. */
  collectOrphans(): Promise<{ removed: number; bytes: number }> {
    const orphans = [...this.core.store.indexes.orphanedBlobs]
    this.core.store.indexes.orphanedBlobs.clear()
    const run = this.collecting.then(() => this.core.blobs.collectSome(orphans, (hash) => this.core.store.indexes.blobRefs.has(hash)))
    this.collecting = run.catch(() => undefined)
    return run
  }

  /**
   * Purges what has been in the trash longer than the library keeps it, as of the library's
   * clock; run when the library opens and every hour while it is open. Returns the purged roots.
   */
  async purgeExpiredTrash(): Promise<Id[]> {
    const now = this.core.clock()
    const ids = expiredRoots(this.core, now)
    if (ids.length === 0) return []
    await this.core.store.commit({
      actor: null,
      op: 'trash.autoPurge',
      del: purgeDels(this.core, ids),
      put: {
        activity: [{
          id: this.core.newId(), at: now, actorId: SYSTEM_ID, action: 'trash.autoPurge', ids,
          summary: `purged ${ids.length} item(s) kept in the trash longer than ${retentionDays(this.core)} day(s)`,
        }],
      },
    })
    return ids
  }

  /** Starts the hourly purge of the trash; the first runs at once. */
  startTrashPurge(): void {
    const run = () => void this.purgeExpiredTrash().catch((error: unknown) => console.error('Purging the trash failed:', error))
    run()
    this.purgeTimer = setInterval(run, TRASH_PURGE_INTERVAL_MS)
    this.purgeTimer.unref()
  }

  /** New image content gets its grid thumbnail made in the background, so the grid rarely waits. */
  private prepareThumbnails(change: Change): void {
    for (const asset of change.put.assets ?? []) {
      if (asset.kind !== 'file') continue
      const current = asset.versions.find((v) => v.number === asset.currentVersion)
      if (current && hasRendition(current.mime) && !this.core.renditions.failure(current.hash)) {
        void this.core.renditions.ensure(current.hash, 'thumb', asset.focus, { mime: current.mime, durationSec: current.media?.durationSec }).catch(() => undefined)
      }
    }
  }

  private scheduleOrphanCollection(): void {
    if (this.orphanTimer) return
    this.orphanTimer = setTimeout(() => {
      this.orphanTimer = null
      void this.collectOrphans().catch(() => undefined)
    }, ORPHAN_DELAY_MS)
    this.orphanTimer.unref()
  }

  async close(): Promise<void> {
    await this.core.jobs.stopAll()
    await this.core.renditions.close()
    this.listeners.clear()
    if (this.orphanTimer) clearTimeout(this.orphanTimer)
    if (this.purgeTimer) clearInterval(this.purgeTimer)
    this.purgeTimer = null
    this.orphanTimer = null
    // While the lock is still held; the deletions that orphaned these blobs are already durable.
    await this.collectOrphans().catch(() => undefined)
    await this.collecting
    await this.core.blobs.close()
    await this.core.store.close()
  }
}

/**
 * Opens (or creates) the library in `dir` (docs/architecture.md). An empty folder gets Home and a
 * first admin in one committed change.
 */
export async function openLibrary(dir: string, options: OpenOptions = {}): Promise<Library> {
  const absolute = path.resolve(dir)
  const store = options.recordLog ? await Store.openLog(options.recordLog, options) : await Store.open(absolute, options)
  try {
    // Jobs report to the library's sessions, which exist only once the library does.
    let library: Library | null = null
    const blobs = options.blobs ?? new FolderBlobStore(path.join(absolute, 'blobs'))
    const core: Core = {
      dir: absolute,
      store,
      engine: new PermissionEngine(store),
      blobs,
      renditions: new Renditions(absolute, (hash) => blobs.localFile(hash)),
      tools: { removeBackground: (input, mime, jc) => removeBackgroundToPng(input, mime, jc), ...options.tools },
      jobs: new JobRunner(
        Math.max(1, options.jobConcurrency ?? os.availableParallelism()),
        (job, sessionId) => library?.emitToSessionId(sessionId, 'jobs.progress', job),
        store.clock,
      ),
      clock: store.clock,
      signIns: new SignInLimiter(store.clock),
      passwordsRequired: options.passwordsRequired ?? false,
      newId: options.newId ?? randomUUID,
    }
    await bootstrapOnce(core, options.admin ?? {})
    // In a team library another server may be running these downloads right now.
    if (!store.log.shared) await markInterruptedDownloads(core)
    library = new Library(core, { log: options.log, overrides: options.overrides })
    if (options.trashPurge !== false) library.startTrashPurge()
    return library
  } catch (error) {
    await options.blobs?.close().catch(() => undefined)
    await store.close().catch(() => undefined)
    throw error
  }
}

/** Several servers may open an empty team library at once: one creates it, the others catch up and see it. */
async function bootstrapOnce(core: Core, admin: NonNullable<OpenOptions['admin']>): Promise<void> {
  for (let attempt = 1; core.store.tables.users.size === 0; attempt++) {
    try {
      await bootstrap(core, admin)
    } catch (error) {
      if (!(error instanceof SeqMoved) || attempt >= 5) throw error
      await core.store.caughtUp(error.logSeq)
    }
  }
}

async function bootstrap(core: Core, admin: NonNullable<OpenOptions['admin']>): Promise<void> {
  const name = nameSchema.parse(admin.name ?? 'Administrator')
  const email = emailSchema.parse(admin.email ?? 'admin@localhost')
  if (core.passwordsRequired && admin.password === undefined) {
    throw new AppError('INVALID_INPUT', 'This library is empty and its first administrator needs an email and a password (TROVE_ADMIN_EMAIL and TROVE_ADMIN_PASSWORD).')
  }
  const now = core.clock()
  const user: UserRecord = { id: core.newId(), name, email, role: 'admin', createdAt: now }
  if (admin.password !== undefined) user.passwordHash = await hashPassword(passwordSchema.parse(admin.password))
  const home: FolderRecord = { id: core.newId(), kind: 'folder', name: HOME_NAME, parentId: null, createdBy: SYSTEM_ID, createdAt: now, updatedAt: now }
  await core.store.commit({
    actor: user.id,
    op: 'library.create',
    put: {
      users: [user],
      assets: core.store.indexes.rootId ? [] : [home],
      activity: [{ id: core.newId(), at: now, actorId: user.id, action: 'library.create', ids: [user.id], summary: `created the library with administrator ${name}` }],
    },
  })
}

import { TABLE_NAMES, type Id, type TableName, type Tables } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { Change, Dels, Puts } from './change.js'
import { FileRecordLog } from './fileRecordLog.js'
import { COLD_FIELDS } from './hotColumns.js'
import { Indexes } from './indexes.js'
import type { RecordLog } from './recordLog.js'
import { RecordTable } from './recordTable.js'
import { SeqMoved } from './seqMoved.js'

/** How long a retry waits for the follower to bring the changes that moved the seq. */
const CATCH_UP_MS = 10_000

/** A local change applied in memory whose append has not resolved, with what it replaced, in the order replaced. */
interface Pending {
  change: Change
  replaced: [TableName, Id, unknown][]
}

export interface StoreOptions {
  clock?: () => number
  /** Compact when the active journal passes this many bytes. */
  compactBytes?: number
  /** Replaced snapshots kept in `backups/`. */
  keepBackups?: number
}

export type TableMaps = { [T in TableName]: RecordTable<Tables[T]> }

/**
 * Tables whose stored records stay on disk until asked for (docs/store.md, "Cold records"),
 * with the fields the indexes read of every record at open. A field named here must be all
 * the indexes read of a record of that table when it is first loaded.
 */
export const COLD_TABLES = COLD_FIELDS

export interface ChangeDraft {
  actor: Id | null
  op: string
  put?: Puts
  del?: Dels
}

/**
 * The library's records, in memory, made durable through a record log (recordLog.ts; the
 * file engine is described in docs/store.md). Records are immutable objects: a change
 * replaces them, so the log can write yesterday's objects while today's calls go on.
 */
export class Store {
  readonly tables: TableMaps
  readonly indexes = new Indexes()
  seq: number
  private closed = false
  private readonly listeners = new Set<(change: Change) => void>()
  private readonly applyListeners = new Set<(change: Change) => void>()
  readonly clock: () => number
  /** Set when open found a torn end of the log (and ignored it). */
  tornTail: { file: string; position: number } | null = null
  /** The seq of the last change the log has confirmed (local or followed). */
  private durableSeq = 0
  // Shared logs only (docs/team.md): local changes not yet confirmed, changes of other
  // processes waiting for them to settle, and retries waiting to catch up.
  private readonly pending: Pending[] = []
  private readonly backlog: Change[] = []
  private catchUps: { seq: number; resolve: () => void }[] = []
  private unfollow: (() => void) | null = null

  private constructor(
    readonly log: RecordLog,
    options: StoreOptions,
  ) {
    this.clock = options.clock ?? Date.now
    const read = log.readRecord?.bind(log)
    // The assets table numbers its ids as the asset columns do: one index of a million ids, not two.
    const tableFor = (t: TableName) => new RecordTable(read && COLD_TABLES[t] ? (ref) => read(t, ref) : null, t === 'assets' ? this.indexes.columns.index : undefined)
    this.tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, tableFor(t)])) as unknown as TableMaps
    this.indexes.columns.body = (id) => this.tables.assets.get(id)
    this.indexes.columns.peekBody = (id) => this.tables.assets.peek(id)
    this.seq = 0
  }

  /** Opens the library in the folder `dir`, with the file engine. */
  static async open(dir: string, options: StoreOptions = {}): Promise<Store> {
    return Store.openLog(FileRecordLog.open(dir, options), options)
  }

  /** Loads the records of `log` into memory. */
  static async openLog(log: RecordLog, options: StoreOptions = {}): Promise<Store> {
    const store = new Store(log, options)
    const table = (name: TableName) => store.tables[name] as unknown as RecordTable<{ id: Id }>
    store.indexes.beginLoad()
    const loaded = await log.load({
      coldTables: log.readRecord ? COLD_TABLES : undefined,
      record(name, record) {
        table(name).set(record.id, record)
        store.indexes.update(name, undefined, record as never)
      },
      cold(name, hot, ref) {
        table(name).setCold(hot.id, ref)
        // Only the fields named in COLD_TABLES are there, which is all the indexes read of a record first seen.
        store.indexes.update(name, undefined, hot as never)
      },
      columns(name, batch, refBase, lookedUp) {
        // A column file: the whole segment's records at once, without an object or a string each.
        if (name === 'assets') table(name).setColdMany(store.indexes.loadAssets(batch, lookedUp), refBase, batch.offsets)
        else if (name === 'associations') {
          table(name).setColdLater(batch.fields.id, refBase, batch.offsets)
          store.indexes.loadAssociations(batch, lookedUp)
        } else throw new Error(`No column loader for ${name}.`)
      },
      lookUpAhead(name) {
        const index = store.indexes.columns.index
        // A link's asset has its slot once the assets are loaded; an asset's parent, once the
        // parent is (most folders come before their files, and the rest are numbered here).
        if (name === 'associations') return { field: 'assetId', index, after: 'assets' }
        return name === 'assets' ? { field: 'parentId', index } : undefined
      },
      reserve(name, records) {
        if (name === 'assets') store.indexes.columns.reserve(records)
      },
      relocate(name, id, ref, folded) {
        table(name).relocate(id, ref, folded)
      },
      change(change) {
        store.applyToTables(change, true)
      },
    })
    store.indexes.endLoad()
    store.seq = store.durableSeq = loaded.seq
    store.tornTail = loaded.tornTail
    if (log.shared) store.unfollow = log.follow(loaded.seq, (change) => store.receive(change))
    // A read that fails here (damage) fails again, with its error, when search needs the record.
    void store.indexes.buildSearchIndex(() => store.closed, 1, () => store.seq > store.durableSeq).catch(() => undefined)
    void store.numberLinks()
    return store
  }

  /** Numbers the ids of collection links loaded from column files, a millisecond at a time (RecordTable.setColdLater). */
  private async numberLinks(): Promise<void> {
    const links = this.tables.associations
    while (!this.closed && !links.number(performance.now() + 1)) await new Promise((resolve) => setImmediate(resolve))
  }

  get<T extends TableName>(table: T, id: Id): Tables[T] | undefined {
    return this.tables[table].get(id)
  }

  /** Called after each change is durable, in commit order. */
  onCommit(listener: (change: Change) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Called with each change just before it is applied in memory, while the records it
   * replaces or deletes are still there (what a change meant to someone may depend on them).
   */
  onApply(listener: (change: Change) => void): () => void {
    this.applyListeners.add(listener)
    return () => this.applyListeners.delete(listener)
  }

  /**
   * Applies a change to memory at once (so the next call sees it) and resolves when its
   * journal line is on disk. Callers validate everything before calling: a change is
   * never partly applied.
   */
  commit(draft: ChangeDraft): Promise<Change> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'The library is closed.'))
    const failed = this.log.failed
    if (failed) return Promise.reject(failed)
    const change: Change = { seq: this.seq + 1, at: this.clock(), actor: draft.actor, op: draft.op, put: draft.put ?? {}, del: draft.del ?? [] }
    for (const listener of this.applyListeners) {
      try {
        listener(change)
      } catch {
        // An observer cannot stop a change that has been validated and numbered.
      }
    }
    const pending: Pending | null = this.log.shared ? { change, replaced: [] } : null
    const durable = this.log.append(change, this.seq).then(
      () => {
        this.durableSeq = change.seq
        if (pending) this.pending.shift()
        for (const listener of this.listeners) listener(change)
        if (pending) this.drain()
        return change
      },
      (error: unknown) => {
        if (pending) this.abandon(pending)
        throw error
      },
    )
    this.seq = change.seq
    if (pending) this.pending.push(pending)
    this.applyToTables(change, true, pending?.replaced)
    return durable
  }

  private applyToTables(change: Change, index = false, replaced?: [TableName, Id, unknown][]): void {
    for (const [name, rows] of Object.entries(change.put) as [TableName, { id: Id }[]][]) {
      const map = this.tables[name] as unknown as RecordTable<{ id: Id }>
      for (const rec of rows) {
        const before = map.get(rec.id)
        map.set(rec.id, rec)
        replaced?.push([name, rec.id, before])
        if (index) this.indexes.update(name, before as never, rec as never)
      }
    }
    for (const [name, id] of change.del) {
      const map = this.tables[name] as unknown as RecordTable<{ id: Id }>
      const before = map.get(id)
      if (before === undefined) continue
      map.delete(id)
      replaced?.push([name, id, before])
      if (index) this.indexes.update(name, before as never, undefined)
    }
  }

  /**
   * A local change the shared log refused (another process took its seq) or did not confirm:
   * it and every local change made on top of it are taken out of memory, newest first, and
   * what other processes committed is applied instead. Their callers get the error; the
   * dispatcher runs a handler again after `caughtUp` (docs/team.md).
   */
  private abandon(pending: Pending): void {
    const at = this.pending.indexOf(pending)
    if (at < 0) return
    for (const undone of this.pending.splice(at).reverse()) {
      for (const [name, id, before] of undone.replaced.reverse()) {
        const map = this.tables[name] as unknown as RecordTable<{ id: Id }>
        const current = map.get(id)
        if (before === undefined) map.delete(id)
        else map.set(id, before as { id: Id })
        this.indexes.update(name, current as never, before as never)
      }
    }
    this.seq = this.pending.at(-1)?.change.seq ?? this.durableSeq
    this.drain()
  }

  /** A change from the shared log, in seq order; local ones among them are already here. */
  private receive(change: Change): void {
    this.backlog.push(change)
    this.drain()
  }

  /**
   * Applies what other processes committed, through the same index, permission-cache and event
   * path as a local change, once no local change is unconfirmed: those were made on the state
   * before, and either land first or are refused.
   */
  private drain(): void {
    while (this.pending.length === 0 && this.backlog.length > 0 && !this.closed) {
      const change = this.backlog[0]
      if (change.seq > this.durableSeq + 1) break
      this.backlog.shift()
      if (change.seq <= this.durableSeq) continue
      for (const listener of this.applyListeners) {
        try {
          listener(change)
        } catch {
          // As for a local change: an observer cannot stop it.
        }
      }
      this.applyToTables(change, true)
      this.seq = this.durableSeq = change.seq
      for (const listener of this.listeners) {
        try {
          listener(change)
        } catch {
          // One listener's failure must not keep the change from the others.
        }
      }
    }
    const waiting = this.catchUps
    this.catchUps = waiting.filter((w) => w.seq > this.durableSeq)
    for (const w of waiting) if (w.seq <= this.durableSeq) w.resolve()
  }

  /**
   * Resolves once the changes up to `seq` that other processes committed are in memory, for a
   * handler to run again after its commit was refused with SeqMoved.
   */
  caughtUp(seq: number): Promise<void> {
    if (seq <= this.durableSeq) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.catchUps = this.catchUps.filter((w) => w !== entry)
        reject(new SeqMoved(seq))
      }, CATCH_UP_MS)
      const entry = {
        seq,
        resolve: () => {
          clearTimeout(timer)
          resolve()
        },
      }
      this.catchUps.push(entry)
    })
  }

  /** Folds the changes so far into the log's stored state (for the file engine: rewrites the changed segments). */
  compact(): Promise<void> {
    return this.log.compact()
  }

  /** Waits for every acknowledged change to be durable, folds the log and lets go of the library. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.unfollow?.()
    await this.log.close()
    this.listeners.clear()
    this.applyListeners.clear()
  }

  get isCompacting(): boolean {
    return this.log.isCompacting
  }
}

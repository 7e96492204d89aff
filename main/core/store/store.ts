import { TABLE_NAMES, type Id, type TableName, type Tables } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { Change, Dels, Puts } from './change.js'
import { FileRecordLog } from './fileRecordLog.js'
import { Indexes } from './indexes.js'
import type { RecordLog } from './recordLog.js'

export interface StoreOptions {
  clock?: () => number
  /** Compact when the active journal passes this many bytes. */
  compactBytes?: number
  /** Replaced snapshots kept in `backups/`. */
  keepBackups?: number
}

export type TableMaps = { [T in TableName]: Map<Id, Tables[T]> }

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

  private constructor(
    readonly log: RecordLog,
    options: StoreOptions,
  ) {
    this.clock = options.clock ?? Date.now
    this.tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, new Map()])) as unknown as TableMaps
    this.seq = 0
  }

  /** Opens the library in the folder `dir`, with the file engine. */
  static async open(dir: string, options: StoreOptions = {}): Promise<Store> {
    return Store.openLog(FileRecordLog.open(dir, options), options)
  }

  /** Loads the records of `log` into memory. */
  static async openLog(log: RecordLog, options: StoreOptions = {}): Promise<Store> {
    const store = new Store(log, options)
    const loaded = await log.load({
      record(table, record) {
        ;(store.tables[table] as Map<Id, unknown>).set(record.id, record)
      },
      change(change) {
        store.applyToTables(change)
      },
    })
    store.seq = loaded.seq
    store.tornTail = loaded.tornTail
    // One pass over the loaded records is cheaper than maintaining indexes during replay.
    for (const name of TABLE_NAMES) for (const rec of store.tables[name].values()) store.indexes.update(name, undefined, rec)
    return store
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
    const durable = this.log.append(change, this.seq).then(() => {
      for (const listener of this.listeners) listener(change)
      return change
    })
    this.seq = change.seq
    this.applyToTables(change, true)
    return durable
  }

  private applyToTables(change: Change, index = false): void {
    for (const [name, rows] of Object.entries(change.put) as [TableName, { id: Id }[]][]) {
      const map = this.tables[name] as Map<Id, unknown>
      for (const rec of rows) {
        const before = map.get(rec.id)
        map.set(rec.id, rec)
        if (index) this.indexes.update(name, before as never, rec as never)
      }
    }
    for (const [name, id] of change.del) {
      const map = this.tables[name] as Map<Id, unknown>
      const before = map.get(id)
      if (before === undefined) continue
      map.delete(id)
      if (index) this.indexes.update(name, before as never, undefined)
    }
  }

  /** Folds the changes so far into the log's stored state (for the file engine: rewrites the changed segments). */
  compact(): Promise<void> {
    return this.log.compact()
  }

  /** Waits for every acknowledged change to be durable, folds the log and lets go of the library. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.log.close()
    this.listeners.clear()
    this.applyListeners.clear()
  }

  get isCompacting(): boolean {
    return this.log.isCompacting
  }
}

import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { Low } from 'lowdb'
import { TABLE_NAMES, type Id, type TableName, type Tables } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { Change, Dels, Puts } from './change.js'
import { Indexes } from './indexes.js'
import { Journal, readJournals } from './journal.js'
import { LibraryLock } from './lock.js'
import { CURRENT_SCHEMA_VERSION } from './migrations.js'
import { emptyTables, snapshotDb, syncDirSync, type SnapshotData } from './snapshot.js'

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

const DEFAULT_COMPACT_BYTES = 8 * 1024 * 1024

/**
 * The library's records: a lowdb snapshot plus an append-only journal (SPEC section 2).
 * Records are immutable objects: a change replaces them, so a compaction can serialise
 * yesterday's objects while today's calls go on.
 */
export class Store {
  readonly tables: TableMaps
  readonly indexes = new Indexes()
  seq: number
  private journal!: Journal
  private compacting: Promise<void> | null = null
  private closed = false
  private readonly listeners = new Set<(change: Change) => void>()
  private readonly applyListeners = new Set<(change: Change) => void>()
  readonly clock: () => number
  private readonly compactBytes: number
  private readonly keepBackups: number
  /** The seq of what library.json holds now: the name its backup will carry. */
  private snapshotSeq = 0
  /** Set when open found a torn journal line (and ignored it). */
  tornTail: { file: string; position: number } | null = null

  private constructor(
    readonly dir: string,
    private readonly db: Low<SnapshotData>,
    private readonly lock: LibraryLock,
    private readonly meta: { libraryId: string; createdAt: number },
    options: StoreOptions,
  ) {
    this.clock = options.clock ?? Date.now
    this.compactBytes = options.compactBytes ?? DEFAULT_COMPACT_BYTES
    this.keepBackups = options.keepBackups ?? 5
    this.tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, new Map()])) as unknown as TableMaps
    this.seq = 0
  }

  get file(): string {
    return path.join(this.dir, 'library.json')
  }

  static async open(dir: string, options: StoreOptions = {}): Promise<Store> {
    fs.mkdirSync(dir, { recursive: true })
    const lock = LibraryLock.acquire(dir)
    try {
      const file = path.join(dir, 'library.json')
      // A process killed while writing a snapshot leaves its temp file, which no one would ever
      // remove; with the lock held, no other writer can own one.
      for (const name of fs.readdirSync(dir)) if (/^library\.json\.\d+\.tmp$/.test(name)) fs.rmSync(path.join(dir, name), { force: true })
      const clock = options.clock ?? Date.now
      const fresh: SnapshotData = {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        seq: 0,
        libraryId: randomUUID(),
        createdAt: clock(),
        tables: emptyTables(),
      }
      const db = snapshotDb(file, fresh)
      await db.read()
      const isNew = !fs.existsSync(file)
      const snap = db.data
      const store = new Store(dir, db, lock, { libraryId: snap.libraryId, createdAt: snap.createdAt }, options)
      for (const name of TABLE_NAMES) {
        const map = store.tables[name] as Map<Id, unknown>
        for (const rec of snap.tables[name] as { id: Id }[]) map.set(rec.id, rec)
      }
      store.seq = snap.seq
      store.snapshotSeq = snap.seq
      const read = readJournals(dir)
      store.tornTail = read.tornTail
      for (const change of read.changes) {
        if (change.seq <= store.seq) continue
        if (change.seq !== store.seq + 1) {
          throw new AppError('LIBRARY_CORRUPT', `The journal of ${dir} skips from change ${store.seq} to ${change.seq}; a journal file is missing.`, {
            file: path.join(dir, 'journal.jsonl'),
            position: 0,
          })
        }
        store.applyToTables(change)
        store.seq = change.seq
      }
      // One pass over the loaded records is cheaper than maintaining indexes during replay.
      for (const name of TABLE_NAMES) for (const rec of store.tables[name].values()) store.indexes.update(name, undefined, rec)
      db.data = { ...snap, tables: emptyTables() } // the maps own the records now
      store.journal = await Journal.open(dir, read.activeValidBytes)
      if (isNew) await store.writeSnapshot()
      // A compaction cut short last time is finished now; if it fails again the journals stay and are replayed.
      else if (read.rotatedFiles.length > 0) void store.compact().catch(() => undefined)
      return store
    } catch (error) {
      lock.release()
      throw error
    }
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
    const failed = this.journal.failed
    if (failed) return Promise.reject(failed)
    const change: Change = { seq: this.seq + 1, at: this.clock(), actor: draft.actor, op: draft.op, put: draft.put ?? {}, del: draft.del ?? [] }
    for (const listener of this.applyListeners) {
      try {
        listener(change)
      } catch {
        // An observer cannot stop a change that has been validated and numbered.
      }
    }
    this.seq = change.seq
    this.applyToTables(change, true)
    const durable = this.journal.append(change).then(() => {
      for (const listener of this.listeners) listener(change)
      return change
    })
    if (this.journal.bytes > this.compactBytes && !this.compacting) void this.compact().catch(() => undefined)
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

  /**
   * Folds the journal into a new snapshot: the active journal is set aside, the records as
   * of that moment are written in small chunks, the old snapshot is kept in `backups/`.
   * Calls go on meanwhile; their changes land in the new journal.
   */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting
    this.compacting = this.writeSnapshot(true).finally(() => {
      this.compacting = null
    })
    return this.compacting
  }

  private async writeSnapshot(rotate = false): Promise<void> {
    const seq = this.seq
    const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, Array.from((this.tables[t] as Map<Id, unknown>).values())])) as unknown as SnapshotData['tables']
    const aside = rotate ? this.journal.rotate(seq) : Promise.resolve(null)
    await aside
    this.backupSnapshot(this.snapshotSeq)
    this.db.data = { schemaVersion: CURRENT_SCHEMA_VERSION, seq, libraryId: this.meta.libraryId, createdAt: this.meta.createdAt, tables }
    try {
      await this.db.write()
      this.snapshotSeq = seq
    } finally {
      this.db.data = { ...this.db.data, tables: emptyTables() }
    }
    for (const file of readJournals.rotatedNames(this.dir)) {
      if (file.seq <= seq) await fsp.rm(path.join(this.dir, file.name), { force: true })
    }
  }

  private backupSnapshot(seq: number): void {
    if (!fs.existsSync(this.file)) return
    const dir = path.join(this.dir, 'backups')
    fs.mkdirSync(dir, { recursive: true })
    const target = path.join(dir, `library-${String(seq).padStart(12, '0')}-${this.clock()}.json`)
    // A hard link costs nothing and survives the rename that replaces library.json.
    try {
      fs.linkSync(this.file, target)
    } catch {
      fs.copyFileSync(this.file, target)
    }
    const all = fs.readdirSync(dir).filter((n) => n.startsWith('library-')).sort()
    for (const old of all.slice(0, Math.max(0, all.length - this.keepBackups))) fs.rmSync(path.join(dir, old), { force: true })
    syncDirSync(dir)
  }

  /** Waits for every acknowledged change to be durable, writes a final snapshot and unlocks. */
  async close(): Promise<void> {
    if (this.closed) return
    await this.journal.drain().catch(() => undefined)
    if (this.compacting) await this.compacting.catch(() => undefined)
    if (!this.journal.failed && (this.journal.bytes > 0 || readJournals.rotatedNames(this.dir).length > 0)) {
      await this.compact()
    }
    this.closed = true
    await this.journal.close()
    this.listeners.clear()
    this.applyListeners.clear()
    this.lock.release()
  }

  get isCompacting(): boolean {
    return this.compacting !== null
  }

  get journalBytes(): number {
    return this.journal.bytes
  }
}

import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { AppError } from '../../../shared/errors.js'
import type { Change } from './change.js'
import { ChangeFollower } from './pgFollower.js'
import { migrateSchema } from './pgSchema.js'
import type { LoadedState, LoadSink, RecordLog } from './recordLog.js'
import { SeqMoved } from './seqMoved.js'
import { isTableName, recordProblem } from './shape.js'

export { migrateSchema } from './pgSchema.js'

export interface PgRecordLogOptions {
  /** A PostgreSQL connection URL, e.g. postgresql://trove@db.example.com/trove. */
  url: string
  /** Connections kept for appends and reads (the follower's listening connection is apart). */
  poolSize?: number
  /** Create or upgrade the schema first (default true); false refuses a database without it. */
  migrate?: boolean
  clock?: () => number
}

/** Changes sent in one transaction at most: what queued while the previous batch was on its way. */
const MAX_BATCH = 200
/** Records read at a time during load, so that no result holds the whole library. */
const LOAD_PAGE = 5000

interface Queued {
  change: Change
  resolve: () => void
  reject: (error: Error) => void
}

/**
 * Opens the team library at `url` (docs/team.md): creates or upgrades its schema unless told
 * not to, and returns the record log to hand to `Store.openLog` or `openLibrary({ recordLog })`.
 */
export async function openPgRecordLog(options: PgRecordLogOptions): Promise<PgRecordLog> {
  if (options.migrate !== false) await migrateSchema(options.url, { clock: options.clock })
  const log = new PgRecordLog(options)
  try {
    const { rows } = await log.pool.query<{ version: number }>('SELECT max(version) AS version FROM trove_schema_version')
    if (!rows[0]?.version) throw new AppError('LIBRARY_CORRUPT', 'The database holds no team library (no Trove schema); run the migration first.')
  } catch (error) {
    await log.close()
    if (error instanceof AppError) throw error
    throw new AppError('LIBRARY_CORRUPT', 'The database holds no team library (no Trove schema); run the migration first.')
  }
  return log
}

/**
 * The record log of a team library in PostgreSQL (docs/team.md). Several processes, on one
 * machine or several, append to it: a change is one transaction that locks the counter row,
 * checks that the seq it was prepared on is still the last, and writes the change and the
 * records it puts or deletes. A commit that finds the seq moved is refused with `SeqMoved`;
 * the store catches up through `follow` and the handler runs again (store.ts).
 */
export class PgRecordLog implements RecordLog {
  /** Other processes append too: the store follows the log and retries on SeqMoved. */
  readonly shared = true
  readonly pool: pg.Pool
  /** Written with each change, to tell in the database which process committed it. */
  readonly origin = randomUUID()
  private readonly queue: Queued[] = []
  private inflight: Queued[] | null = null
  private idle: (() => void)[] = []
  private readonly followers = new Set<ChangeFollower>()
  private loaded = false
  private closed = false

  constructor(private readonly options: PgRecordLogOptions) {
    this.pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 4 })
    // An idle connection that drops is replaced on the next query; it must not end the process.
    this.pool.on('error', () => undefined)
  }

  get url(): string {
    return this.options.url
  }

  async load(sink: LoadSink): Promise<LoadedState> {
    if (this.loaded) throw new AppError('INTERNAL', 'A record log is loaded once.')
    this.loaded = true
    const client = await this.pool.connect()
    try {
      // One snapshot: the records exactly as of the seq read with them.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const state = (await client.query<{ library_id: string; created_at: string; seq: string }>('SELECT library_id, created_at, seq FROM trove_library')).rows[0]
      if (!state) throw new AppError('LIBRARY_CORRUPT', 'The team library has no counter row.')
      const exporting = (await client.query<{ finished: boolean }>('SELECT finished FROM trove_export')).rows[0]
      if (exporting && !exporting.finished) {
        throw new AppError('LIBRARY_CORRUPT', 'A library is still being exported into this database; finish the export (run it again) before opening it.')
      }
      await client.query('DECLARE trove_load NO SCROLL CURSOR FOR SELECT tbl, body::text AS body FROM trove_records')
      for (;;) {
        const { rows } = await client.query<{ tbl: string; body: string }>(`FETCH ${LOAD_PAGE} FROM trove_load`)
        for (const row of rows) {
          const record: unknown = JSON.parse(row.body)
          const problem = !isTableName(row.tbl) ? `unknown table ${JSON.stringify(row.tbl)}` : recordProblem(record)
          if (problem) throw new AppError('LIBRARY_CORRUPT', `The team library holds a damaged record: ${problem}.`)
          sink.record(row.tbl as never, record as { id: string })
        }
        if (rows.length < LOAD_PAGE) break
      }
      await client.query('COMMIT')
      return { seq: Number(state.seq), libraryId: state.library_id, createdAt: Number(state.created_at), tornTail: null }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  append(change: Change, expectedSeq: number): Promise<void> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'The team library is closed.'))
    const last = this.queue.at(-1) ?? this.inflight?.at(-1)
    if (change.seq !== expectedSeq + 1 || (last && last.change.seq !== expectedSeq)) {
      return Promise.reject(new AppError('INTERNAL', `A change ${change.seq} made against ${expectedSeq} cannot follow change ${last?.change.seq ?? expectedSeq}.`))
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ change, resolve, reject })
      this.pump()
    })
  }

  /**
   * Sends what queued as one transaction, while none is on its way: local changes queue
   * behind each other (each was made on the one before), so they share one commit.
   */
  private pump(): void {
    if (this.inflight || this.queue.length === 0) {
      if (!this.inflight && this.queue.length === 0) for (const done of this.idle.splice(0)) done()
      return
    }
    const batch = this.queue.splice(0, MAX_BATCH)
    this.inflight = batch
    const expected = batch[0].change.seq - 1
    const body = JSON.stringify(batch.map((q) => q.change))
    const settle = (error: Error | null) => {
      this.inflight = null
      if (error) {
        // What queued behind a refused change was made on top of it: refused as well.
        for (const q of [...batch, ...this.queue.splice(0)]) q.reject(error)
      } else for (const q of batch) q.resolve()
      this.pump()
    }
    this.pool.query<{ ok: boolean; seq: string }>('SELECT ok, seq FROM trove_append($1, $2::jsonb, $3)', [expected, body, this.origin]).then(
      ({ rows }) => settle(rows[0]?.ok ? null : new SeqMoved(Number(rows[0]?.seq))),
      (error: unknown) => settle(unconfirmed(error)),
    )
  }

  follow(afterSeq: number, listener: (change: Change) => void): () => void {
    if (this.closed) throw new AppError('INTERNAL', 'The team library is closed.')
    const follower = new ChangeFollower(this.options.url, this.pool, afterSeq, listener)
    this.followers.add(follower)
    return () => {
      this.followers.delete(follower)
      void follower.stop()
    }
  }

  /** The database keeps its own state; there is nothing to fold. */
  compact(): Promise<void> {
    return Promise.resolve()
  }

  get isCompacting(): boolean {
    return false
  }

  /** A refused or unconfirmed commit is the caller's to retry; the log itself stays usable. */
  get failed(): Error | null {
    return null
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.inflight || this.queue.length > 0) await new Promise<void>((resolve) => this.idle.push(resolve))
    await Promise.all([...this.followers].map((f) => f.stop()))
    this.followers.clear()
    await this.pool.end().catch(() => undefined)
  }
}

/**
 * A commit whose answer did not arrive may or may not have been written: the follower will
 * bring it if it was. The message says so without naming anything of the library.
 */
function unconfirmed(error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error)
  return new AppError('INTERNAL', `The team library's database did not confirm the change (${reason}); it may not have been saved. Try again.`)
}

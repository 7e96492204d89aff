import type { Id, TableName } from '../../../shared/domain.js'
import type { Change } from './change.js'
import type { ColumnBatch } from './hotColumns.js'
import type { IdIndex } from './idIndex.js'

/** Where loaded records and changes go, in order: every record of the state, then the changes after it. */
export interface LoadSink {
  record(table: TableName, record: { id: Id }): void
  /**
   * A change after the state; an engine may also hand stored records that replace earlier
   * ones of the same id this way (the file engine's delta segments, at the state's seq).
   */
  change(change: Change): void
  /**
   * Optional, for engines that can read one stored record on demand (RecordLog.readRecord):
   * the tables whose records the store keeps cold, with the fields it needs of each at once.
   * Such an engine may hand each stored record of those tables to `cold` instead of `record`:
   * `hot` holds at least `id` and those of the fields the record has, `ref` is the engine's
   * handle for reading the whole record later.
   */
  readonly coldTables?: Partial<Readonly<Record<TableName, readonly string[]>>>
  cold?(table: TableName, hot: { id: Id }, ref: number): void
  /**
   * Optional, with `cold`: many cold records at once, as columns of exactly the fields named
   * in coldTables (hotColumns.ts). Record i is read later through `refBase + batch.offsets[i]`.
   * An engine may hand a table's records either way, segment by segment. The batch's arrays
   * may be views of a buffer the engine reads again once the call returns: what the sink keeps
   * of them it copies.
   */
  columns?(table: TableName, batch: ColumnBatch, refBase: number, lookedUp?: Int32Array): void
  /**
   * Optional, with `columns`: a column of `table`'s batches whose ids the sink numbers in
   * `index` (where most are, once every segment of table `after` is loaded). An engine may look
   * them up ahead, off the main thread, and hand the numbers found (-1 where not) with the
   * batch as `lookedUp`.
   */
  lookUpAhead?(table: TableName): { field: string; index: IdIndex; after?: TableName } | undefined
  /** Optional: about how many records of `table` are about to be loaded, so room is made once. */
  reserve?(table: TableName, records: number): void
  /**
   * Called (after load, while a compaction folds changes) when stored records moved: `id` is
   * now read through `ref`. `folded` is the record as the compaction wrote it, or undefined
   * for a record copied unchanged; the store keeps a newer record it holds in memory.
   */
  relocate?(table: TableName, id: Id, ref: number, folded: { id: Id } | undefined): void
}

export interface LoadedState {
  /** The seq of the last change loaded. */
  seq: number
  libraryId: string
  createdAt: number
  /** Set when the end of the log was torn by a crash (and ignored): where, for diagnostics. */
  tornTail: { file: string; position: number } | null
}

/**
 * The seam between the store and where its records live (docs/store.md). The store keeps
 * the records in memory; a record log makes them durable and gives them back. Everything
 * above this interface is unaware of files; the file engine (fileRecordLog.ts) is one
 * implementation, a database can be another.
 */
export interface RecordLog {
  /**
   * Set when other processes append to the same log (a team library, docs/team.md): the store
   * then follows the log for their changes, and an append may be refused with SeqMoved.
   */
  readonly shared?: boolean
  /** Streams a consistent state (at some seq) and then every change after it. Called once. */
  load(sink: LoadSink): Promise<LoadedState>
  /**
   * Appends a change made against `expectedSeq` (its seq must be `expectedSeq + 1`), and
   * resolves once it is durable. Changes resolve in the order they were appended.
   */
  append(change: Change, expectedSeq: number): Promise<void>
  /** Calls `listener` with each durable change after `afterSeq`, in order, until the returned function is called. */
  follow(afterSeq: number, listener: (change: Change) => void): () => void
  /** Folds what was appended into the stored state, if the engine needs that; resolves when done. */
  compact(): Promise<void>
  readonly isCompacting: boolean
  /** Set once an append failed: memory may be ahead of the log, so no more changes are taken. */
  readonly failed: Error | null
  /** Waits for every appended change, folds what the engine folds, and lets go of the library. */
  close(): Promise<void>
  /**
   * Optional: the stored record behind a `ref` the engine handed to LoadSink.cold or
   * relocate, read now. Engines without it hand every record to LoadSink.record.
   */
  readRecord?(table: TableName, ref: number): { id: Id }
}

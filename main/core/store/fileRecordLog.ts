import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { Low } from 'lowdb'
import { TABLE_NAMES, type Id, type TableName } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { keepBackup } from './backups.js'
import { ColdFiles } from './coldFiles.js'
import { ColumnFileReader } from './columnReader.js'
import { COLD_FIELDS, COLUMN_FORMAT, ColumnCollector, DERIVED_FIELDS, readColumnFile, ReadBuffers, valueHashes, type ColumnBatch, type StringColumn } from './hotColumns.js'
import type { Change } from './change.js'
import { Journal, readJournals } from './journal.js'
import { readLegacySnapshot } from './legacyReader.js'
import { LibraryLock } from './lock.js'
import { manifestDb, manifestVersion, parseManifest, SEGMENT_NAME, type Manifest } from './manifest.js'
import { LEGACY_SCHEMA_VERSION, SEGMENTS_SCHEMA_VERSION } from './migrations.js'
import type { LoadedState, LoadSink, RecordLog } from './recordLog.js'
import {
  checkedLines, checkedPieces, coldRecord, columnFileOf, hotFieldsOf, idHash, lineIdAt, mayHold, readSegment, SEGMENT_BYTES, SegmentWriter, sliceBreather, writeColumnFile,
  type AnyRecord, type ColumnFields, type Segment,
} from './segments.js'
import { isTableName, recordProblem } from './shape.js'
import { parseLibraryDocument, parseSnapshot, readLimits, refuseNewer, syncDir } from './snapshot.js'

/** How many column files open reads and checks ahead of the one it is loading. */
const READ_AHEAD = 3

/** A column file read and checked (or why not), or null where the segment has none to read. */
type ColumnRead = ((Awaited<ReturnType<typeof readColumnFile>> & { lookedUp?: Int32Array }) | { problem: string }) | null

export interface FileRecordLogOptions {
  clock?: () => number
  /** Compact when the active journal passes this many bytes. */
  compactBytes?: number
  /** Replaced manifests (with their segments) kept in `backups/`. */
  keepBackups?: number
}

const DEFAULT_COMPACT_BYTES = 8 * 1024 * 1024

/**
 * A compaction writes what changed as delta segments while those add up to less than this
 * (bytes, files); past that it folds them into the segments (docs/store.md, "Compaction").
 * Deltas are read whole at open, as changes: the limit bounds that work. A seam for tests.
 */
export const DELTA_LIMITS = { bytes: 16 * 1024 * 1024, files: 32 }
const MANIFEST = 'library.json'

/** Records changed since the last compaction: the record as of now, or null once deleted. */
type Dirty = Map<TableName, Map<Id, AnyRecord | null>>

/**
 * The record log kept in files (docs/store.md): library.json is the manifest (lowdb), the
 * records live in segment files of bounded size, and changes since the last compaction are
 * in the journal. A compaction writes what changed as delta segments, or, once those pass
 * DELTA_LIMITS, folds them into the segments that hold the records they replace; then it
 * swaps the manifest, then removes what it replaced.
 */
export class FileRecordLog implements RecordLog {
  private journal!: Journal
  private manifest!: Manifest
  private segments: Segment[] = []
  /** Delta segments, oldest first: applied over `segments` in this order. */
  private deltas: Segment[] = []
  private dirty: Dirty = new Map()
  private seq = 0
  /** The seq of the last change on disk. */
  private durableSeq = 0
  private compacting: Promise<void> | null = null
  private closing = false
  private readonly followers = new Set<(change: Change) => void>()
  /** Where cold records are read back from; see docs/store.md, "Cold records". */
  private readonly cold = new ColdFiles()
  /** Segment file -> its number in `cold`, for segments of tables the store keeps cold. */
  private readonly coldNumbers = new Map<string, number>()
  private sink: LoadSink | null = null
  /** While segments load: the index of the last one loaded, so a read ahead knows which tables are in. */
  private loadedThrough = -1
  /** Column files found damaged at open (and read around): for diagnostics and tests. */
  readonly columnProblems: string[] = []
  /** How the segments of cold tables were loaded at open: from column files, or line by line. */
  readonly coldSegmentsLoaded = { fromColumns: 0, fromLines: 0 }
  private readonly db: Low<Manifest>
  private readonly clock: () => number
  private readonly compactBytes: number
  private readonly keepBackups: number
  private loaded = false

  private constructor(
    readonly dir: string,
    private readonly lock: LibraryLock,
    options: FileRecordLogOptions,
  ) {
    this.clock = options.clock ?? Date.now
    this.compactBytes = options.compactBytes ?? DEFAULT_COMPACT_BYTES
    this.keepBackups = options.keepBackups ?? 5
    this.db = manifestDb(path.join(dir, MANIFEST), null as unknown as Manifest)
  }

  /** Locks the library folder (a second process is refused) and cleans what a crash left. */
  static open(dir: string, options: FileRecordLogOptions = {}): FileRecordLog {
    fs.mkdirSync(dir, { recursive: true })
    const lock = LibraryLock.acquire(dir)
    try {
      // A process killed while writing library.json leaves its temp file, which no one would
      // ever remove; with the lock held, no other writer can own one.
      for (const name of fs.readdirSync(dir)) if (/^library\.json\.\d+\.tmp$/.test(name)) fs.rmSync(path.join(dir, name), { force: true })
      return new FileRecordLog(dir, lock, options)
    } catch (error) {
      lock.release()
      throw error
    }
  }

  get file(): string {
    return path.join(this.dir, MANIFEST)
  }

  async load(sink: LoadSink): Promise<LoadedState> {
    if (this.loaded) throw new AppError('INTERNAL', 'A record log is loaded once.')
    this.loaded = true
    try {
      return await this.loadFiles(sink)
    } catch (error) {
      this.lock.release()
      throw error
    }
  }

  private async loadFiles(sink: LoadSink): Promise<LoadedState> {
    this.sink = sink
    const file = this.file
    const size = fs.existsSync(file) ? fs.statSync(file).size : -1
    let fresh = false
    if (size < 0) {
      fresh = true
      this.manifest = { schemaVersion: SEGMENTS_SCHEMA_VERSION, seq: 0, libraryId: randomUUID(), createdAt: this.clock(), generation: 0, nextSlot: 0, segments: [] }
    } else if (size > readLimits.maxStringChars) {
      // No manifest is this long: a one-document library, read in slices.
      await this.convert(sink, (onRecord) => readLegacySnapshot(file, onRecord))
    } else {
      const text = fs.readFileSync(file, 'utf8')
      const raw = parseLibraryDocument(file, text)
      if ('tables' in raw) {
        const data = parseSnapshot(file, text)
        await this.convert(sink, async (onRecord) => {
          for (const name of TABLE_NAMES) for (const record of data.tables[name]) await onRecord(name, record, 0)
          return { ...data, tables: undefined }
        })
      } else {
        this.manifest = parseManifest(file, text, raw)
        this.removeUnreferencedSegments()
        const counts = new Map<TableName, number>()
        for (const s of this.manifest.segments) counts.set(s.table, (counts.get(s.table) ?? 0) + s.records)
        for (const [table, records] of counts) sink.reserve?.(table, records)
        // Column files are read and checked a few ahead (on a thread of their own) while the loop loads the one before.
        const segments = this.manifest.segments
        const ahead = new Map<number, Promise<ColumnRead>>()
        const buffers = new ReadBuffers(READ_AHEAD + 1)
        const reader = segments.some((s) => s.columns) ? new ColumnFileReader() : undefined
        const readAhead = (i: number) => {
          if (i >= segments.length || ahead.has(i)) return
          const read = this.readColumnBytes(segments, i, buffers, reader)
          // Awaited in turn; one left behind when a damaged segment stops the open must not go unhandled.
          read.catch(() => undefined)
          ahead.set(i, read)
        }
        try {
          for (let i = 0; i < segments.length; i++) {
            for (let k = 0; k <= READ_AHEAD; k++) readAhead(i + k)
            const info = segments[i]
            const read = await ahead.get(i)!
            ahead.delete(i)
            if (info.delta) continue
            const taken = this.takeColumns(info, read)
            this.loadedThrough = i
            // Loaded: what the store keeps of the batch it copied, so the buffer takes a later file.
            if (read !== null && 'buffer' in read && read.buffer) buffers.give(read.buffer)
            this.segments.push(taken ?? (await readSegment(this.dir, info, (record) => sink.record(info.table, record), this.coldRead(info))))
          }
        } finally {
          reader?.close()
        }
        for (const info of segments) if (info.delta) this.deltas.push(await this.loadDelta(info, sink))
      }
    }
    this.db.data = this.manifest
    this.seq = this.manifest.seq
    const read = readJournals(this.dir)
    for (const change of read.changes) {
      if (change.seq <= this.seq) continue
      if (change.seq !== this.seq + 1) {
        throw new AppError('LIBRARY_CORRUPT', `The journal of ${this.dir} skips from change ${this.seq} to ${change.seq}; a journal file is missing.`, {
          file: path.join(this.dir, 'journal.jsonl'),
          position: 0,
        })
      }
      sink.change(change)
      this.markDirty(change)
      this.seq = change.seq
    }
    this.durableSeq = this.seq
    this.journal = await Journal.open(this.dir, read.activeValidBytes)
    if (fresh) await this.db.write()
    // A compaction cut short last time is finished now; if it fails again the journals stay and are replayed.
    else if (read.rotatedFiles.length > 0) void this.compact().catch(() => undefined)
    return { seq: this.seq, libraryId: this.manifest.libraryId, createdAt: this.manifest.createdAt, tornTail: read.tornTail }
  }

  /**
   * Converts a one-document library.json into segments and a manifest. The old file stays
   * in place until the manifest replaces it (atomically), and is kept in backups/ first: a
   * crash at any point leaves either the old library or the new one, never a mix.
   */
  private async convert(
    sink: LoadSink,
    source: (onRecord: (table: string, record: unknown, position: number) => Promise<void>) => Promise<Record<string, unknown>>,
  ): Promise<void> {
    const file = this.file
    const segmentsDir = path.join(this.dir, 'segments')
    // Segments of a conversion cut short: no manifest names them.
    await fsp.rm(segmentsDir, { recursive: true, force: true })
    let slot = 0
    const writers = new Map<TableName, SegmentWriter>()
    const writerFor = (table: TableName) => {
      let writer = writers.get(table)
      if (!writer) writers.set(table, (writer = new SegmentWriter(this.dir, table, () => `segments/${table}-${slot++}.1.jsonl`, false, this.columnFields(table))))
      return writer
    }
    try {
      const header = await source(async (table, record, position) => {
        const problem = !isTableName(table) ? `unknown table ${JSON.stringify(table)}` : recordProblem(record)
        if (problem) throw new AppError('LIBRARY_CORRUPT', `The library file ${file} is damaged at position ${position}: ${problem}. It has not been changed; restore it from a backup.`, { file, position })
        sink.record(table as TableName, record as AnyRecord)
        await writerFor(table as TableName).addRecord(record as AnyRecord)
      })
      const version = header.schemaVersion
      if (typeof version !== 'number') throw new AppError('LIBRARY_CORRUPT', `The library file ${file} is not a library (no schemaVersion).`, { file, position: 0 })
      refuseNewer(file, version)
      if (version < LEGACY_SCHEMA_VERSION) {
        throw new AppError('LIBRARY_CORRUPT', `No migration from library schema ${version} for a file this large: this version of Trove cannot open the library.`, { file, schemaVersion: version })
      }
      if (!Number.isSafeInteger(header.seq) || typeof header.libraryId !== 'string' || typeof header.createdAt !== 'number') {
        throw new AppError('LIBRARY_CORRUPT', `The library file ${file} lacks its seq, libraryId or createdAt.`, { file, position: 0 })
      }
      const segments: Segment[] = []
      for (const table of TABLE_NAMES) if (writers.has(table)) segments.push(...(await writers.get(table)!.finish()))
      // Records converted are held whole by the store until the next open: no cold reads from these.
      for (const s of segments) delete s.written
      await syncDir(segmentsDir)
      await keepBackup(this.dir, { legacyFile: file, seq: header.seq as number, at: this.clock(), keep: this.keepBackups })
      this.manifest = {
        schemaVersion: SEGMENTS_SCHEMA_VERSION,
        seq: header.seq as number,
        libraryId: header.libraryId,
        createdAt: header.createdAt,
        generation: 1,
        nextSlot: slot,
        segments: segments.map(info),
      }
      this.segments = segments
      this.db.data = this.manifest
      await this.db.write()
    } catch (error) {
      for (const writer of writers.values()) await writer.abandon()
      throw error
    }
  }

  /**
   * A segment of a cold table loaded from its column file (docs/store.md, "Column files"):
   * the file's size and sha256 must match the manifest, and the segment file must be there
   * with its size. Null when the segment is to be read line by line instead: it has no
   * column file, the store takes no columns, or the column file is damaged (the segment's
   * lines are the records themselves; the column file is written again by the next compaction).
   */
  private async readColumnBytes(segments: Manifest['segments'], at: number, buffers: ReadBuffers, reader?: ColumnFileReader): Promise<ColumnRead> {
    const info = segments[at]
    const sink = this.sink
    const fields = sink?.coldTables?.[info.table]
    if (!info.columns || !sink?.columns || !sink.cold || !fields) return null
    const segmentFile = path.join(this.dir, info.file)
    const size = await fsp.stat(segmentFile).then((st) => st.size, () => -1)
    // A segment missing or of the wrong size is damage the line-by-line read names.
    if (size !== info.bytes) return null
    const read = await readColumnFile(path.join(this.dir, columnFileOf(info.file)), { ...info.columns, records: info.records, fields }, buffers, reader)
    const ahead = sink.lookUpAhead?.(info.table)
    // Where asked, only once every segment of the table the ids name is in: the thread then finds them all.
    if ('problem' in read || !reader || !ahead) return read
    if (ahead.after && !segments.every((s, k) => s.table !== ahead.after || s.delta || k <= this.loadedThrough)) return read
    const lookedUp = await reader.lookUp(read.batch.fields[ahead.field], ahead.index)
    return lookedUp === null ? read : { ...read, lookedUp }
  }

  /** Loads what readColumnBytes read of a segment; null where its lines must be read instead. */
  private takeColumns(info: Manifest['segments'][number], read: ColumnRead): Segment | null {
    const sink = this.sink
    if (read === null || !sink?.columns) return null
    const segmentFile = path.join(this.dir, info.file)
    if ('problem' in read) {
      this.columnProblems.push(`${columnFileOf(info.file)}: ${read.problem}`)
      delete info.columns
      return null
    }
    const { batch } = read
    const hashes = idHashes(batch)
    const no = this.cold.add(segmentFile)
    this.coldNumbers.set(info.file, no)
    sink.columns(info.table, batch, this.cold.ref(no, 0), read.lookedUp)
    this.coldSegmentsLoaded.fromColumns++
    // A column file of an older format is written again in this one by the next compaction or close.
    return { ...info, hashes: hashes.slice(), unsorted: true, ...(batch.format < COLUMN_FORMAT ? { olderColumns: true } : {}) }
  }

  /**
   * A delta segment read whole and handed over as a change at the state's seq, after every
   * segment before it: its records replace stored ones of the same id (or, `del`, remove them),
   * through the path journal changes take, so every index sees the record it replaces.
   */
  private async loadDelta(info: Manifest['segments'][number], sink: LoadSink): Promise<Segment> {
    const records: AnyRecord[] = []
    const segment = await readSegment(this.dir, info, (record) => records.push(record))
    const put = info.delta === 'put' ? { [info.table]: records } : {}
    const del: [TableName, Id][] = info.delta === 'del' ? records.map((r) => [info.table, r.id]) : []
    sink.change({ seq: this.manifest.seq, at: 0, actor: null, op: 'delta', put, del })
    return segment
  }

  /** The fields put in the column files of `table`'s segments, or null for a table kept whole. */
  private columnFields(table: TableName): ColumnFields | null {
    const plain = (this.sink?.coldTables ?? COLD_FIELDS)[table]
    return plain ? { plain, derived: DERIVED_FIELDS[table] } : null
  }

  /** How records of the segment are handed over: cold (fields and a ref) when the store asks for that table cold. */
  private coldRead(info: { table: TableName; file: string }): { fields: readonly string[]; onCold: (hot: AnyRecord, position: number) => void } | undefined {
    const sink = this.sink
    const fields = sink?.coldTables?.[info.table]
    if (!sink?.cold || !fields) return undefined
    const no = this.cold.add(path.join(this.dir, info.file))
    this.coldNumbers.set(info.file, no)
    this.coldSegmentsLoaded.fromLines++
    return { fields, onCold: (hot, position) => sink.cold!(info.table, hot, this.cold.ref(no, position)) }
  }

  readRecord(_table: TableName, ref: number): AnyRecord {
    return this.cold.read(ref)
  }

  /**
   * After a compaction's manifest is down: the records of cold tables in the segments it
   * wrote are read from there from now on, and the segments it replaced are no longer read.
   */
  private async relocate(written: Segment[], replaced: Segment[], dirty: Dirty): Promise<void> {
    const sink = this.sink
    const breathe = breather()
    if (sink?.relocate && sink.coldTables) {
      for (const s of written) {
        const fields = sink.coldTables[s.table]
        if (!fields || !s.written || s.delta === 'del') continue
        const no = this.cold.add(path.join(this.dir, s.file))
        this.coldNumbers.set(s.file, no)
        const folded = dirty.get(s.table)
        const { ids, offsets } = s.written
        for (let i = 0; i < ids.length; i++) {
          await breathe()
          sink.relocate(s.table, ids[i], this.cold.ref(no, offsets[i]), folded?.get(ids[i]) ?? undefined)
        }
      }
    }
    for (const s of written) delete s.written
    for (const s of replaced) {
      const no = this.coldNumbers.get(s.file)
      if (no === undefined) continue
      this.cold.drop(no)
      this.coldNumbers.delete(s.file)
    }
  }

  /** Segment files no manifest names: a compaction cut short wrote them. */
  private removeUnreferencedSegments(): void {
    const folder = path.join(this.dir, 'segments')
    if (!fs.existsSync(folder)) return
    const named = new Set(this.manifest.segments.flatMap((s) => [path.basename(s.file), ...(s.columns ? [path.basename(columnFileOf(s.file))] : [])]))
    for (const name of fs.readdirSync(folder)) if (!named.has(name)) fs.rmSync(path.join(folder, name), { force: true })
  }

  private markDirty(change: Change): void {
    for (const [table, rows] of Object.entries(change.put) as [TableName, AnyRecord[]][]) {
      let map = this.dirty.get(table)
      if (!map) this.dirty.set(table, (map = new Map()))
      for (const row of rows) map.set(row.id, row)
    }
    for (const [table, id] of change.del) {
      let map = this.dirty.get(table)
      if (!map) this.dirty.set(table, (map = new Map()))
      map.set(id, null)
    }
  }

  append(change: Change, expectedSeq: number): Promise<void> {
    const failed = this.journal.failed
    if (failed) return Promise.reject(failed)
    if (expectedSeq !== this.seq || change.seq !== expectedSeq + 1) {
      return Promise.reject(new AppError('INTERNAL', `A change ${change.seq} made against ${expectedSeq} cannot follow change ${this.seq}.`))
    }
    this.seq = change.seq
    this.markDirty(change)
    const durable = this.journal.append(change).then(() => {
      this.durableSeq = change.seq
      for (const listener of this.followers) listener(change)
    })
    if (this.journal.bytes > this.compactBytes && !this.compacting) void this.compact().catch(() => undefined)
    return durable
  }

  follow(afterSeq: number, listener: (change: Change) => void): () => void {
    if (afterSeq < this.durableSeq) {
      if (afterSeq < this.manifest.seq) {
        throw new AppError('INTERNAL', `Changes up to ${this.manifest.seq} are folded into the segments; they cannot be followed from ${afterSeq}.`)
      }
      for (const change of readJournals(this.dir).changes) if (change.seq > afterSeq && change.seq <= this.durableSeq) listener(change)
    }
    this.followers.add(listener)
    return () => this.followers.delete(listener)
  }

  get failed(): Error | null {
    return this.journal.failed
  }

  get isCompacting(): boolean {
    return this.compacting !== null
  }

  get journalBytes(): number {
    return this.journal.bytes
  }

  compact(): Promise<void> {
    if (this.compacting) return this.compacting
    this.compacting = this.runCompaction().finally(() => {
      this.compacting = null
      // Commits made while this one ran only checked the threshold while it was busy: if they
      // filled the journal again, nothing else would start the next one until another commit.
      if (!this.closing && !this.journal.failed && this.journal.bytes > this.compactBytes) void this.compact().catch(() => undefined)
    })
    return this.compacting
  }

  private async runCompaction(): Promise<void> {
    const seq = this.seq
    const dirty = this.dirty
    this.dirty = new Map()
    const written: SegmentWriter[] = []
    let swapped = false
    try {
      // Everything up to `seq` is in the set-aside journal, and stays there until the new manifest is down.
      await this.journal.rotate(seq)
      const generation = this.manifest.generation + 1
      let slot = this.manifest.nextSlot
      const writer = (table: TableName, columns = true) => {
        const w = new SegmentWriter(this.dir, table, () => `segments/${table}-${slot++}.${generation}.jsonl`, true, columns ? this.columnFields(table) : null)
        written.push(w)
        return w
      }
      const deltaBytes = this.deltas.reduce((sum, s) => sum + s.bytes, 0)
      const fold = deltaBytes >= DELTA_LIMITS.bytes || this.deltas.length >= DELTA_LIMITS.files
      // What the segments written now hold that replaces what was stored: the records folded.
      let folded: Dirty = dirty
      let next: Segment[] = this.segments
      let deltas: Segment[]
      if (fold) {
        folded = await this.readDeltas()
        for (const [table, changes] of dirty) {
          let map = folded.get(table)
          if (!map) folded.set(table, (map = new Map()))
          for (const [id, record] of changes) map.set(id, record)
        }
        next = []
        for (const table of TABLE_NAMES) {
          const own = this.segments.filter((s) => s.table === table)
          const changes = folded.get(table)
          next.push(...(changes && changes.size > 0 ? await this.rewriteTable(table, own, changes, writer) : own))
        }
        deltas = []
      } else {
        deltas = [...this.deltas, ...(await this.writeDeltas(dirty, (table) => writer(table, false)))]
      }
      // Segments of an older library (or whose column file was found damaged) get one now.
      if (next.some((s) => this.lacksColumns(s))) {
        next = [...next]
        for (let i = 0; i < next.length; i++) if (this.lacksColumns(next[i])) next[i] = await this.withColumns(next[i])
      }
      await syncDir(path.join(this.dir, 'segments')).catch(() => undefined)
      await keepBackup(this.dir, { manifestFile: this.file, manifest: this.manifest, seq: this.manifest.seq, at: this.clock(), keep: this.keepBackups })
      const replaced = [...this.segments, ...this.deltas]
      const all = [...next, ...deltas]
      const manifest: Manifest = { ...this.manifest, schemaVersion: manifestVersion(all), seq, generation, nextSlot: slot, segments: all.map(info) }
      this.db.data = manifest
      await this.db.write()
      swapped = true
      this.manifest = manifest
      this.segments = next
      this.deltas = deltas
      const kept = new Set(all.map((s) => s.file))
      const gone = replaced.filter((s) => !kept.has(s.file))
      await this.relocate(written.flatMap((w) => w.written), gone, folded)
      for (const s of gone) {
        await fsp.rm(path.join(this.dir, s.file), { force: true })
        await fsp.rm(path.join(this.dir, columnFileOf(s.file)), { force: true })
      }
      for (const name of readJournals.rotatedNames(this.dir)) if (name.seq <= seq) await fsp.rm(path.join(this.dir, name.name), { force: true })
    } catch (error) {
      // Past the manifest's rename the compaction has taken effect: what is left undone is tidying up.
      if (swapped) throw error
      this.db.data = this.manifest
      for (const w of written) await w.abandon().catch(() => undefined)
      // What this compaction did not fold is still to be folded: newer changes win.
      for (const [table, changes] of dirty) {
        let map = this.dirty.get(table)
        if (!map) this.dirty.set(table, (map = new Map()))
        for (const [id, record] of changes) if (!map.has(id)) map.set(id, record)
      }
      throw error
    }
  }

  /**
   * The changes as delta segments, per table one of the records put and one of the ids deleted:
   * a compaction after a few changes writes those records, not every segment that holds one
   * (at a million files the bench's 1,100 changes rewrote most of 250 segments, 20 s of work
   * that acks waited behind). A deletion of a record no segment can hold is left out.
   */
  private async writeDeltas(dirty: Dirty, writer: (table: TableName) => SegmentWriter): Promise<Segment[]> {
    const out: Segment[] = []
    const breathe = breather()
    for (const table of TABLE_NAMES) {
      const changes = dirty.get(table)
      if (!changes) continue
      const stored = [...this.segments, ...this.deltas].filter((s) => s.table === table)
      let puts: SegmentWriter | null = null
      let dels: SegmentWriter | null = null
      for (const [id, record] of changes) {
        await breathe()
        if (record) await (puts ??= writer(table)).addRecord(record)
        else if (stored.some((s) => mayHold(s, idHash(id)))) await (dels ??= writer(table)).addRecord({ id })
      }
      for (const [w, delta] of [[puts, 'put'], [dels, 'del']] as const) {
        if (!w) continue
        const segments = await w.finish()
        // The same objects as the writer's `written`, which relocate reads.
        for (const s of segments) s.delta = delta
        out.push(...segments)
      }
    }
    return out
  }

  /** What the delta segments hold, by table, a later delta's record over an earlier one's (null: deleted). */
  private async readDeltas(): Promise<Dirty> {
    const out: Dirty = new Map()
    const breathe = breather()
    for (const d of this.deltas) {
      let map = out.get(d.table)
      if (!map) out.set(d.table, (map = new Map()))
      const file = path.join(this.dir, d.file)
      for await (const { line, position } of checkedLines(this.dir, d)) {
        await breathe()
        const record = coldRecord(file, line, position)
        map.set(record.id, d.delta === 'put' ? record : null)
      }
    }
    return out
  }

  /**
   * The segments of `table` after folding `changes` into them: each segment that may hold a
   * changed id is copied with those records replaced or left out, new records go to the
   * table's last segment while it has room, and every other segment stays as it is.
   */
  private async rewriteTable(table: TableName, own: Segment[], changes: Map<Id, AnyRecord | null>, writer: (table: TableName) => SegmentWriter): Promise<Segment[]> {
    const plan = new Map<Segment, Map<Id, AnyRecord | null>>()
    let added: AnyRecord[] = []
    const breathe = breather()
    for (const [id, record] of changes) {
      await breathe()
      const hash = idHash(id)
      let candidate = false
      for (const s of own) {
        if (!mayHold(s, hash)) continue
        candidate = true
        let p = plan.get(s)
        if (!p) plan.set(s, (p = new Map()))
        p.set(id, record)
      }
      if (!candidate && record) added.push(record)
    }
    const tail = own.at(-1)
    const tailTakes = tail !== undefined && added.length > 0 && tail.bytes < SEGMENT_BYTES.limit
    if (tailTakes && !plan.has(tail)) plan.set(tail, new Map())
    const found = new Set<Id>()
    const out: Segment[] = []
    // A segment is copied into the one before it while both are small: segments that lost most
    // of their records (deletions) are merged as they are rewritten, and a small one after them
    // is taken along. The order of records stays as it was.
    const small = SEGMENT_BYTES.limit / 4
    let w: SegmentWriter | null = null
    const close = async () => {
      if (w) out.push(...(await w.finish()))
      w = null
    }
    for (const s of own) {
      const replace = plan.get(s)
      const open = w === null ? 0 : (w as SegmentWriter).openBytes
      // Into a file begun and still under half full: a segment being rewritten anyway, or a small one.
      const merge = open > 0 && open < SEGMENT_BYTES.limit / 2 && (replace !== undefined || s.bytes < small)
      if (!replace && !merge) {
        await close()
        out.push(s)
        continue
      }
      if (!merge) await close()
      const into: SegmentWriter = (w ??= writer(table))
      const copied = await this.columnsToCopy(s, into.columnNames)
      let index = 0
      // A piece of lines at a time, each line copied in place: no object or promise a line unless it must wait.
      for await (const { data, offset } of checkedPieces(this.dir, s)) {
        for (let start = 0; start < data.length; ) {
          const newline = data.indexOf(0x0a, start)
          const end = newline === -1 ? data.length : newline
          const id = lineIdAt(data, start, end)
          const at = index++
          if (!replace?.has(id)) {
            // A line copied as it is keeps the column values its old column file holds, when that file lines up with it.
            const row = copied !== null && copied.batch.offsets[at] === offset + start ? columnRow(copied, at) : undefined
            const wait = into.copyLine(data, start, end, id, row)
            if (wait !== null) await wait
          } else {
            found.add(id)
            const record = replace.get(id)
            if (record) await into.addRecord(record)
          }
          start = end + 1
        }
      }
      if (s === tail && tailTakes) {
        for (const record of added) await into.addRecord(record)
        added = []
      }
      if (into.openBytes >= SEGMENT_BYTES.limit / 2) await close()
    }
    await close()
    // Ids whose hash matched a segment that did not hold them after all are new too.
    for (const [id, record] of changes) {
      await breathe()
      if (record && !found.has(id) && own.some((s) => mayHold(s, idHash(id)))) added.push(record)
    }
    if (added.length > 0) {
      const w = writer(table)
      for (const record of added) await w.addRecord(record)
      out.push(...(await w.finish()))
    }
    return out
  }

  /**
   * The column file of a segment being copied, read so that the lines copied as they are keep
   * their column values rather than being parsed again for them (a compaction at a million
   * files parsed every line of every segment it rewrote, and the garbage held up acks). Null
   * where the segment has none, or one that does not hold every field written now (an older
   * format) or fails its checks: its lines are parsed then, as before.
   */
  private async columnsToCopy(s: Segment, names: readonly string[] | null): Promise<{ batch: ColumnBatch; columns: CopiedColumn[] } | null> {
    if (!s.columns || names === null) return null
    const read = await readColumnFile(path.join(this.dir, columnFileOf(s.file)), { ...s.columns, records: s.records, fields: names })
    if ('problem' in read) return null
    const columns = names.map((name): CopiedColumn => {
      const column = read.batch.fields[name]
      return column.kind === 'dict' ? column : { ...column, text: Buffer.from(column.data.buffer, column.data.byteOffset, column.data.byteLength) }
    })
    return { batch: read.batch, columns }
  }

  private lacksColumns(s: Segment): boolean {
    return (!s.columns || s.olderColumns === true) && !s.delta && this.columnFields(s.table) !== null
  }

  /**
   * Writes the column file of a segment that has none, or one of an older format: from the
   * older column file's values where it holds every field written now (no line parsed), else
   * from its lines (read a megabyte at a time, letting calls in between). The segment itself
   * is not touched; the new manifest names the column file. A segment whose records do not fit
   * in columns stays without.
   */
  private async withColumns(s: Segment): Promise<Segment> {
    const fields = this.columnFields(s.table)!
    const collector = new ColumnCollector(fields.plain, fields.derived)
    const breathe = breather()
    const older = s.olderColumns ? await this.columnsToCopy(s, collector.fields) : null
    if (older !== null) {
      for (let i = 0; i < s.records; i++) {
        await breathe()
        collector.addRow(columnRow(older, i), older.batch.offsets[i])
      }
    } else {
      for await (const { line, position } of checkedLines(this.dir, s)) {
        await breathe()
        collector.add(hotFieldsOf(line, collector), position)
      }
    }
    const columns = await writeColumnFile(this.dir, s.file, collector, sliceBreather())
    const { olderColumns: _, ...rest } = s
    return columns ? { ...rest, columns } : rest
  }

  async close(): Promise<void> {
    this.closing = true
    try {
      await this.journal.drain().catch(() => undefined)
      if (this.compacting) await this.compacting.catch(() => undefined)
      // A compaction that fails here loses nothing: the journals stay and are replayed on open.
      const due = this.journal.bytes > 0 || readJournals.rotatedNames(this.dir).length > 0 || this.segments.some((s) => this.lacksColumns(s))
      if (!this.journal.failed && due) await this.compact()
    } finally {
      await this.journal.close()
      this.cold.close()
      this.followers.clear()
      this.lock.release()
    }
  }
}

/** Lets the event loop run whenever a loop has held it for a millisecond. */
function breather(): () => Promise<void> {
  let since = performance.now()
  let n = 0
  return async () => {
    if ((++n & 255) !== 0 || performance.now() - since < 1) return
    await new Promise((resolve) => setImmediate(resolve))
    since = performance.now()
  }
}

function info(s: Segment): Manifest['segments'][number] {
  return { table: s.table, file: s.file, records: s.records, bytes: s.bytes, sha256: s.sha256, ...(s.columns ? { columns: s.columns } : {}), ...(s.delta ? { delta: s.delta } : {}) }
}

/**
 * The FNV-1a hash (idHash) of each record's id from the id column (what Segment.hashes keeps,
 * sorted). A column file of format 3 holds them; for an older one they are worked out here
 * and kept on the column when every id is ASCII, so the id index does not hash them again.
 */
function idHashes(batch: ColumnBatch): Uint32Array {
  const ids = batch.fields.id
  if (ids.kind === 'dict') return Uint32Array.from(ids.index, (n) => idHash(ids.dict[n] ?? ''))
  if (ids.hashes !== null) return ids.hashes
  const ascii = ids.nulls === null ? valueHashes(ids.data, ids.starts) : null
  if (ascii !== null) return (ids.hashes = ascii)
  const { data, starts } = ids
  return Uint32Array.from({ length: batch.count }, (_, i) => idHash(Buffer.from(data.buffer, data.byteOffset + starts[i], starts[i + 1] - starts[i]).toString('utf8')))
}

export { SEGMENT_NAME }

/**
 * Writes a whole library in the file engine's format (segments and a manifest) into an empty
 * folder: for tools that generate libraries, such as the benchmarks.
 */
export async function writeLibraryFiles(
  dir: string,
  data: { seq: number; libraryId: string; createdAt: number; tables: { [T in TableName]?: AnyRecord[] } },
): Promise<void> {
  let slot = 0
  const segments: Segment[] = []
  for (const table of TABLE_NAMES) {
    const rows = data.tables[table] ?? []
    if (rows.length === 0) continue
    const plain = COLD_FIELDS[table]
    const writer = new SegmentWriter(dir, table, () => `segments/${table}-${slot++}.1.jsonl`, false, plain ? { plain, derived: DERIVED_FIELDS[table] } : null)
    for (const record of rows) await writer.addRecord(record)
    segments.push(...(await writer.finish()))
  }
  await syncDir(path.join(dir, 'segments'))
  const manifest: Manifest = {
    schemaVersion: SEGMENTS_SCHEMA_VERSION,
    seq: data.seq,
    libraryId: data.libraryId,
    createdAt: data.createdAt,
    generation: 1,
    nextSlot: slot,
    segments: segments.map(info),
  }
  const db = manifestDb(path.join(dir, MANIFEST), manifest)
  await db.write()
}

/** A column of a segment being copied; a column of strings with one Buffer over its bytes, made once. */
type CopiedColumn = Extract<StringColumn, { kind: 'dict' }> | (Extract<StringColumn, { kind: 'bytes' }> & { text: Buffer })

/** Record `at`'s values in the columns given (as columnValue reads them, without a Buffer a value). */
function columnRow(copied: { columns: CopiedColumn[] }, at: number): (string | null)[] {
  const row: (string | null)[] = []
  for (const column of copied.columns) {
    if (column.kind === 'dict') row.push(column.index[at] < 0 ? null : column.dict[column.index[at]])
    else row.push(column.nulls !== null && column.nulls[at] === 1 ? null : column.text.toString('utf8', column.starts[at], column.starts[at + 1]))
  }
  return row
}

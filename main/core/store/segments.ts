import fsp from 'node:fs/promises'
import path from 'node:path'
import { createHash } from 'node:crypto'
import type { Id, TableName } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { ColumnCollector } from './hotColumns.js'
import { readHotFields } from './hotFields.js'
import { idHash } from './idIndex.js'
import { recordProblem } from './shape.js'
import { jsonErrorPosition, readLimits } from './snapshot.js'

/** What the manifest says of one segment file; see docs/store.md. */
export interface SegmentInfo {
  table: TableName
  /** Path relative to the library folder: `segments/<table>-<slot>.<generation>.jsonl`. */
  file: string
  records: number
  bytes: number
  sha256: string
  /** The segment's column file (see hotColumns.ts), when it has one: its size and sha256. */
  columns?: { bytes: number; sha256: string }
  /**
   * A delta segment (docs/store.md, "Compaction"): records that replace or add to those of the
   * segments before it (`put`), or the ids of records deleted since (`del`, lines of an id alone).
   */
  delta?: 'put' | 'del'
}

/** The column file beside a segment file. */
export function columnFileOf(segmentFile: string): string {
  return segmentFile.replace(/\.jsonl$/, '.cols')
}

/** A segment as the file engine keeps it in memory: its manifest entry and the hashes of its ids. */
export interface Segment extends SegmentInfo {
  /** FNV-1a hashes of the ids it holds, sorted: which segments may hold an id, without a map of every id. */
  hashes: Uint32Array
  /** `hashes` are not sorted yet: open leaves them to the first mayHold (a tenth of a second at a million files). */
  unsorted?: boolean
  /** Its column file is of an older format (hotColumns.ts): the next compaction or close writes it again. */
  olderColumns?: boolean
  /** For a segment just written: the id and byte offset of each line, for moving cold records to it. */
  written?: { ids: Id[]; offsets: number[] }
}

export type AnyRecord = { id: Id }

/** Segments are cut at about this size, so a rewrite of one changed record copies at most this much. */
export const SEGMENT_BYTES = { limit: 4 * 1024 * 1024 }
/** Reads and writes go to disk in pieces of this size: no buffer the size of a table. */
const CHUNK = 1024 * 1024
/** How long a rewrite may hold the event loop before it lets calls in. */
const SLICE_MS = 1

export { idHash }

export function mayHold(segment: Segment, hash: number): boolean {
  if (segment.unsorted) {
    segment.hashes.sort()
    delete segment.unsorted
  }
  const a = segment.hashes
  let lo = 0
  let hi = a.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid] === hash) return true
    if (a[mid] < hash) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/**
 * A file read a chunk at a time as pieces of whole lines (each chunk handed to `onRead` as it
 * is read), with the byte offset of each piece; a last line without its newline comes as a
 * piece of its own. With `reuse`, every piece is read into the same buffer: the caller must be
 * done with a piece before it asks for the next one.
 */
export async function* pieces(file: string, onRead?: (bytes: Buffer) => void, reuse = false): AsyncGenerator<{ data: Buffer; offset: number }> {
  const handle = await fsp.open(file, 'r')
  try {
    let offset = 0
    // A quarter of a segment at most, so a segment takes several reads even when tests make segments small.
    const size = Math.max(256, Math.min(CHUNK, SEGMENT_BYTES.limit >> 2))
    let buffer = Buffer.allocUnsafe(size)
    let carried = 0
    for (;;) {
      if (carried === buffer.length) {
        // A line longer than the buffer: room for more of it.
        const bigger = Buffer.allocUnsafe(buffer.length * 2)
        buffer.copy(bigger, 0, 0, carried)
        buffer = bigger
      }
      const { bytesRead } = await handle.read(buffer, carried, buffer.length - carried, null)
      if (bytesRead === 0) break
      onRead?.(buffer.subarray(carried, carried + bytesRead))
      const end = carried + bytesRead
      const whole = end === 0 ? 0 : buffer.lastIndexOf(0x0a, end - 1) + 1
      if (whole > 0) yield { data: buffer.subarray(0, whole), offset }
      offset += whole
      carried = end - whole
      if (reuse) buffer.copy(buffer, 0, whole, end)
      else {
        // A new buffer each time: lines handed out are views into the old one, which a caller may keep.
        const next = Buffer.allocUnsafe(Math.max(size, carried * 2))
        buffer.copy(next, 0, whole, end)
        buffer = next
      }
    }
    if (carried > 0) yield { data: buffer.subarray(0, carried), offset }
  } finally {
    await handle.close()
  }
}

/**
 * The lines of a file, as Buffers with their byte offsets, read a chunk at a time (each
 * chunk handed to `onRead` as it is read). The last line must end in a newline: a segment is
 * only ever referenced once it is whole.
 */
export async function* lines(file: string, onRead?: (bytes: Buffer) => void): AsyncGenerator<{ line: Buffer; position: number; number: number }> {
  let number = 0
  for await (const { data, offset } of pieces(file, onRead)) {
    let start = 0
    for (let nl = data.indexOf(0x0a, start); nl !== -1; nl = data.indexOf(0x0a, start)) {
      number++
      yield { line: data.subarray(start, nl), position: offset + start, number }
      start = nl + 1
    }
    if (start < data.length) yield { line: data.subarray(start), position: offset + start, number: ++number }
  }
}

/**
 * The lines of a segment already named by the manifest, for copying: its sha256 is worked out
 * on the way and checked at the end, so damage (which open does not look for in a segment it
 * loads from its column file) is never copied into a new segment with a new checksum.
 */
export async function* checkedLines(dir: string, info: SegmentInfo): AsyncGenerator<{ line: Buffer; position: number; number: number }> {
  const check = checksumAsRead(dir, info)
  for await (const item of lines(check.file, check.read)) yield item
  check.verify()
}

/**
 * A segment's sha256 and size worked out as it is read, a piece at a time (two calls a line
 * were a good part of a rewrite's time), and held against the manifest once it is all read.
 */
function checksumAsRead(dir: string, info: SegmentInfo): { file: string; read: (piece: Buffer) => void; verify: () => void } {
  const file = path.join(dir, info.file)
  const hash = createHash('sha256')
  let bytes = 0
  return {
    file,
    read(piece) {
      hash.update(piece)
      bytes += piece.length
    },
    verify() {
      if (bytes !== info.bytes || hash.digest('hex') !== info.sha256) throw corrupt(file, 0, 0, 'its checksum is not the one in the manifest')
    },
  }
}

/**
 * checkedLines a piece of whole lines at a time, for a copy that goes over them without an
 * object (or a promise) a line: at a million files the garbage of copying line by line was
 * collected in pauses that acks waited behind.
 */
export async function* checkedPieces(dir: string, info: SegmentInfo): AsyncGenerator<{ data: Buffer; offset: number }> {
  const check = checksumAsRead(dir, info)
  // One read buffer for the whole copy: a megabyte a read, each its own allocation, brought on full collections.
  for await (const piece of pieces(check.file, check.read, true)) yield piece
  check.verify()
}

/** The id of a record line, read from its start when it begins with it (as the writer writes it). */
export function lineId(line: Buffer): string {
  return lineIdAt(line, 0, line.length)
}

const ID_PREFIX = Buffer.from('{"id":"')

/** lineId of the line `data[start, end)`, read in place in the common case. */
export function lineIdAt(data: Buffer, start: number, end: number): string {
  // The common case read from the bytes: `{"id":"` then an id of printable ASCII without
  // escapes. A compaction copies millions of lines; a string of each line's head was most of
  // the garbage it made, and its collections held up acks (docs/store.md, "Compaction").
  const from = start + ID_PREFIX.length
  let prefixed = end > from
  for (let k = 0; prefixed && k < ID_PREFIX.length; k++) prefixed = data[start + k] === ID_PREFIX[k]
  if (prefixed) {
    for (let i = from; i < end && i < start + 512; i++) {
      const b = data[i]
      if (b === 0x22) return data.toString('latin1', from, i)
      if (b === 0x5c || b < 0x20 || b > 0x7e) break
    }
  }
  const line = data.subarray(start, end)
  const head = line.toString('utf8', 0, Math.min(line.length, 512))
  const match = /^\{"id":("(?:[^"\\]|\\.)*")/.exec(head)
  if (match) return JSON.parse(match[1]) as string
  return (JSON.parse(line.toString('utf8')) as AnyRecord).id
}

/** A record as its segment line: the id first, so a rewrite finds it without parsing the line. */
export function recordLine(record: AnyRecord): string {
  const text = JSON.stringify(record)
  if (text.startsWith('{"id":')) return text
  const { id, ...rest } = record
  return JSON.stringify({ id, ...rest })
}

function corrupt(file: string, position: number, line: number, problem: string): AppError {
  const where = line > 0 ? `byte ${position} (line ${line})` : `byte ${position}`
  return new AppError('LIBRARY_CORRUPT', `The library segment ${file} is damaged at ${where}: ${problem}. It has not been changed; restore the library from a backup.`, {
    file,
    position,
    line,
  })
}

/** Hands each record's fields that open needs, and the byte offset of its line, instead of the whole record. */
export interface ColdRead {
  fields: readonly string[]
  onCold(hot: AnyRecord, position: number): void
}

/**
 * Reads a segment, checking its size, each line's shape and the checksum against the
 * manifest, and hands each record to `onRecord` (or, with `cold`, its hot fields and
 * position to cold.onCold). Returns the segment with its id hashes.
 */
export async function readSegment(dir: string, info: SegmentInfo, onRecord: (record: AnyRecord) => void, cold?: ColdRead): Promise<Segment> {
  const file = path.join(dir, info.file)
  let size: number
  try {
    size = (await fsp.stat(file)).size
  } catch {
    throw corrupt(file, 0, 0, 'the file is missing')
  }
  const hash = createHash('sha256')
  const hashes = new Uint32Array(info.records)
  let count = 0
  // Hashed a chunk at a time, as read: two calls a line were a tenth of loading 200,000 grants, comments and activities.
  for await (const { line, position, number } of lines(file, (piece) => hash.update(piece))) {
    if (line.length > readLimits.maxStringChars) throw new AppError('LIBRARY_TOO_LARGE', `A record in ${file} at byte ${position} is longer than a string can be.`, { file, position })
    const record = (cold && readHotFields(line, cold.fields)) ?? parseLine(file, line, position, number)
    const problem = recordProblem(record)
    if (problem) throw corrupt(file, position, number, problem)
    if (count >= info.records) throw corrupt(file, position, number, `it holds more than the ${info.records} records the manifest says`)
    hashes[count++] = idHash((record as AnyRecord).id)
    if (cold) cold.onCold(record as AnyRecord, position)
    else onRecord(record as AnyRecord)
  }
  // Damage inside a line is named above, where it is; what a checksum alone can tell comes last.
  if (size !== info.bytes) throw corrupt(file, Math.min(size, info.bytes), count, `it is ${size} bytes long, the manifest says ${info.bytes}`)
  const sum = hash.digest('hex')
  if (sum !== info.sha256) throw corrupt(file, 0, 0, 'its checksum is not the one in the manifest')
  if (count !== info.records) throw corrupt(file, size, count, `it holds ${count} records, the manifest says ${info.records}`)
  return { ...info, hashes: hashes.sort() }
}

/** One line parsed; damage is LIBRARY_CORRUPT naming the file, the byte and the line where the parse failed. */
export function parseLine(file: string, line: Buffer, position: number, number: number): unknown {
  const text = line.toString('utf8')
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const at = /position (\d+)/.exec(message)
    const chars = at ? Number(at[1]) : /Unexpected end/.test(message) ? text.length : jsonErrorPosition(text)
    const within = Buffer.byteLength(text.slice(0, chars))
    throw corrupt(file, position + within, number, message)
  }
}

/**
 * A record read back on demand at byte `position` of a segment already checked on open:
 * the file may have been damaged since, so the line is checked again (LIBRARY_CORRUPT with
 * the file and position).
 */
export function coldRecord(file: string, line: Buffer, position: number): AnyRecord {
  const record = parseLine(file, line, position, 0)
  const problem = recordProblem(record)
  if (problem) throw corrupt(file, position, 0, problem)
  return record as AnyRecord
}

/**
 * Writes records of one table into new segment files, starting a new one whenever one
 * reaches the size limit. Each file is fsynced before `finish` returns; none is referenced
 * until the manifest that names them is written.
 */
export class SegmentWriter {
  private handle: fsp.FileHandle | null = null
  private current: {
    file: string
    records: number
    bytes: number
    hash: ReturnType<typeof createHash>
    hashes: number[]
    ids: Id[]
    offsets: number[]
    columns: ColumnCollector | null
  } | null = null
  /** The fields of the column files written, in their order; null for a table without. */
  readonly columnNames: readonly string[] | null
  /** Bytes not yet written, gathered in one buffer: no object per line waits for the write. */
  private stage: Buffer | null = null
  private staged = 0
  private sliceStart = performance.now()
  readonly written: Segment[] = []

  constructor(
    private readonly dir: string,
    readonly table: TableName,
    /** Names a new segment file; called once per file. */
    private readonly nameNext: () => string,
    /** Lets the event loop run between slices (compaction); open and migration need not. */
    private readonly yieldToCalls: boolean,
    /** The fields written to each file's column file (hotColumns.ts); none without. */
    private readonly columnFields: ColumnFields | null = null,
  ) {
    this.columnNames = columnFields ? [...columnFields.plain, ...Object.keys(columnFields.derived ?? {})] : null
  }

  async addRecord(record: AnyRecord): Promise<void> {
    await this.addLine(Buffer.from(recordLine(record)), record.id, record)
  }

  /**
   * A line copied as it is from an older segment (`record`: the record when the caller has it;
   * `row`: its column values in columnNames' order, as the older segment's column file has them).
   */
  async addLine(line: Buffer, id: Id, record?: AnyRecord, row?: readonly (string | null)[]): Promise<void> {
    if (!this.current) await this.startFile()
    const cur = this.current!
    if (cur.columns) {
      if (row) cur.columns.addRow(row, cur.bytes)
      else cur.columns.add(record ?? hotFieldsOf(line, cur.columns), cur.bytes)
    }
    this.noteLine(cur, id, line.length)
    const stage = (this.stage ??= Buffer.allocUnsafe(CHUNK))
    if (this.staged + line.length + 1 > stage.length) await this.flush()
    if (line.length + 1 > stage.length) {
      // A line longer than the stage goes to disk as it is.
      cur.hash.update(line)
      cur.hash.update(NEWLINE)
      await this.writeOut(line)
      await this.writeOut(NEWLINE)
    } else {
      line.copy(stage, this.staged)
      stage[this.staged + line.length] = 0x0a
      this.staged += line.length + 1
    }
    await this.afterLine(cur)
  }

  /**
   * The line `data[start, end)` copied as addLine copies it, without a Buffer or a promise for
   * it where it can: returns null when the line is taken and nothing needs awaiting, else a
   * promise to await before the next line (a write, a new file, or a pause for other calls).
   */
  copyLine(data: Buffer, start: number, end: number, id: Id, row?: readonly (string | null)[]): Promise<void> | null {
    const cur = this.current
    const stage = this.stage
    const length = end - start
    if (cur === null || stage === null || (cur.columns !== null && row === undefined) || this.staged + length + 1 > stage.length) {
      return this.addLine(data.subarray(start, end), id, undefined, row)
    }
    if (cur.columns !== null) cur.columns.addRow(row!, cur.bytes)
    this.noteLine(cur, id, length)
    data.copy(stage, this.staged, start, end)
    stage[this.staged + length] = 0x0a
    this.staged += length + 1
    if (this.staged >= CHUNK || cur.bytes >= SEGMENT_BYTES.limit || (this.yieldToCalls && performance.now() - this.sliceStart > SLICE_MS)) return this.afterLine(cur)
    return null
  }

  private noteLine(cur: NonNullable<SegmentWriter['current']>, id: Id, length: number): void {
    cur.ids.push(id)
    cur.offsets.push(cur.bytes)
    cur.records++
    cur.bytes += length + 1
    cur.hashes.push(idHash(id))
  }

  /** What follows a line: a write once a chunk is gathered, the end of a full file, a pause for other calls. */
  private async afterLine(cur: NonNullable<SegmentWriter['current']>): Promise<void> {
    if (this.staged >= CHUNK) await this.flush()
    if (cur.bytes >= SEGMENT_BYTES.limit) await this.endFile()
    if (this.yieldToCalls && performance.now() - this.sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      this.sliceStart = performance.now()
    }
  }

  /** Bytes in the file being written (0 between files). */
  get openBytes(): number {
    return this.current?.bytes ?? 0
  }

  async finish(): Promise<Segment[]> {
    await this.endFile()
    return this.written
  }

  /** Closes and removes what was written, for a rewrite that failed. */
  async abandon(): Promise<void> {
    await this.handle?.close().catch(() => undefined)
    this.handle = null
    for (const s of this.written) {
      await fsp.rm(path.join(this.dir, s.file), { force: true })
      await fsp.rm(path.join(this.dir, columnFileOf(s.file)), { force: true })
    }
    if (this.current) await fsp.rm(path.join(this.dir, this.current.file), { force: true })
  }

  private async startFile(): Promise<void> {
    const file = this.nameNext()
    await fsp.mkdir(path.join(this.dir, path.dirname(file)), { recursive: true })
    // A file of this name can only be a leftover of a compaction cut short, referenced by no
    // manifest. It is unlinked, not truncated: a hard link in backups/ must never change.
    await fsp.rm(path.join(this.dir, file), { force: true })
    this.handle = await fsp.open(path.join(this.dir, file), 'wx')
    const columns = this.columnFields ? new ColumnCollector(this.columnFields.plain, this.columnFields.derived) : null
    this.current = { file, records: 0, bytes: 0, hash: createHash('sha256'), hashes: [], ids: [], offsets: [], columns }
  }

  private async flush(): Promise<void> {
    if (this.staged === 0 || this.stage === null) return
    const data = this.stage.subarray(0, this.staged)
    // The file's bytes hashed a chunk at a time, not two calls a line (endFile flushes first, so a chunk is one file's).
    this.current!.hash.update(data)
    // The stage is written from and only then reused: nothing is added to it while the write is awaited.
    await this.writeOut(data)
    this.staged = 0
    // A compaction puts each megabyte on disk as it goes: a journal fsync made meanwhile
    // (an ack) then never waits behind the whole rewrite being flushed at the end.
    if (this.yieldToCalls) await this.handle!.datasync()
  }

  private async writeOut(data: Buffer): Promise<void> {
    let offset = 0
    while (offset < data.length) offset += (await this.handle!.write(data, offset, data.length - offset)).bytesWritten
  }

  private async endFile(): Promise<void> {
    if (!this.current) return
    await this.flush()
    await this.handle!.sync()
    await this.handle!.close()
    this.handle = null
    const cur = this.current
    // The column file is written and fsynced before the segment counts as written: a manifest
    // naming it is only written after that (and a leftover without a manifest is removed on open).
    const columns = cur.columns ? await writeColumnFile(this.dir, cur.file, cur.columns, this.yieldToCalls ? sliceBreather() : undefined) : undefined
    this.current = null
    this.written.push({
      table: this.table,
      file: cur.file,
      records: cur.records,
      bytes: cur.bytes,
      sha256: cur.hash.digest('hex'),
      ...(columns ? { columns } : {}),
      hashes: Uint32Array.from(cur.hashes).sort(),
      written: { ids: cur.ids, offsets: cur.offsets },
    })
  }
}

/** What a column file is made of: the plain fields of each record, and fields worked out from the whole record. */
export interface ColumnFields {
  plain: readonly string[]
  derived?: Readonly<Record<string, (record: never) => string | null>>
}

/** What a collector needs of a copied line; null (no column file) for a line that does not parse. */
export function hotFieldsOf(line: Buffer, collector: ColumnCollector): Record<string, unknown> | null {
  const hot = collector.needsWhole ? null : readHotFields(line, collector.plain)
  if (hot) return hot
  try {
    return JSON.parse(line.toString('utf8')) as Record<string, unknown>
  } catch {
    return null
  }
}

/** Writes (and fsyncs) the column file of `segmentFile`; undefined when its records do not fit in columns. */
export async function writeColumnFile(
  dir: string,
  segmentFile: string,
  collector: ColumnCollector,
  breathe?: () => Promise<void>,
): Promise<{ bytes: number; sha256: string } | undefined> {
  const data = await collector.encode(breathe)
  if (data === null) return undefined
  const file = path.join(dir, columnFileOf(segmentFile))
  // As for segments: a leftover of this name is unlinked, never overwritten in place.
  await fsp.rm(file, { force: true })
  const handle = await fsp.open(file, 'wx')
  try {
    let offset = 0
    while (offset < data.length) offset += (await handle.write(data, offset, data.length - offset)).bytesWritten
    await handle.sync()
  } finally {
    await handle.close()
  }
  return { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') }
}

const NEWLINE = Buffer.from('\n')

/** Lets the event loop run whenever the caller has held it for SLICE_MS. */
export function sliceBreather(): () => Promise<void> {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < SLICE_MS) return
    await new Promise((resolve) => setImmediate(resolve))
    since = performance.now()
  }
}

import fsp from 'node:fs/promises'
import path from 'node:path'
import { createHash } from 'node:crypto'
import type { Id, TableName } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { readHotFields } from './hotFields.js'
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
}

/** A segment as the file engine keeps it in memory: its manifest entry and the hashes of its ids. */
export interface Segment extends SegmentInfo {
  /** FNV-1a hashes of the ids it holds, sorted: which segments may hold an id, without a map of every id. */
  hashes: Uint32Array
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

export function idHash(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function mayHold(segment: Segment, hash: number): boolean {
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
 * The lines of a file, as Buffers with their byte offsets, read a chunk at a time. The last
 * line must end in a newline: a segment is only ever referenced once it is whole.
 */
export async function* lines(file: string): AsyncGenerator<{ line: Buffer; position: number; number: number }> {
  const handle = await fsp.open(file, 'r')
  try {
    let carry: Buffer = Buffer.alloc(0)
    let offset = 0
    let number = 0
    // A quarter of a segment at most, so a segment takes several reads even when tests make segments small.
    const size = Math.max(256, Math.min(CHUNK, SEGMENT_BYTES.limit >> 2))
    for (;;) {
      // A new buffer each time: the lines handed out are views into it, and a rewrite keeps
      // them queued for writing while the next piece is read.
      const chunk = Buffer.allocUnsafe(size)
      const { bytesRead } = await handle.read(chunk, 0, size, null)
      if (bytesRead === 0) break
      const data = carry.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([carry, chunk.subarray(0, bytesRead)])
      let start = 0
      for (let nl = data.indexOf(0x0a, start); nl !== -1; nl = data.indexOf(0x0a, start)) {
        number++
        yield { line: data.subarray(start, nl), position: offset + start, number }
        start = nl + 1
      }
      offset += start
      carry = data.subarray(start)
    }
    if (carry.length > 0) yield { line: carry, position: offset, number: number + 1 }
  } finally {
    await handle.close()
  }
}

/** The id of a record line, read from its start when it begins with it (as the writer writes it). */
export function lineId(line: Buffer): string {
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
  for await (const { line, position, number } of lines(file)) {
    hash.update(line)
    hash.update('\n')
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
  private current: { file: string; records: number; bytes: number; hash: ReturnType<typeof createHash>; hashes: number[]; ids: Id[]; offsets: number[] } | null = null
  private pending: Buffer[] = []
  private pendingBytes = 0
  private sliceStart = performance.now()
  readonly written: Segment[] = []

  constructor(
    private readonly dir: string,
    readonly table: TableName,
    /** Names a new segment file; called once per file. */
    private readonly nameNext: () => string,
    /** Lets the event loop run between slices (compaction); open and migration need not. */
    private readonly yieldToCalls: boolean,
  ) {}

  async addRecord(record: AnyRecord): Promise<void> {
    await this.addLine(Buffer.from(recordLine(record)), record.id)
  }

  /** A line copied as it is from an older segment. */
  async addLine(line: Buffer, id: Id): Promise<void> {
    if (!this.current) await this.startFile()
    const cur = this.current!
    cur.hash.update(line)
    cur.hash.update('\n')
    cur.ids.push(id)
    cur.offsets.push(cur.bytes)
    cur.records++
    cur.bytes += line.length + 1
    cur.hashes.push(idHash(id))
    this.pending.push(line, NEWLINE)
    this.pendingBytes += line.length + 1
    if (this.pendingBytes >= CHUNK) await this.flush()
    if (cur.bytes >= SEGMENT_BYTES.limit) await this.endFile()
    if (this.yieldToCalls && performance.now() - this.sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      this.sliceStart = performance.now()
    }
  }

  async finish(): Promise<Segment[]> {
    await this.endFile()
    return this.written
  }

  /** Closes and removes what was written, for a rewrite that failed. */
  async abandon(): Promise<void> {
    await this.handle?.close().catch(() => undefined)
    this.handle = null
    for (const s of this.written) await fsp.rm(path.join(this.dir, s.file), { force: true })
    if (this.current) await fsp.rm(path.join(this.dir, this.current.file), { force: true })
  }

  private async startFile(): Promise<void> {
    const file = this.nameNext()
    await fsp.mkdir(path.join(this.dir, path.dirname(file)), { recursive: true })
    // A file of this name can only be a leftover of a compaction cut short, referenced by no
    // manifest. It is unlinked, not truncated: a hard link in backups/ must never change.
    await fsp.rm(path.join(this.dir, file), { force: true })
    this.handle = await fsp.open(path.join(this.dir, file), 'wx')
    this.current = { file, records: 0, bytes: 0, hash: createHash('sha256'), hashes: [], ids: [], offsets: [] }
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return
    const data = Buffer.concat(this.pending, this.pendingBytes)
    this.pending = []
    this.pendingBytes = 0
    let offset = 0
    while (offset < data.length) offset += (await this.handle!.write(data, offset, data.length - offset)).bytesWritten
    // A compaction puts each megabyte on disk as it goes: a journal fsync made meanwhile
    // (an ack) then never waits behind the whole rewrite being flushed at the end.
    if (this.yieldToCalls) await this.handle!.datasync()
  }

  private async endFile(): Promise<void> {
    if (!this.current) return
    await this.flush()
    await this.handle!.sync()
    await this.handle!.close()
    this.handle = null
    const cur = this.current
    this.current = null
    this.written.push({
      table: this.table,
      file: cur.file,
      records: cur.records,
      bytes: cur.bytes,
      sha256: cur.hash.digest('hex'),
      hashes: Uint32Array.from(cur.hashes).sort(),
      written: { ids: cur.ids, offsets: cur.offsets },
    })
  }
}

const NEWLINE = Buffer.from('\n')

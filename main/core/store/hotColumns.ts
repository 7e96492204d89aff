import { createHash } from 'node:crypto'
import fsp from 'node:fs/promises'
import type { AssetRecord, TableName } from '../../../shared/domain.js'
import type { ColumnFileReader } from './columnReader.js'
import { asciiHash } from './idIndex.js'
import { searchColumn } from './searchTexts.js'

/**
 * The column file of a segment (docs/store.md, "Column files"): the fields open needs of
 * every record of a cold table (COLD_FIELDS), as arrays, written beside the segment when it
 * is written. Open reads it instead of the segment's lines: no JSON, no object and no string
 * per record.
 *
 * Layout: "TRVC", a u32 header length, the header (JSON: format, count, the fields and where
 * each array starts), then the arrays, each at a multiple of 4 bytes: the byte offset of each
 * record's line in the segment (u32), and per field either `bytes` (u32 starts, count + 1 of
 * them, into UTF-8 text; a byte per record marking nulls when there are any) or `dict` (i32
 * index per record into a list of strings in the header; -1 for null). A `bytes` field of ids
 * (ID_FIELDS) whose every value is ASCII also holds the FNV-1a hash of each value (u32 per
 * record, format 3): open numbers a million ids without hashing one (docs/scale.md).
 */
export const COLUMN_FORMAT = 3

/** Formats a reader takes: 1 (no `search`), 2 (no id hashes) and this one. */
const READABLE_FORMATS = [1, 2, COLUMN_FORMAT]

/**
 * Fields whose values are ids the store numbers in an IdIndex (idIndex.ts): their hashes are
 * written with them, as the id index and the segment's sorted hashes (segments.ts) take them.
 */
const ID_FIELDS = new Set(['id', 'parentId', 'assetId', 'collectionId'])

/**
 * Tables whose records the store keeps cold, with the fields it needs of each at open: all
 * the indexes read of a record of that table when it is first loaded (docs/store.md).
 */
export const COLD_FIELDS: Partial<Record<TableName, readonly string[]>> = {
  assets: ['id', 'kind', 'name', 'parentId', 'createdBy'],
  associations: ['id', 'collectionId', 'assetId'],
}

/**
 * Fields worked out from the whole record, written after the COLD_FIELDS: an asset's search
 * texts and tags (searchTexts.ts), so the search index can be built after open without
 * reading a record. Optional for a reader: a file of format 1 has none.
 */
export const DERIVED_FIELDS: Partial<Record<TableName, Readonly<Record<string, (record: never) => string | null>>>> = {
  assets: { search: (asset: AssetRecord) => searchColumn(asset) },
}

const MAGIC = 0x43565254 // "TRVC" little-endian

/** One field of every record: a string or null each. */
export type StringColumn =
  | {
      kind: 'bytes'
      data: Uint8Array
      starts: Uint32Array
      nulls: Uint8Array | null
      /** asciiHash (idIndex.ts) of each value, where every value is ASCII and none is null: written with ids, or worked out once by the reader. */
      hashes: Uint32Array | null
    }
  | { kind: 'dict'; dict: string[]; index: Int32Array }

export interface ColumnBatch {
  count: number
  /** The column file's format: an older one is written again in this one (see COLUMN_FORMAT). */
  format: number
  /** Byte offset of each record's line in its segment. */
  offsets: Uint32Array
  fields: Record<string, StringColumn>
}

type FieldHeader =
  | { name: string; kind: 'bytes'; starts: number; data: number; dataBytes: number; nulls: number; hashes?: number }
  | { name: string; kind: 'dict'; dict: string[]; index: number }

interface Header {
  format: number
  count: number
  offsets: number
  fields: FieldHeader[]
}

/** The string a column holds for record `i`, or null. */
export function columnValue(column: StringColumn, i: number): string | null {
  if (column.kind === 'dict') {
    const n = column.index[i]
    return n < 0 ? null : column.dict[n]
  }
  if (column.nulls !== null && column.nulls[i] === 1) return null
  return Buffer.from(column.data.buffer, column.data.byteOffset, column.data.byteLength).toString('utf8', column.starts[i], column.starts[i + 1])
}

/**
 * Collects the hot fields of the records of one segment as they are written. A record whose
 * field is neither a string nor null (or is missing) cannot be put in columns: the segment is
 * then written without a column file, and open reads its lines.
 */
export class ColumnCollector {
  private readonly values: (string | null)[][]
  private readonly offsets: number[] = []
  private ok = true
  /** The plain fields, then the derived ones. */
  readonly fields: readonly string[]
  private readonly derive: ((record: never) => string | null)[]

  constructor(
    readonly plain: readonly string[],
    derived: Readonly<Record<string, (record: never) => string | null>> = {},
  ) {
    this.fields = [...plain, ...Object.keys(derived)]
    this.derive = Object.values(derived)
    this.values = this.fields.map(() => [])
  }

  /** Whether `add` needs whole records (for derived fields), not only the plain fields. */
  get needsWhole(): boolean {
    return this.derive.length > 0
  }

  add(record: Record<string, unknown> | null, offset: number): void {
    if (!this.ok) return
    if (record === null) {
      this.ok = false
      return
    }
    const row: (string | null)[] = []
    for (const field of this.plain) {
      const value = record[field]
      if ((value !== null || field === 'id') && typeof value !== 'string') {
        this.ok = false
        return
      }
      row.push(value)
    }
    try {
      for (const derive of this.derive) row.push(derive(record as never))
    } catch {
      // A record of a shape the derivation does not take: no column file for this segment.
      this.ok = false
      return
    }
    for (let f = 0; f < row.length; f++) this.values[f].push(row[f])
    this.offsets.push(offset)
  }

  /**
   * A record's values as another column file holds them (its fields in this collector's
   * order): a line copied as it is during a compaction is not parsed again to derive them.
   */
  addRow(row: readonly (string | null)[], offset: number): void {
    if (!this.ok) return
    for (let f = 0; f < row.length; f++) this.values[f].push(row[f])
    this.offsets.push(offset)
  }

  /**
   * The column file's bytes, or null when some record did not fit. `breathe` is awaited
   * between pieces of work, so a compaction lets calls (and acks) in while it encodes.
   */
  async encode(breathe: () => Promise<void> = async () => undefined): Promise<Buffer | null> {
    if (!this.ok) return null
    const count = this.offsets.length
    const parts: Buffer[] = []
    let at = 0
    const put = (data: Buffer): number => {
      const start = at
      parts.push(data)
      at += data.length
      const pad = (4 - (at % 4)) % 4
      if (pad > 0) {
        parts.push(Buffer.alloc(pad))
        at += pad
      }
      return start
    }
    const offsets = put(Buffer.from(Uint32Array.from(this.offsets).buffer))
    const fields: FieldHeader[] = []
    for (let f = 0; f < this.fields.length; f++) {
      await breathe()
      fields.push(await this.encodeField(f, count, put, breathe))
    }
    const header: Header = { format: COLUMN_FORMAT, count, offsets, fields }
    let json = Buffer.from(JSON.stringify(header))
    const pad = (8 - ((8 + json.length) % 8)) % 8
    if (pad > 0) json = Buffer.concat([json, Buffer.alloc(pad, 0x20)])
    const head = Buffer.alloc(8)
    head.writeUInt32LE(MAGIC, 0)
    head.writeUInt32LE(json.length, 4)
    return Buffer.concat([head, json, ...parts])
  }

  private async encodeField(f: number, count: number, put: (data: Buffer) => number, breathe: () => Promise<void>): Promise<FieldHeader> {
    const name = this.fields[f]
    const values = this.values[f]
    {
      const unique = new Map<string, number>()
      for (const v of values) if (v !== null && !unique.has(v) && unique.size <= Math.max(64, count >> 3)) unique.set(v, unique.size)
      if (unique.size <= Math.max(64, count >> 3)) {
        const index = Int32Array.from(values, (v) => (v === null ? -1 : unique.get(v)!))
        return { name, kind: 'dict', dict: [...unique.keys()], index: put(Buffer.from(index.buffer)) }
      }
      // Written in place into one buffer: no Buffer per value.
      const starts = new Uint32Array(count + 1)
      for (let i = 0; i < count; i++) {
        const v = values[i]
        starts[i + 1] = starts[i] + (v === null ? 0 : Buffer.byteLength(v, 'utf8'))
        if ((i & 1023) === 1023) await breathe()
      }
      const data = Buffer.allocUnsafe(starts[count])
      for (let i = 0; i < count; i++) {
        const v = values[i]
        if (v !== null) data.write(v, starts[i], 'utf8')
        if ((i & 1023) === 1023) await breathe()
      }
      const hasNulls = values.includes(null)
      const startsAt = put(Buffer.from(starts.buffer))
      const dataAt = put(data)
      const nulls = hasNulls ? put(Buffer.from(values.map((v) => (v === null ? 1 : 0)))) : -1
      const hashes = ID_FIELDS.has(name) && !hasNulls ? valueHashes(data, starts) : null
      return { name, kind: 'bytes', starts: startsAt, data: dataAt, dataBytes: data.length, nulls, hashes: hashes === null ? -1 : put(Buffer.from(hashes.buffer)) }
    }
  }
}

/**
 * Reads a column file and checks it against the size and sha256 the manifest gives and the
 * record count and fields expected. Any mismatch is a reason, not an exception: the caller
 * falls back to the segment's own lines, which are the record of truth. With a `reader`, the
 * file is read and hashed on its thread (columnReader.ts).
 */
export async function readColumnFile(
  file: string,
  expect: { bytes: number; sha256: string; records: number; fields: readonly string[] },
  buffers?: ReadBuffers,
  reader?: ColumnFileReader,
): Promise<{ batch: ColumnBatch; buffer?: Buffer } | { problem: string }> {
  let raw: Buffer
  let buffer: Buffer | undefined
  let sha256: string | undefined
  try {
    if (buffers === undefined) raw = await fsp.readFile(file)
    else {
      buffer = buffers.take(expect.bytes)
      const read = reader ? await reader.read(file, buffer, expect.bytes) : null
      if (read === null) raw = await readInto(file, buffer)
      else if ('missing' in read) throw new Error('missing')
      else {
        raw = buffer.subarray(0, read.size)
        sha256 = read.sha256
      }
    }
  } catch {
    if (buffer) buffers!.give(buffer)
    return { problem: 'it is missing' }
  }
  const problem = (text: string) => {
    if (buffer) buffers!.give(buffer)
    return { problem: text }
  }
  if (raw.length !== expect.bytes) return problem(`it is ${raw.length} bytes long, the manifest says ${expect.bytes}`)
  sha256 ??= createHash('sha256').update(raw).digest('hex')
  if (sha256 !== expect.sha256) return problem('its checksum is not the one in the manifest')
  // Typed arrays need their start at a multiple of their element size.
  const bytes = raw.byteOffset % 8 === 0 ? raw : Buffer.from(raw)
  try {
    return { batch: decode(bytes, expect.records, expect.fields), buffer }
  } catch (error) {
    return problem((error as Error).message)
  }
}

/**
 * The buffers open reads column files into, each used again for a later file once the one
 * before in it is loaded: a new buffer per file (300 MB at a million files, most of it let go
 * at once) was what forced many of open's collections. What a loader keeps of a batch it
 * copies (LoadSink.columns).
 */
export class ReadBuffers {
  private readonly free: Buffer[] = []

  constructor(private readonly keep: number) {}

  /** A buffer of at least `bytes`, at the start of its own memory (typed arrays over it need that). */
  take(bytes: number): Buffer {
    const fits = this.free.findIndex((b) => b.length >= bytes)
    if (fits >= 0) return this.free.splice(fits, 1)[0]
    // Room to spare, so the next files (of about the same size) fit too; shared, so that the
    // reading thread (columnReader.ts) reads into it.
    return Buffer.from(new SharedArrayBuffer(Math.max(bytes + (bytes >> 2), 1 << 16)))
  }

  give(buffer: Buffer): void {
    this.free.push(buffer)
    if (this.free.length > this.keep) this.free.sort((a, b) => b.length - a.length).pop()
  }
}

/** Reads the whole of `file` into the start of `buffer` (the caller sized it from the manifest); what was read. */
async function readInto(file: string, buffer: Buffer): Promise<Buffer> {
  const handle = await fsp.open(file, 'r')
  try {
    let at = 0
    for (;;) {
      // A file longer than the buffer (than the manifest says) is read whole, so its size is told apart.
      const { bytesRead } = await handle.read(buffer, at, Math.min(buffer.length - at, 1 << 24), at)
      if (bytesRead === 0) break
      at += bytesRead
      if (at === buffer.length) return Buffer.concat([buffer, await fsp.readFile(file).then((all) => all.subarray(at))])
    }
    return buffer.subarray(0, at)
  } finally {
    await handle.close()
  }
}

/** A copy of a column that owns its memory (a batch's arrays are views of a buffer read into again). */
export function ownColumn(column: StringColumn): StringColumn {
  if (column.kind === 'dict') return { kind: 'dict', dict: column.dict, index: column.index.slice() }
  return { kind: 'bytes', data: column.data.slice(), starts: column.starts.slice(), nulls: column.nulls?.slice() ?? null, hashes: column.hashes?.slice() ?? null }
}

function decode(bytes: Buffer, records: number, fieldNames: readonly string[]): ColumnBatch {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== MAGIC) throw new Error('it is not a column file')
  const headerLength = bytes.readUInt32LE(4)
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as Header
  if (!READABLE_FORMATS.includes(header.format)) throw new Error(`it is of format ${header.format}`)
  if (header.count !== records) throw new Error(`it holds ${header.count} records, the manifest says ${records}`)
  const names = header.fields.map((f) => f.name)
  if (fieldNames.some((n) => !names.includes(n))) throw new Error('it lacks fields')
  const base = bytes.byteOffset + 8 + headerLength
  const count = header.count
  const u32 = (at: number, n: number) => new Uint32Array(bytes.buffer, base + at, n)
  const fields: Record<string, StringColumn> = {}
  for (const f of header.fields) {
    if (f.kind === 'dict') fields[f.name] = { kind: 'dict', dict: f.dict, index: new Int32Array(bytes.buffer, base + f.index, count) }
    else {
      fields[f.name] = {
        kind: 'bytes',
        starts: u32(f.starts, count + 1),
        data: new Uint8Array(bytes.buffer, base + f.data, f.dataBytes),
        nulls: f.nulls < 0 ? null : new Uint8Array(bytes.buffer, base + f.nulls, count),
        hashes: f.hashes === undefined || f.hashes < 0 ? null : u32(f.hashes, count),
      }
    }
  }
  // The checksum vouches for the bytes; these vouch for the writer: no index may point outside.
  for (const column of Object.values(fields)) {
    if (column.kind === 'dict') {
      for (let i = 0; i < count; i++) if (column.index[i] >= column.dict.length || column.index[i] < -1) throw new Error('a field points outside its list')
    } else if (column.starts[count] > column.data.length) throw new Error('a field points outside its text')
  }
  return { count, format: header.format, offsets: u32(header.offsets, count), fields }
}

/** asciiHash of each value of a `bytes` column, or null when one is not ASCII (or too long to be an id). */
export function valueHashes(data: Uint8Array, starts: Uint32Array): Uint32Array | null {
  const count = starts.length - 1
  const out = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    const h = starts[i + 1] - starts[i] > 0xffff ? -1 : asciiHash(data, starts[i], starts[i + 1])
    if (h < 0) return null
    out[i] = h
  }
  return out
}

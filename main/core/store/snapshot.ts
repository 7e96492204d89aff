import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { AppError } from '../../../shared/errors.js'
import { TABLE_NAMES, type TableName, type Tables } from '../../../shared/domain.js'
import { CURRENT_SCHEMA_VERSION, LEGACY_SCHEMA_VERSION, migrate } from './migrations.js'
import { isTableName, recordProblem } from './shape.js'

export interface SnapshotData {
  schemaVersion: number
  /** The last journal sequence number folded into this snapshot. */
  seq: number
  libraryId: string
  createdAt: number
  tables: { [T in TableName]: Tables[T][] }
}

export function emptyTables(): SnapshotData['tables'] {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as SnapshotData['tables']
}

/**
 * How long serialising may hold the event loop at a time. A call's change waits for the
 * loop at each of its I/O steps (journal write, fsync, reply), so each step can lose up
 * to one slice: with 500-record chunks (a few milliseconds each) a change took several
 * times longer while a compaction ran.
 */
const SLICE_MS = 0.25
/** Serialised text is handed to the file in pieces of about this size, so writes stay few. */
const WRITE_CHARS = 1024 * 1024

/**
 * lowdb adapter for `library.json`. Reading refuses a damaged file with its path and the
 * offending position, and is never overwritten (docs/store.md). Writing is atomic (temp file,
 * fsync, rename) and incremental: records are serialised in slices of a fraction of a
 * millisecond with the event loop free in between, so compacting 100,000 records does not
 * stall calls.
 */
export class SnapshotFile implements Adapter<SnapshotData> {
  constructor(readonly file: string) {}

  async read(): Promise<SnapshotData | null> {
    let text: string
    try {
      const bytes = await fsp.readFile(this.file)
      text = bytes.toString('utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return null
      if (code === 'ERR_STRING_TOO_LONG' || code === 'ERR_FS_FILE_TOO_LARGE' || error instanceof RangeError) throw tooLarge(this.file)
      throw error
    }
    if (text.length > readLimits.maxStringChars) throw tooLarge(this.file)
    return parseSnapshot(this.file, text)
  }

  async write(data: SnapshotData): Promise<void> {
    const tmp = `${this.file}.${process.pid}.tmp`
    const handle = await fsp.open(tmp, 'w')
    try {
      let pending: string[] = []
      let pendingChars = 0
      const add = (text: string) => {
        pending.push(text)
        pendingChars += text.length
      }
      const flush = async () => {
        const text = pending.join('')
        pending = []
        pendingChars = 0
        if (text !== '') await handle.write(text)
      }
      const head = { schemaVersion: data.schemaVersion, seq: data.seq, libraryId: data.libraryId, createdAt: data.createdAt }
      add(`${JSON.stringify(head).slice(0, -1)},"tables":{`)
      let firstTable = true
      let sliceStart = performance.now()
      for (const name of TABLE_NAMES) {
        const rows = data.tables[name]
        add(`${firstTable ? '' : ','}\n${JSON.stringify(name)}:[`)
        firstTable = false
        for (let i = 0; i < rows.length; i++) {
          add(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(rows[i])}`)
          // The clock is read every 16 records: cheap next to serialising them.
          if ((i & 15) === 15 && performance.now() - sliceStart > SLICE_MS) {
            if (pendingChars >= WRITE_CHARS) await flush()
            else await new Promise((resolve) => setImmediate(resolve))
            sliceStart = performance.now()
          }
        }
        add(']')
      }
      add('}}\n')
      await flush()
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fsp.rename(tmp, this.file)
    await syncDir(path.dirname(this.file))
  }
}

/**
 * The longest string V8 can hold. A seam: tests lower it instead of writing a snapshot of
 * half a gigabyte.
 */
export const readLimits = { maxStringChars: 536_870_888 }

function tooLarge(file: string): AppError {
  const size = fs.statSync(file).size
  return new AppError(
    'LIBRARY_TOO_LARGE',
    `The library file ${file} (${(size / 1024 / 1024).toFixed(0)} MB) is larger than this version of Trove can read in one piece. It has not been changed; a newer version of Trove reads it.`,
    { file, size },
  )
}

/**
 * Parses library.json text, of either format, refusing damage with the file and position
 * and a schema newer than this version reads. Returns the parsed object.
 */
export function parseLibraryDocument(file: string, text: string): Record<string, unknown> {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const match = /position (\d+)/.exec(message)
    // V8 leaves the position out of "Unexpected token 'x', ..." messages, yet a damaged file is
    // reported at the offending position, not the end of the file: find it then.
    throw damagedAt(file, text, match ? Number(match[1]) : /Unexpected end/.test(message) ? text.length : jsonErrorPosition(text), message)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || typeof (raw as { schemaVersion?: unknown }).schemaVersion !== 'number') {
    throw new AppError('LIBRARY_CORRUPT', `The library file ${file} is not a library (no schemaVersion).`, { file, position: 0 })
  }
  refuseNewer(file, (raw as { schemaVersion: number }).schemaVersion)
  return raw as Record<string, unknown>
}

export function refuseNewer(file: string, version: number): void {
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new AppError(
      'LIBRARY_TOO_NEW',
      `The library file ${file} was written by a newer version of Trove (schema ${version}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Trove to open it.`,
      { file, schemaVersion: version, supported: CURRENT_SCHEMA_VERSION },
    )
  }
}

/** A library.json of the one-document format (schema 1), as a string: migrated, checked. */
export function parseSnapshot(file: string, text: string): SnapshotData {
  const raw = parseLibraryDocument(file, text)
  if (!('tables' in raw)) {
    throw new AppError('LIBRARY_CORRUPT', `The library file ${file} is not a library snapshot (no tables).`, { file, position: 0 })
  }
  const data = migrate(raw as unknown as SnapshotData, undefined, LEGACY_SCHEMA_VERSION)
  const problem = snapshotProblem(data)
  if (problem) throw damagedAt(file, text, valueOffset(text, problem.at), problem.text)
  for (const name of TABLE_NAMES) if (data.tables[name] === undefined) (data.tables as Record<string, unknown[]>)[name] = []
  return data
}

/** The first thing in a parsed snapshot the store could not hold, with the path to it. */
function snapshotProblem(data: SnapshotData): { text: string; at: (string | number)[] } | null {
  if (!Number.isSafeInteger(data.seq) || data.seq < 0) return { text: `the seq is ${JSON.stringify(data.seq)}`, at: ['seq'] }
  const tables = data.tables as unknown
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) return { text: 'the tables are not an object', at: ['tables'] }
  for (const [name, rows] of Object.entries(tables)) {
    if (!isTableName(name)) return { text: `unknown table ${JSON.stringify(name)}`, at: ['tables', name] }
    if (rows === undefined) continue
    if (!Array.isArray(rows)) return { text: `the table ${name} is not a list`, at: ['tables', name] }
    for (let i = 0; i < rows.length; i++) {
      const problem = recordProblem(rows[i])
      if (problem) return { text: `${name} record ${i}: ${problem}`, at: ['tables', name, i] }
    }
  }
  return null
}

/**
 * Where the value at `at` (object keys and array indexes) starts in valid JSON text, for
 * naming the place of a wrong-shaped value; 0 if it is not found.
 */
export function valueOffset(text: string, at: (string | number)[]): number {
  const space = /[ \t\n\r]*/y
  const string = /"(?:[^"\\]|\\.)*"/y
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y
  let i = 0
  const skipSpace = () => {
    space.lastIndex = i
    space.test(text)
    i = space.lastIndex
  }
  const skipValue = (): void => {
    skipSpace()
    const open = text[i]
    if (open !== '{' && open !== '[') {
      const re = open === '"' ? string : literal
      re.lastIndex = i
      if (re.test(text)) i = re.lastIndex
      return
    }
    // Strings are skipped whole, so brackets inside them do not count.
    let depth = 0
    while (i < text.length) {
      const c = text[i]
      if (c === '"') {
        string.lastIndex = i
        i = string.test(text) ? string.lastIndex : text.length
        continue
      }
      if (c === '{' || c === '[') depth++
      else if (c === '}' || c === ']') depth--
      i++
      if (depth === 0) return
    }
  }
  for (const key of at) {
    skipSpace()
    const open = text[i]
    i++
    let found = false
    for (let index = 0; i < text.length; index++) {
      skipSpace()
      if (text[i] === '}' || text[i] === ']') break
      if (open === '{') {
        string.lastIndex = i
        if (!string.test(text)) return 0
        const name = JSON.parse(text.slice(i, string.lastIndex)) as string
        i = string.lastIndex
        skipSpace()
        i++ // the colon
        if (name === key) {
          found = true
          break
        }
      } else if (index === key) {
        found = true
        break
      }
      skipValue()
      skipSpace()
      if (text[i] === ',') i++
    }
    if (!found) return 0
  }
  skipSpace()
  return i
}

/**
 * Where JSON text stops being valid: the start of the first token that cannot be there. Only
 * asked when V8 gave no position, which it does give for every error inside a string.
 */
export function jsonErrorPosition(text: string): number {
  const space = /[ \t\n\r]*/y
  const string = /"(?:[^"\\]|\\.)*"/y
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y
  let i = 0
  const take = (re: RegExp): boolean => {
    re.lastIndex = i
    if (!re.test(text)) return false
    i = re.lastIndex
    return true
  }
  const char = (c: string): boolean => {
    take(space)
    if (text[i] !== c) return false
    i++
    return true
  }
  const value = (): boolean => {
    take(space)
    const close = text[i] === '{' ? '}' : text[i] === '[' ? ']' : null
    if (!close) return take(string) || take(literal)
    i++
    if (char(close)) return true
    do {
      if (close === '}' && !(take(space) && take(string) && char(':'))) return false
      if (!value()) return false
    } while (char(','))
    return char(close)
  }
  if (value()) take(space)
  return Math.min(i, text.length)
}

/** A library file refused for damage at a position, named by line and column too; the file is left as it is. */
export function damagedAt(file: string, text: string, position: number, what: string): AppError {
  const { line, column } = lineColumn(text, position)
  return new AppError(
    'LIBRARY_CORRUPT',
    `The library file ${file} is damaged at position ${position} (line ${line}, column ${column}): ${what}. It has not been changed; restore it from a backup.`,
    { file, position, line, column },
  )
}

export function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1
  let lastBreak = -1
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++
    lastBreak = i
  }
  return { line, column: position - lastBreak }
}

export async function syncDir(dir: string): Promise<void> {
  // Directory fsync makes a rename durable; some platforms (Windows) refuse it, which is harmless there.
  try {
    const handle = await fsp.open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    /* not supported on this platform */
  }
}

export function syncDirSync(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    /* not supported on this platform */
  }
}

/** A lowdb database over the snapshot file. */
export function snapshotDb(file: string, initial: SnapshotData): Low<SnapshotData> {
  return new Low(new SnapshotFile(file), initial)
}

import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import type { Id, TableName } from '../../shared/domain.js'
import { AppError } from '../../shared/errors.js'
import { FileRecordLog } from '../core/store/fileRecordLog.js'
import { migrateSchema } from '../core/store/pgSchema.js'
import type { BlobStore } from '../core/blobs/blobStore.js'
import { openBlobStore, parseBlobLocation } from '../core/blobs/openBlobStore.js'
import { BLOB_GRACE_MS } from './teamServer.js'

export interface ExportOptions {
  /** The local library folder (it is locked while the export runs). */
  from: string
  /** The PostgreSQL URL of the team library to fill: empty, or holding an export of this library cut short. */
  database: string
  /** The team library's blob store: a folder (it holds `sha256/ab/cdef…`) or `s3://bucket[/prefix]`; omitted, only records are copied. */
  blobs?: string
  /** Progress lines. */
  log?: (line: string) => void
  /** Records per transaction. */
  batch?: number
}

export interface ExportResult {
  libraryId: string
  seq: number
  records: number
  blobs: number
  blobBytes: number
  /** The export went on from where an earlier run stopped. */
  resumed: boolean
}

type AnyRecord = { id: Id } & Record<string, unknown>

/**
 * Copies a local library (records and blobs) into an empty team library (docs/team.md). The
 * source is locked for the whole run, so it cannot change meanwhile. Blobs are copied first,
 * then the records in batches, each batch in a transaction that also moves the resume point;
 * a run cut short goes on from there. At the end the counts and the hash of every record and
 * blob are checked against the source, and only then is the counter set to the source's
 * seq, which makes the library openable.
 */
export async function exportToServer(options: ExportOptions): Promise<ExportResult> {
  const say = options.log ?? (() => undefined)
  const source = FileRecordLog.open(path.resolve(options.from))
  try {
    const tables = new Map<TableName, Map<Id, AnyRecord>>()
    const tableOf = (t: TableName) => {
      let map = tables.get(t)
      if (!map) tables.set(t, (map = new Map()))
      return map
    }
    const state = await source.load({
      record: (t, r) => void tableOf(t).set(r.id, r as AnyRecord),
      change: (c) => {
        for (const [t, rows] of Object.entries(c.put) as unknown as [TableName, AnyRecord[]][]) for (const r of rows) tableOf(t).set(r.id, r)
        for (const [t, id] of c.del) tables.get(t)?.delete(id)
      },
    })
    say(`read ${count(tables)} records of library ${state.libraryId} at change ${state.seq}`)
    await migrateSchema(options.database)
    const client = new pg.Client({ connectionString: options.database })
    await client.connect()
    try {
      const resumeAfter = await claimTarget(client, state.libraryId, state.seq)
      const target = options.blobs ? openBlobStore(parseBlobLocation(options.blobs), { graceMs: BLOB_GRACE_MS }) : null
      try {
        const blobs = target ? await copyBlobs(path.resolve(options.from, 'blobs', 'sha256'), target, tables, say) : { count: 0, bytes: 0 }
        const records = await copyRecords(client, tables, resumeAfter, options.batch ?? 1000, say)
        await verify(client, tables, target, say)
        await finish(client, state)
        say(`done: ${records} records, ${blobs.count} blobs (${blobs.bytes} bytes)`)
        return { libraryId: state.libraryId, seq: state.seq, records, blobs: blobs.count, blobBytes: blobs.bytes, resumed: resumeAfter !== null }
      } finally {
        await target?.close()
      }
    } finally {
      await client.end().catch(() => undefined)
    }
  } finally {
    await source.close().catch(() => undefined)
  }
}

/** The counter takes the source's seq, id and time, and the export is marked done: the library can now be opened. */
async function finish(client: pg.Client, state: { libraryId: string; createdAt: number; seq: number }): Promise<void> {
  await client.query('BEGIN')
  try {
    await client.query('UPDATE trove_library SET library_id = $1, created_at = $2, seq = $3', [state.libraryId, state.createdAt, state.seq])
    await client.query('UPDATE trove_export SET finished = true')
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}

function count(tables: Map<TableName, Map<Id, AnyRecord>>): number {
  let n = 0
  for (const m of tables.values()) n += m.size
  return n
}

/**
 * Takes the target for this export: an empty team library gets its export row; one holding
 * this export cut short gives where to go on from (a source changed since means starting
 * over, the target never having been opened). Anything else is refused, touching nothing.
 */
async function claimTarget(client: pg.Client, libraryId: string, seq: number): Promise<[string, string] | null> {
  await client.query('BEGIN')
  try {
    const marker = (await client.query<{ library_id: string; seq: string; after_tbl: string; after_id: string; finished: boolean }>('SELECT * FROM trove_export FOR UPDATE')).rows[0]
    const counter = Number((await client.query<{ seq: string }>('SELECT seq FROM trove_library')).rows[0].seq)
    const occupied = counter > 0 || (await client.query('SELECT 1 FROM trove_records LIMIT 1')).rowCount! > 0
    let resume: [string, string] | null = null
    if (!marker) {
      if (occupied) throw new AppError('CONFLICT', 'The database already holds a team library; export only into an empty one.')
      await client.query('INSERT INTO trove_export (library_id, seq) VALUES ($1, $2)', [libraryId, seq])
    } else if (marker.finished) {
      throw new AppError('CONFLICT', marker.library_id === libraryId ? 'This library was already exported into this database.' : 'The database already holds a team library; export only into an empty one.')
    } else if (marker.library_id !== libraryId || Number(marker.seq) !== seq) {
      if (marker.library_id !== libraryId) throw new AppError('CONFLICT', 'The database holds an unfinished export of another library.')
      // The source changed after the run was cut short: its records are copied again from the start.
      await client.query('DELETE FROM trove_records')
      await client.query(`UPDATE trove_export SET seq = $1, after_tbl = '', after_id = ''`, [seq])
    } else if (marker.after_tbl !== '') resume = [marker.after_tbl, marker.after_id]
    await client.query('COMMIT')
    return resume
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}

const byKey = (a: [string, string], b: [string, string]) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)

async function copyRecords(client: pg.Client, tables: Map<TableName, Map<Id, AnyRecord>>, after: [string, string] | null, batch: number, say: (line: string) => void): Promise<number> {
  const keys: [string, string][] = []
  for (const [t, map] of tables) for (const id of map.keys()) keys.push([t, id])
  keys.sort(byKey)
  const start = after ? keys.findIndex((k) => byKey(k, after) > 0) : 0
  const todo = start < 0 ? [] : keys.slice(start)
  if (after) say(`resuming after ${keys.length - todo.length} records already copied`)
  for (let i = 0; i < todo.length; i += batch) {
    const part = todo.slice(i, i + batch)
    const bodies = part.map(([t, id]) => JSON.stringify(tables.get(t as TableName)!.get(id)))
    await client.query('BEGIN')
    try {
      await client.query(
        `INSERT INTO trove_records (tbl, id, body) SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])
         ON CONFLICT (tbl, id) DO UPDATE SET body = EXCLUDED.body`,
        [part.map((k) => k[0]), part.map((k) => k[1]), bodies],
      )
      const last = part.at(-1)!
      await client.query('UPDATE trove_export SET after_tbl = $1, after_id = $2', last)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    }
    if ((i / batch) % 50 === 49) say(`${i + part.length} of ${todo.length} records copied`)
  }
  return keys.length
}

/** The blob hashes the records refer to (every version of every file). */
function referencedBlobs(tables: Map<TableName, Map<Id, AnyRecord>>): Set<string> {
  const hashes = new Set<string>()
  for (const asset of tables.get('assets')?.values() ?? []) {
    if (asset.kind !== 'file') continue
    for (const v of (asset.versions as { hash: string }[] | undefined) ?? []) hashes.add(v.hash)
  }
  return hashes
}

const blobPath = (root: string, hash: string) => path.join(root, hash.slice(0, 2), hash.slice(2))

/**
 * Copies each referenced blob the target does not hold whole yet, through the blob store's own
 * put (which hashes what it stores and refuses content that does not match its hash).
 */
async function copyBlobs(from: string, target: BlobStore, tables: Map<TableName, Map<Id, AnyRecord>>, say: (line: string) => void): Promise<{ count: number; bytes: number }> {
  const hashes = [...referencedBlobs(tables)]
  const missing = hashes.filter((h) => !fs.existsSync(blobPath(from, h)))
  if (missing.length > 0) throw new AppError('LIBRARY_CORRUPT', `The library refers to ${missing.length} file content(s) missing from ${from}; nothing was exported.`, { missing: missing.slice(0, 10) })
  let bytes = 0
  let copied = 0
  for (const hash of hashes) {
    const size = fs.statSync(blobPath(from, hash)).size
    bytes += size
    // One already there (a run cut short) is kept only if its bytes still match its hash.
    if ((await target.size(hash)) === size && (await target.verify(hash))) continue
    await target.put(fs.createReadStream(blobPath(from, hash)), { expectHash: hash })
    target.release(hash)
    copied++
    if (copied % 500 === 0) say(`${copied} blobs copied`)
  }
  return { count: hashes.length, bytes }
}

/** Sorted keys at every level: jsonb keeps its own key order, so bodies are compared in this form. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex')

/** Every record in the database is the source's, and none is missing; every blob's content has its hash. */
async function verify(client: pg.Client, tables: Map<TableName, Map<Id, AnyRecord>>, blobs: BlobStore | null, say: (line: string) => void): Promise<void> {
  const expected = new Map<string, string>()
  for (const [t, map] of tables) for (const [id, r] of map) expected.set(`${t}\n${id}`, digest(canonical(r)))
  let seen = 0
  const mismatched: string[] = []
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
  try {
    await client.query('DECLARE trove_verify NO SCROLL CURSOR FOR SELECT tbl, id, body::text AS body FROM trove_records')
    for (;;) {
      const { rows } = await client.query<{ tbl: string; id: string; body: string }>('FETCH 5000 FROM trove_verify')
      for (const row of rows) {
        seen++
        const want = expected.get(`${row.tbl}\n${row.id}`)
        if (want === undefined || want !== digest(canonical(JSON.parse(row.body)))) mismatched.push(`${row.tbl}/${row.id}`)
      }
      if (rows.length < 5000) break
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
  if (seen !== expected.size || mismatched.length > 0) {
    throw new AppError('INTERNAL', `The export does not match the library: ${seen} records in the database against ${expected.size}, ${mismatched.length} different. Run the export again.`, {
      different: mismatched.slice(0, 10),
    })
  }
  say(`verified ${seen} records`)
  if (!blobs) return
  const bad: string[] = []
  for (const hash of referencedBlobs(tables)) {
    if (await blobs.verify(hash)) continue
    bad.push(hash)
  }
  if (bad.length > 0) throw new AppError('INTERNAL', `${bad.length} blob(s) at the target do not hold the content of their hash. Run the export again.`, { blobs: bad.slice(0, 10) })
  say(`verified the blobs`)
}

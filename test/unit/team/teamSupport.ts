import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { expect } from 'vitest'
import type { Library } from '../../../main/core/index.js'
import { TABLE_NAMES } from '../../../shared/domain.js'

export { openServer } from './fixtures/openServer.js'

export function tempDir(prefix = 'trove-team-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Waits until `check` holds, asking again after each turn of the event loop: for changes followed from another process. */
type Maybe<T> = T | false | null | undefined

export async function eventually<T>(check: () => Maybe<T> | Promise<Maybe<T>>, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await check()
      if (value !== false && value !== undefined && value !== null) return value as T
    } catch (error) {
      last = error
    }
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Every record of a library's memory, by table, sorted by id: for "both see the same" comparisons. */
export function memoryOf(library: Library): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {}
  for (const t of TABLE_NAMES) {
    out[t] = [...(library.core.store.tables[t] as { values(): Iterable<{ id: string }> }).values()].sort((a, b) => (a.id < b.id ? -1 : 1))
  }
  return out
}

/**
 * Checks the database is whole: the counter is the last change, the changes are numbered
 * without a gap, and replaying every change from the start gives exactly the records table.
 */
export async function expectConsistent(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ')
    const counter = Number((await client.query('SELECT seq FROM trove_library')).rows[0].seq)
    const changes = (await client.query('SELECT seq, put, del FROM trove_changes ORDER BY seq')).rows
    const records = (await client.query('SELECT tbl, id, body FROM trove_records')).rows as { tbl: string; id: string; body: unknown }[]
    await client.query('COMMIT')
    expect(changes.map((c) => Number(c.seq))).toEqual(Array.from({ length: counter }, (_, i) => i + 1))
    const replayed = new Map<string, unknown>()
    for (const change of changes) {
      for (const [tbl, rows] of Object.entries(change.put as Record<string, { id: string }[]>)) for (const row of rows) replayed.set(`${tbl}/${row.id}`, row)
      for (const [tbl, id] of change.del as [string, string][]) replayed.delete(`${tbl}/${id}`)
    }
    const stored = new Map(records.map((r) => [`${r.tbl}/${r.id}`, r.body]))
    expect(stored.size).toBe(replayed.size)
    for (const [key, body] of replayed) expect(stored.get(key), key).toEqual(body)
    const out: Record<string, unknown[]> = {}
    for (const t of TABLE_NAMES) {
      out[t] = records.filter((r) => r.tbl === t).map((r) => r.body as { id: string }).sort((a, b) => (a.id < b.id ? -1 : 1))
    }
    return out
  } finally {
    await client.end()
  }
}

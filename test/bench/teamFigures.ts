import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openLibrary, type Library } from '../../main/core/index.js'
import { openPgRecordLog } from '../../main/core/store/pgRecordLog.js'
import { exportToServer } from '../../main/server/exportToServer.js'
import { postgresMissing, startPostgres, type PostgresServer } from '../support/postgres.js'
import { cachedLibrary, cacheRoot } from './libraryCache.js'
import { median, msText, now, percentile, wallMs } from './measure.js'
import type { Report } from './report.js'
import { FULL } from './scale.js'
import type { TeamProbeMessage } from './teamProbe.js'

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'teamProbe.ts')
const ADMIN = { name: 'Ada', email: 'ada@example.com' }
const ACKS = 400
const WARMUP = 30
const LAGS = 300
const LOAD_ROUNDS = 3

/**
 * `npm run bench -- team`: a team library on a private local PostgreSQL (fsync on) against the
 * file engine, in the same run: change acknowledgment, follower lag between two processes,
 * and the load of the 100,000-file library (docs/team.md).
 */
export async function teamFigures(report: Report, root: string, seed: number): Promise<void> {
  report.heading('team library (PostgreSQL)')
  const missing = postgresMissing()
  if (missing) {
    report.note(`skipped: ${missing}`)
    return
  }
  const server = await startPostgres()
  try {
    const url = await server.createDatabase()
    const pgLibrary = await openLibrary(path.join(root, 'pg-blobs'), { admin: ADMIN, recordLog: await openPgRecordLog({ url }) })
    const fileLibrary = await openLibrary(path.join(root, 'files'), { admin: ADMIN })
    const pgAcks = await acks(pgLibrary)
    const fileAcks = await acks(fileLibrary)
    await fileLibrary.close()
    const ackP50Ms = percentile(pgAcks, 50)
    const ackP99Ms = percentile(pgAcks, 99)
    const fileAckP50Ms = percentile(fileAcks, 50)
    report.figure('team ack p50', msText(ackP50Ms), 'reported against the file engine', true)
    report.figure('team ack p99', msText(ackP99Ms), 'reported', true)
    report.note(`file engine: p50 ${msText(fileAckP50Ms)}, p99 ${msText(percentile(fileAcks, 99))}; ${ACKS} sequential folder creations each`)
    const lags = await followerLags(pgLibrary, url)
    await pgLibrary.close()
    const lagP50Ms = percentile(lags, 50)
    const lagP99Ms = percentile(lags, 99)
    report.figure('follower lag p99', msText(lagP99Ms), '<= 50 ms', lagP99Ms <= 50)
    report.note(`p50 ${msText(lagP50Ms)}, max ${msText(Math.max(...lags))}; from the committing process's acknowledgment to the change in the other's memory, ${lags.length} changes`)
    const load = await loadFigures(report, server, root, seed)
    report.last(`TEAM ${JSON.stringify({ ackP50Ms: round(ackP50Ms), ackP99Ms: round(ackP99Ms), fileAckP50Ms: round(fileAckP50Ms), lagP50Ms: round(lagP50Ms), lagP99Ms: round(lagP99Ms), ...load })}`)
  } finally {
    await server.stop()
  }
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits))

/** Milliseconds from a call to its acknowledgment (durable), for sequential folder creations. */
async function acks(library: Library): Promise<number[]> {
  const admin = library.as(ADMIN.email)
  const homeId = library.core.store.indexes.rootId!
  const out: number[] = []
  for (let i = 0; i < WARMUP + ACKS; i++) {
    const start = now()
    await admin.call('folders.create', { parentId: homeId, name: `ack ${i}` })
    if (i >= WARMUP) out.push(now() - start)
  }
  return out
}

function probe(args: string[], onMessage: (m: TeamProbeMessage) => void): ChildProcess {
  // fork passes on tsx's loader flags (process.execArgv), so the probe runs as TypeScript too.
  const child = fork(PROBE, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  child.on('message', (m) => onMessage(m as TeamProbeMessage))
  return child
}

/** Changes committed here at an irregular pace, each timed until a follower in another process has it in memory. */
async function followerLags(library: Library, url: string): Promise<number[]> {
  const acked = new Map<number, number>()
  const applied = new Map<number, number>()
  library.core.store.onCommit((change) => acked.set(change.seq, wallMs()))
  let ready!: () => void
  const started = new Promise<void>((resolve) => (ready = resolve))
  const child = probe(['follow', url], (m) => {
    if ('ready' in m) ready()
    else if ('seq' in m) applied.set(m.seq, m.at)
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    await started
    const admin = library.as(ADMIN.email)
    const homeId = library.core.store.indexes.rootId!
    for (let i = 0; i < LAGS; i++) {
      await admin.call('folders.create', { parentId: homeId, name: `lag ${i}` })
      await new Promise((resolve) => setTimeout(resolve, 2 + (i % 7) * 3))
    }
    const last = library.core.store.seq
    const until = now() + 30_000
    while (!applied.has(last) && now() < until) await new Promise((resolve) => setTimeout(resolve, 20))
  } finally {
    child.disconnect()
    await exited
  }
  const lags: number[] = []
  for (const [seq, at] of acked) {
    const seen = applied.get(seq)
    if (seen !== undefined) lags.push(Math.max(0, seen - at))
  }
  return lags
}

/** The generated 100,000-file library: any cached one (a store change only renames the cache), else generated now. */
async function library100k(seed: number): Promise<string> {
  const root = cacheRoot()
  const found = fs.existsSync(root) ? fs.readdirSync(root).find((name) => /^files-100000-[0-9a-f]+$/.test(name) && fs.existsSync(path.join(root, `${name}.json`))) : undefined
  return found ? path.join(root, found) : (await cachedLibrary(FULL, seed)).dir
}

function loadProbe(args: string[]): Promise<{ seconds: number; records: number }> {
  return new Promise((resolve, reject) => {
    let result: { seconds: number; records: number } | null = null
    const child = probe(args, (m) => {
      if ('seconds' in m) result = m
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`load probe ${args[0]} exited with ${code}`))))
  })
}

async function loadFigures(report: Report, server: PostgresServer, root: string, seed: number): Promise<{ loadSeconds: number; fileLoadSeconds: number }> {
  const source = await library100k(seed)
  const copy = path.join(root, 'load-files')
  fs.cpSync(source, copy, { recursive: true })
  const url = await server.createDatabase()
  const start = now()
  // Records only: the generated library has no file contents.
  await exportToServer({ from: copy, database: url })
  report.note(`exported the 100k library into PostgreSQL in ${((now() - start) / 1000).toFixed(1)} s`)
  const files: number[] = []
  const pg: number[] = []
  let records = 0
  for (let i = 0; i < LOAD_ROUNDS; i++) {
    fs.rmSync(path.join(copy, 'library.lock'), { force: true })
    files.push((await loadProbe(['load-files', copy])).seconds)
    const fromPg = await loadProbe(['load-pg', url, path.join(root, 'load-pg')])
    pg.push(fromPg.seconds)
    records = fromPg.records
  }
  fs.rmSync(path.join(copy, 'library.lock'), { force: true })
  const loadSeconds = median(pg)
  const fileLoadSeconds = median(files)
  const ratio = loadSeconds / fileLoadSeconds
  report.figure('team load (100k files)', `${loadSeconds.toFixed(2)} s, ${ratio.toFixed(2)}x the files`, '<= 2.0x', ratio <= 2)
  report.note(`from files ${fileLoadSeconds.toFixed(2)} s; ${records} records; medians of ${LOAD_ROUNDS} fresh processes each (PostgreSQL ${pg.map((s) => s.toFixed(2)).join(', ')}; files ${files.map((s) => s.toFixed(2)).join(', ')})`)
  return { loadSeconds: round(loadSeconds), fileLoadSeconds: round(fileLoadSeconds) }
}

import { fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { cachedLibrary, workingCopy, type CachedLibrary } from './libraryCache.js'
import { mb, median, msText } from './measure.js'
import type { Report } from './report.js'
import { FULL, MILLION, NO_HIT_TERM, type Scale } from './scale.js'
import type { FiguresResult, OpenResult } from './scaleProbe.js'

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scaleProbe.ts')
const MB = 1024 * 1024

/** The 1M figures, one line for machines to read. Null where the library could not be opened or the figure not taken. */
interface ScaleLine {
  files: number
  openSeconds: number | null
  openSeconds100k: number | null
  rssSettledMB: number | null
  rssPeakMB: number | null
  ackP50Ms: number | null
  ackP99Ms: number | null
  worstAckDuringCompactionMs: number | null
  checksPerSecond: number | null
  searchNoHitMs: number | null
  list10kMs: number | null
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string }

/**
 * A probe in a fresh process with the heap limit the Electron main process has (4 GB), so
 * a library that does not fit there fails here too. A failure (the old format's string
 * limit, say) is an outcome to report, not a crash of the bench.
 */
function runProbe<T>(args: string[]): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    const child = fork(PROBE, args, { stdio: ['ignore', 'inherit', 'pipe', 'ipc'], execArgv: [...process.execArgv, '--max-old-space-size=4096'] })
    let result: T | null = null
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('message', (m) => (result = m as T))
    child.on('error', (error) => resolve({ ok: false, error: error.message }))
    child.on('exit', (code, signal) => {
      // The probe exits holding the lock; it is dead now, so the lock is stale.
      fs.rmSync(path.join(args[1], 'library.lock'), { force: true })
      if (code === 0 && result) return resolve({ ok: true, value: result })
      const line = stderr.split('\n').find((l) => /Error|heap/.test(l)) ?? stderr.split('\n')[0] ?? ''
      resolve({ ok: false, error: `${line.trim() || 'no message'} (exit ${code ?? signal})` })
    })
  })
}

interface Measured {
  label: string
  /** Seconds of each fresh-process open, the figures probe's last. */
  opens: number[]
  figures: FiguresResult | null
  error: string | null
}

async function measure(report: Report, root: string, label: string, scale: Scale, seed: number, openRounds: number): Promise<Measured> {
  report.heading(`${label} (${scale.files.toLocaleString('en')} files)`)
  const cached: CachedLibrary = await cachedLibrary(scale, seed)
  const { meta } = cached
  report.note(`${cached.fresh ? `generated in ${meta.generatedSeconds.toFixed(0)} s` : 'from the cache'}: ${meta.records.toLocaleString('en')} records, snapshot ${mb(meta.snapshotBytes)}, journal ${mb(meta.journalBytes)} (${cached.dir})`)
  const dir = workingCopy(cached, path.join(root, label))
  const metaFile = `${cached.dir}.json`
  const measured: Measured = { label, opens: [], figures: null, error: null }
  try {
    for (let round = 0; round < openRounds - 1 && measured.error === null; round++) {
      const open = await runProbe<OpenResult>(['open', dir])
      if (open.ok) measured.opens.push(open.value.seconds)
      else measured.error = open.error
    }
    if (measured.error === null) {
      const figures = await runProbe<FiguresResult>(['figures', dir, metaFile, String(seed)])
      if (figures.ok) {
        measured.figures = figures.value
        measured.opens.push(figures.value.seconds)
      } else measured.error = figures.error
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  printFigures(report, measured)
  return measured
}

function printFigures(report: Report, m: Measured): void {
  const open = m.opens.length ? median(m.opens) : null
  if (open === null) {
    report.figure(`${m.label} open`, 'cannot open', '<= 5 s', false)
    report.note(m.error ?? 'no figure')
    return
  }
  report.figure(`${m.label} open`, `${open.toFixed(2)} s`, '<= 5 s', open <= 5)
  report.note(`median of ${m.opens.length} fresh processes: ${m.opens.map((s) => s.toFixed(2)).join(', ')} s`)
  const f = m.figures
  if (f === null) {
    report.figure(`${m.label} figures after open`, 'failed', 'taken', false)
    report.note(m.error ?? 'no figure')
    return
  }
  report.figure(`${m.label} rss settled`, mb(f.rssSettled), '<= 1536 MB', f.rssSettled <= 1536 * MB)
  report.figure(`${m.label} rss peak`, mb(f.rssPeakEnd), '<= 2048 MB', f.rssPeakEnd <= 2048 * MB)
  report.note(`peak during open ${mb(f.rssPeak)}; rss after all figures ${mb(f.rssEnd)}`)
  report.figure(`${m.label} change ack p50`, msText(f.ackP50Ms), '<= 1 ms', f.ackP50Ms <= 1)
  report.figure(`${m.label} change ack p99`, msText(f.ackP99Ms), '<= 10 ms', f.ackP99Ms <= 10)
  report.note(`${f.ackCount} sequential changes by a restricted user`)
  report.figure(`${m.label} worst ack during compaction`, msText(f.worstAckDuringCompactionMs), '<= 50 ms', f.worstAckDuringCompactionMs <= 50)
  report.note(`${f.overlappedAcks} changes overlapping compaction(s) of ${f.compactionSeconds.map((s) => s.toFixed(2)).join(', ')} s; compact() held the loop ${msText(f.compactionStallMs)} before its first await`)
  const rate = (n: number) => `${Math.round(n).toLocaleString('en')}/s`
  report.figure(`${m.label} permission checks, first pass`, rate(f.checksFirstPerSecond), '>= 500,000/s', f.checksFirstPerSecond >= 500_000)
  report.note(`${f.checksFirstDone.toLocaleString('en')} random (restricted user, file) pairs right after open; second pass ${rate(f.checksSecondPerSecond)}; ${f.visiblePercent.toFixed(1)}% visible`)
  report.figure(`${m.label} restricted search, no hit`, msText(f.searchNoHitMs), '<= 50 ms', f.searchNoHitMs <= 50)
  report.note(`"${NO_HIT_TERM}": first ${msText(f.searchNoHitFirstMs)}, then median of 7; a hit ("beach", ${f.searchHitCount} items): ${msText(f.searchHitMs)}`)
  report.figure(`${m.label} 10,000-child listing`, msText(f.listMs), '<= 20 ms', f.listMs <= 20)
  report.note(`${f.listCount} items for a restricted viewer; first ${msText(f.listFirstMs)}, then median of 7`)
}

const load = () => `load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} on ${os.cpus().length} cores`

/**
 * `npm run bench -- scale`: libraries of 100,000 and 1,000,000 files, each generated once
 * into the cache and opened in fresh processes. Ends with one `SCALE {json}` line of the
 * million-file figures. BENCH_SCALE_ONLY=100k skips the million.
 */
export async function scaleFigures(report: Report, root: string, seed: number): Promise<void> {
  report.heading(`scale (seed ${seed}; ${load()})`)
  const small = await measure(report, root, '100k', FULL, seed, 3)
  const large = process.env.BENCH_SCALE_ONLY === '100k' ? null : await measure(report, root, '1M', MILLION, seed, 2)
  report.heading(`end of scale (${load()})`)
  const smallOpen = small.opens.length ? median(small.opens) : null
  const largeOpen = large?.opens.length ? median(large.opens) : null
  if (smallOpen !== null && largeOpen !== null) {
    const ratio = largeOpen / smallOpen
    report.figure('open 1M / open 100k', `${ratio.toFixed(2)}x`, '<= 10', ratio <= 10)
  }
  const f = large?.figures ?? null
  const round = (n: number | undefined | null, digits = 2) => (n === undefined || n === null || !Number.isFinite(n) ? null : Number(n.toFixed(digits)))
  const line: ScaleLine = {
    files: MILLION.files,
    openSeconds: round(largeOpen),
    openSeconds100k: round(smallOpen),
    rssSettledMB: round(f && f.rssSettled / MB, 0),
    rssPeakMB: round(f && f.rssPeakEnd / MB, 0),
    ackP50Ms: round(f?.ackP50Ms),
    ackP99Ms: round(f?.ackP99Ms),
    worstAckDuringCompactionMs: round(f?.worstAckDuringCompactionMs),
    checksPerSecond: round(f?.checksFirstPerSecond, 0),
    searchNoHitMs: round(f?.searchNoHitMs),
    list10kMs: round(f?.listMs),
  }
  report.last(`SCALE ${JSON.stringify(line)}`)
}

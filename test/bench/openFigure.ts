import { fork } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BenchLibrary } from './generate.js'
import { mb, median } from './measure.js'
import type { ProbeResult } from './openProbe.js'
import type { Report } from './report.js'

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'openProbe.ts')
const ROUNDS = 3

function runProbe(mode: 'parse' | 'open', dir: string): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    // fork passes on tsx's loader flags (process.execArgv), so the probe runs as TypeScript too.
    const child = fork(PROBE, [mode, dir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let result: ProbeResult | null = null
    child.on('message', (m) => (result = m as ProbeResult))
    child.on('error', reject)
    child.on('exit', (code) => {
      // The open probe exits holding the lock; it is dead now, so the lock is stale.
      fs.rmSync(path.join(dir, 'library.lock'), { force: true })
      if (code === 0 && result) resolve(result)
      else reject(new Error(`open probe (${mode}) exited with ${code}`))
    })
  })
}

/** Open time against JSON.parse of the same text, each in fresh processes, alternated so drift hits both. */
export async function openFigures(report: Report, lib: BenchLibrary): Promise<void> {
  const ratios: number[] = []
  const opens: ProbeResult[] = []
  const parses: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const parse = await runProbe('parse', lib.dir)
    const open = await runProbe('open', lib.dir)
    parses.push(parse.seconds)
    opens.push(open)
    ratios.push(open.seconds / parse.seconds)
  }
  const ratio = median(ratios)
  const openSeconds = median(opens.map((o) => o.seconds))
  report.figure('open', `${ratio.toFixed(2)}x JSON.parse`, '<= 2.0', ratio <= 2.0)
  report.note(`openLibrary ${openSeconds.toFixed(2)} s, JSON.parse ${median(parses).toFixed(2)} s (medians of ${ROUNDS} fresh processes; ratios ${ratios.map((r) => r.toFixed(2)).join(', ')})`)
  report.note(`snapshot ${mb(lib.snapshotBytes)}, ${lib.records} records; journal ${mb(lib.journalBytes)} replayed`)
  const rss = median(opens.map((o) => o.rss))
  report.figure('memory after open', `${mb(rss)} rss`, '<= 800 MB', rss <= 800 * 1024 * 1024)
  report.note(`heap used ${mb(median(opens.map((o) => o.heapUsed)))}; rss after a full GC ${mb(median(opens.map((o) => o.rssAfterGc)))}`)
}

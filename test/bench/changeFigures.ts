import type { Library } from '../../main/core/library.js'
import type { Store } from '../../main/core/store/store.js'
import { ChangeMaker } from './changeMaker.js'
import { duration, gc, msText, now, percentile, sequential, type Sample } from './measure.js'
import type { Report } from './report.js'

const WARM_UP = 100
const SEQUENTIAL = 1_000
const BURST = 10_000
const BASELINE = 1_000
const MIN_OVERLAPPED = 300
const MAX_COMPACTIONS = 5

export interface Latency {
  p50: number
  p99: number
  count: number
  /** Samples left out because an automatic compaction ran at the time. */
  excluded: number
}

/** Lets a compaction the store started by itself finish, so it does not colour the next figure. */
async function settle(store: Store): Promise<void> {
  if (store.isCompacting) await store.compact()
  gc()
}

/** p50 and p99 of changes awaited one at a time, leaving out any that met an automatic compaction. */
export async function sequentialLatency(library: Library, maker: ChangeMaker, count = SEQUENTIAL): Promise<Latency> {
  const store = library.core.store
  await settle(store)
  await sequential(WARM_UP, () => maker.next())
  await settle(store)
  const quiet: number[] = []
  let excluded = 0
  for (let i = 0; i < count; i++) {
    const busy = store.isCompacting
    const start = now()
    await maker.next()
    const ms = now() - start
    if (busy || store.isCompacting) excluded++
    else quiet.push(ms)
  }
  return { p50: percentile(quiet, 50), p99: percentile(quiet, 99), count: quiet.length, excluded }
}

export function latencyFigures(report: Report, big: Latency, small: Latency): void {
  report.figure('change acknowledged p50', msText(big.p50), '<= 3 ms', big.p50 <= 3)
  report.figure('change acknowledged p99', msText(big.p99), '<= 20 ms', big.p99 <= 20)
  report.note(`${big.count} sequential folders.create / tags.add by a restricted user${big.excluded ? `; ${big.excluded} left out (automatic compaction)` : ''}`)
  const ratio = big.p50 / small.p50
  report.figure('change p50, 100,000 vs 1,000 files', `${ratio.toFixed(2)}x`, '<= 1.5', ratio <= 1.5)
  report.note(`1,000-file library: p50 ${msText(small.p50)}, p99 ${msText(small.p99)} (p99 ratio ${(big.p99 / small.p99).toFixed(2)}x)`)
}

/** Every change issued at once, then all awaited: the journal's group commit is what is measured. */
export async function burstFigure(report: Report, library: Library, maker: ChangeMaker): Promise<void> {
  const store = library.core.store
  await settle(store)
  const before = store.seq
  let compacted = false
  const start = now()
  const pending: Promise<unknown>[] = []
  for (let i = 0; i < BURST; i++) pending.push(maker.next())
  const watch = setInterval(() => (compacted ||= store.isCompacting), 5)
  await Promise.all(pending)
  const seconds = (now() - start) / 1000
  clearInterval(watch)
  const rate = BURST / seconds
  report.figure('burst of 10,000 changes', `${Math.round(rate).toLocaleString('en')} committed/s`, '>= 1,000/s', rate >= 1_000)
  report.note(`${store.seq - before} committed in ${seconds.toFixed(2)} s${compacted ? '; the journal passed its threshold and a compaction started meanwhile' : ''}`)
}

export interface CompactionAcks {
  /** Changes whose time span overlaps a compaction. */
  overlapped: Sample[]
  /** How long each compaction took, in ms. */
  compactions: number[]
  /** The longest compact() held the event loop before its first await, in ms. */
  stall: number
}

/**
 * Sequential changes while store.compact() writes the snapshot. Only samples whose time
 * span overlaps the compaction are counted; more compactions are started until there are
 * enough of them.
 */
export async function compactionAcks(library: Library, maker: ChangeMaker, minOverlapped = MIN_OVERLAPPED, maxCompactions = MAX_COMPACTIONS): Promise<CompactionAcks> {
  const store = library.core.store
  const overlapped: Sample[] = []
  const compactions: number[] = []
  let stall = 0
  while (overlapped.length < minOverlapped && compactions.length < maxCompactions) {
    await settle(store)
    const begin = now()
    let end = Infinity
    const done = store.compact().then(() => (end = now()))
    // compact() copies the record lists before its first await: the event loop is held that long.
    stall = Math.max(stall, now() - begin)
    const samples = await sequential(Infinity, () => maker.next(), () => store.isCompacting)
    await done
    compactions.push(end - begin)
    overlapped.push(...samples.filter((s) => s.start < end && s.end > begin))
  }
  return { overlapped, compactions, stall }
}

/** compactionAcks against the same changes just before. */
export async function compactionFigure(report: Report, library: Library, maker: ChangeMaker): Promise<void> {
  const baseline = await sequentialLatency(library, maker, BASELINE)
  const { overlapped, compactions, stall } = await compactionAcks(library, maker)
  const p99 = percentile(overlapped.map(duration), 99)
  const ratio = p99 / baseline.p99
  report.figure('change p99 during compaction', `${ratio.toFixed(2)}x without`, '<= 2', ratio <= 2)
  report.note(`p99 ${msText(p99)} over ${overlapped.length} changes overlapping ${compactions.length} compaction(s) of ${compactions.map((c) => (c / 1000).toFixed(2)).join(', ')} s; without: p99 ${msText(baseline.p99)} over ${baseline.count}`)
  report.note(`p50 during ${msText(percentile(overlapped.map(duration), 50))}, max ${msText(Math.max(...overlapped.map(duration)))}; compact() held the event loop ${msText(stall)} before its first await`)
}

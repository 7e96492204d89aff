/**
 * Run in a fresh process by scaleFigures.ts, so that each open starts from an empty heap
 * as the app does and resident memory is the library's alone. `open DIR` times
 * openLibrary; `figures DIR META SEED` opens too, then measures reads and changes on the
 * library just opened (permission checks first, while every memo is empty).
 */
import fs from 'node:fs'
import { openLibrary, type Library } from '../../main/core/library.js'
import type { Id } from '../../shared/domain.js'
import { FOLDER, LIVE } from '../../main/core/store/assetColumns.js'
import { compactionAcks, sequentialLatency } from './changeFigures.js'
import { ChangeMaker } from './changeMaker.js'
import type { BenchLibrary } from './generate.js'
import type { LibraryMeta } from './libraryCache.js'
import { duration, gc, median, now } from './measure.js'
import { Prng } from './prng.js'
import { checkPairs } from './readFigures.js'
import { NO_HIT_TERM } from './scale.js'
import { reportToParent } from './childProbe.js'

const PAIRS = 1_000_000
const RUNS = 7

export interface OpenResult {
  seconds: number
  /** Highest resident memory of the process so far. */
  rssPeak: number
  /** Resident memory after full collections and a second's rest. */
  rssSettled: number
}

export interface FiguresResult extends OpenResult {
  checksFirstPerSecond: number
  checksFirstDone: number
  checksSecondPerSecond: number
  visiblePercent: number
  listMs: number
  listFirstMs: number
  listCount: number
  searchNoHitMs: number
  searchNoHitFirstMs: number
  searchHitMs: number
  searchHitCount: number
  ackP50Ms: number
  ackP99Ms: number
  ackCount: number
  worstAckDuringCompactionMs: number
  overlappedAcks: number
  compactionSeconds: number[]
  compactionStallMs: number
  rssEnd: number
  rssPeakEnd: number
}

const peakRss = () => process.resourceUsage().maxRSS * 1024

async function settledRss(): Promise<number> {
  gc()
  await new Promise((resolve) => setTimeout(resolve, 1000))
  gc()
  return process.memoryUsage().rss
}

async function timedOpen(dir: string): Promise<{ library: Library; result: OpenResult }> {
  gc()
  const start = now()
  const library = await openLibrary(dir)
  const seconds = (now() - start) / 1000
  const rssPeak = peakRss()
  const rssSettled = await settledRss()
  return { library, result: { seconds, rssPeak, rssSettled } }
}

/** The first call, then the median of RUNS more. */
async function timed(run: () => Promise<unknown>): Promise<{ first: number; median: number }> {
  let start = now()
  await run()
  const first = now() - start
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    start = now()
    await run()
    times.push(now() - start)
  }
  return { first, median: median(times) }
}

async function figures(dir: string, meta: LibraryMeta, seed: number): Promise<FiguresResult> {
  const { library, result: open } = await timedOpen(dir)
  const store = library.core.store
  // From the columns: reading every record would bring a million cold records in from disk.
  const fileIds: Id[] = []
  const { columns } = store.indexes
  for (let slot = 0; slot < columns.length; slot++) if ((columns.flags[slot] & (LIVE | FOLDER)) === LIVE) fileIds.push(columns.idOf(slot))
  const prng = new Prng(seed)
  const draw = () => ({
    users: Array.from({ length: PAIRS }, () => prng.pick(meta.restrictedIds)),
    files: Array.from({ length: PAIRS }, () => prng.pick(fileIds)),
  })
  const first = draw()
  const second = draw()
  gc()
  const cold = checkPairs(library, first.users, first.files)
  const warm = checkPairs(library, second.users, second.files)

  const viewer = library.as(meta.viewerId)
  let listCount = 0
  const list = await timed(async () => {
    listCount = (await viewer.call('assets.list', { folderId: meta.bigFolderId })).length
  })
  const noHit = await timed(() => viewer.call('search.assets', { query: NO_HIT_TERM }))
  let searchHitCount = 0
  const hit = await timed(async () => {
    searchHitCount = (await viewer.call('search.assets', { query: meta.searchTerm })).items.length
  })

  const lib = { ...meta, dir, fileIds } as unknown as BenchLibrary
  const maker = new ChangeMaker(library, lib)
  const acks = await sequentialLatency(library, maker)
  const big = meta.files >= 500_000
  const compaction = await compactionAcks(library, maker, big ? 100 : 300, big ? 2 : 5)
  const overlapped = compaction.overlapped.map(duration)
  // Not closed: closing would write a final snapshot, which is not what is measured.
  return {
    ...open,
    checksFirstPerSecond: cold.done / cold.seconds,
    checksFirstDone: cold.done,
    checksSecondPerSecond: warm.done / warm.seconds,
    visiblePercent: (100 * warm.visible) / warm.done,
    listMs: list.median,
    listFirstMs: list.first,
    listCount,
    searchNoHitMs: noHit.median,
    searchNoHitFirstMs: noHit.first,
    searchHitMs: hit.median,
    searchHitCount,
    ackP50Ms: acks.p50,
    ackP99Ms: acks.p99,
    ackCount: acks.count,
    worstAckDuringCompactionMs: overlapped.length ? Math.max(...overlapped) : NaN,
    overlappedAcks: overlapped.length,
    compactionSeconds: compaction.compactions.map((ms) => ms / 1000),
    compactionStallMs: compaction.stall,
    rssEnd: process.memoryUsage().rss,
    rssPeakEnd: peakRss(),
  }
}

async function probe(): Promise<OpenResult | FiguresResult> {
  const [mode, dir, metaFile, seed] = process.argv.slice(2)
  if (mode === 'open') return (await timedOpen(dir)).result
  return figures(dir, JSON.parse(fs.readFileSync(metaFile, 'utf8')) as LibraryMeta, Number(seed))
}

reportToParent(probe())

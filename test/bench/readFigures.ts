import type { Library } from '../../main/core/library.js'
import type { BenchLibrary } from './generate.js'
import { gc, median, msText, now } from './measure.js'
import { Prng } from './prng.js'
import type { Report } from './report.js'

const PAIRS = 1_000_000
/** A slow engine would take minutes over a million pairs; a few seconds of them tell the rate as well. */
const MAX_SECONDS = 5
const RUNS = 7

export interface Pass {
  done: number
  seconds: number
  visible: number
}

/** Checks pairs until they run out or the time is up. */
export function checkPairs(library: Library, users: string[], files: string[]): Pass {
  const engine = library.core.engine
  let visible = 0
  let done = 0
  const start = now()
  const deadline = start + MAX_SECONDS * 1000
  while (done < users.length && now() < deadline) {
    const end = Math.min(users.length, done + 10_000)
    for (let i = done; i < end; i++) if (engine.effectiveAssetLevel(users[i], files[i]) !== 'none') visible++
    done = end
  }
  return { done, seconds: (now() - start) / 1000, visible }
}

/**
 * effectiveAssetLevel for random (restricted user, file) pairs, drawn before the clock
 * starts. The first pass meets empty per-user folder memos (as right after open or after
 * a permission change); the figure is the second pass, over other random pairs, once the
 * memos hold what the first pass worked out.
 */
export function permissionFigure(report: Report, library: Library, lib: BenchLibrary, seed: number): void {
  const prng = new Prng(seed)
  const draw = () => ({
    users: Array.from({ length: PAIRS }, () => prng.pick(lib.restrictedIds)),
    files: Array.from({ length: PAIRS }, () => prng.pick(lib.fileIds)),
  })
  const first = draw()
  const second = draw()
  gc()
  const cold = checkPairs(library, first.users, first.files)
  gc()
  const warm = checkPairs(library, second.users, second.files)
  const rate = (p: Pass) => p.done / p.seconds
  const text = (p: Pass) => `${Math.round(rate(p)).toLocaleString('en')} pairs/s`
  report.figure('effective level', text(warm), '>= 500,000/s', rate(warm) >= 500_000)
  report.note(`${warm.done.toLocaleString('en')} random pairs over ${lib.restrictedIds.length} restricted users in ${warm.seconds.toFixed(2)} s; ${((100 * warm.visible) / warm.done).toFixed(1)}% visible`)
  report.note(`first pass, with every user's memo empty: ${text(cold)} over ${cold.done.toLocaleString('en')} pairs`)
}

async function medianOfRuns(run: () => Promise<unknown>): Promise<{ median: number; times: number[] }> {
  await run() // warm-up: JIT and the user's permission cache
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = now()
    await run()
    times.push(now() - start)
  }
  return { median: median(times), times }
}

export async function listingFigure(report: Report, library: Library, lib: BenchLibrary): Promise<void> {
  const viewer = library.as(lib.viewerId)
  let count = 0
  const { median: ms, times } = await medianOfRuns(async () => {
    count = (await viewer.call('assets.list', { folderId: lib.bigFolderId })).length
  })
  report.figure('assets.list of a 10,000-child folder', msText(ms), '<= 20 ms', ms <= 20)
  report.note(`${count} items for a restricted user with a view grant; median of ${RUNS} after one warm-up (${times.map((t) => t.toFixed(1)).join(', ')} ms)`)
}

export async function searchFigure(report: Report, library: Library, lib: BenchLibrary): Promise<void> {
  const viewer = library.as(lib.viewerId)
  let result = { items: [] as unknown[], hasMore: false }
  const { median: ms, times } = await medianOfRuns(async () => {
    result = await viewer.call('search.assets', { query: lib.searchTerm })
  })
  report.figure('search.assets, first 100', msText(ms), '<= 50 ms', ms <= 50)
  report.note(`"${lib.searchTerm}" for a restricted user: ${result.items.length} items, hasMore ${result.hasMore}; median of ${RUNS} after one warm-up (${times.map((t) => t.toFixed(1)).join(', ')} ms)`)
}

/**
 * `npm run bench`: generates a 100,000-file library (and a 1,000-file one for comparison)
 * in a temp folder, measures every figure in this one run, prints each against its
 * target, and removes the folder. BENCH_SEED picks another (still repeatable) library.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openLibrary } from '../../main/core/library.js'
import { burstFigure, compactionFigure, latencyFigures, sequentialLatency } from './changeFigures.js'
import { ChangeMaker } from './changeMaker.js'
import { generateLibrary } from './generate.js'
import { gc, mb, now } from './measure.js'
import { openFigures } from './openFigure.js'
import { listingFigure, permissionFigure, searchFigure } from './readFigures.js'
import { Report } from './report.js'
import { FULL, SMALL } from './scale.js'

const SEED = Number(process.env.BENCH_SEED ?? 20_240_601)

async function main(): Promise<void> {
  const report = new Report()
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-bench-'))
  try {
    report.heading(`library (seed ${SEED}, in ${root})`)
    let start = now()
    const big = await generateLibrary(path.join(root, 'full'), FULL, SEED)
    report.note(`generated ${big.records.toLocaleString('en')} records (${mb(big.snapshotBytes)} snapshot, folders up to depth ${big.maxDepth}) and ${FULL.journalChanges} journal lines in ${((now() - start) / 1000).toFixed(1)} s`)
    start = now()
    const small = await generateLibrary(path.join(root, 'small'), SMALL, SEED)
    report.note(`generated the 1,000-file library in ${((now() - start) / 1000).toFixed(1)} s`)
    gc()

    report.heading('open')
    await openFigures(report, big)

    // The small library first, alone in a clean heap, as it would be in its own app.
    const smallLibrary = await openLibrary(small.dir)
    const smallLatency = await sequentialLatency(smallLibrary, new ChangeMaker(smallLibrary, small))
    await smallLibrary.close()
    gc()

    const library = await openLibrary(big.dir)
    try {
      report.heading('reads')
      permissionFigure(report, library, big, SEED)
      gc()
      await listingFigure(report, library, big)
      await searchFigure(report, library, big)

      report.heading('changes')
      const maker = new ChangeMaker(library, big)
      latencyFigures(report, await sequentialLatency(library, maker), smallLatency)
      await burstFigure(report, library, maker)
      await compactionFigure(report, library, maker)
    } finally {
      await library.close()
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
  report.summary()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

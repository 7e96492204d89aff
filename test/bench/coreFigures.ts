import path from 'node:path'
import { openLibrary } from '../../main/core/library.js'
import { burstFigure, compactionFigure, latencyFigures, sequentialLatency } from './changeFigures.js'
import { ChangeMaker } from './changeMaker.js'
import { generateLibrary } from './generate.js'
import { gc, mb, now } from './measure.js'
import { openFigures } from './openFigure.js'
import { listingFigure, permissionFigure, searchFigure } from './readFigures.js'
import type { Report } from './report.js'
import { FULL, SMALL } from './scale.js'

/** The store and the permission engine on a generated 100,000-file library, against a 1,000-file one. */
export async function coreFigures(report: Report, root: string, seed: number): Promise<void> {
  report.heading(`library (seed ${seed}, in ${root})`)
  let start = now()
  const big = await generateLibrary(path.join(root, 'full'), FULL, seed)
  report.note(`generated ${big.records.toLocaleString('en')} records (${mb(big.snapshotBytes)} snapshot, folders up to depth ${big.maxDepth}) and ${FULL.journalChanges} journal lines in ${((now() - start) / 1000).toFixed(1)} s`)
  start = now()
  const small = await generateLibrary(path.join(root, 'small'), SMALL, seed)
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
    permissionFigure(report, library, big, seed)
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
}

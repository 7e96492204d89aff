/**
 * `npm run bench -- transfer`: moving files in and out at disk speed. Each figure is a ratio
 * to a standard command timed in the same run (interleaved rounds, medians), since absolute
 * times on a shared machine say little; the large-file figure is of memory, not time.
 */
import { inOwnFolder } from './ownFolder.js'
import type { Report } from './report.js'
import { bigFileFigure } from './transferBigFile.js'
import { importFigure } from './transferImport.js'
import { zipFigure } from './transferZip.js'

export async function transferFigures(report: Report, root: string): Promise<void> {
  for (const [name, figure] of [['import', importFigure], ['zip', zipFigure], ['big', bigFileFigure]] as const) {
    await inOwnFolder(root, name, (dir) => figure(report, dir))
  }
}

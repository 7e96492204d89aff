/**
 * `npm run bench -- transfer`: moving files in and out at disk speed. Each figure is a ratio
 * to a standard command timed in the same run (interleaved rounds, medians), since absolute
 * times on a shared machine say little; the large-file figure is of memory, not time.
 */
import { inOwnFolder } from './ownFolder.js'
import type { Report } from './report.js'
import { bigFileFigure } from './transferBigFile.js'
import { importFigure, smallFilesFigure } from './transferImport.js'
import { zipFigure } from './transferZip.js'

export async function transferFigures(report: Report, root: string): Promise<void> {
  const importRatio = await inOwnFolder(root, 'import', (dir) => importFigure(report, dir))
  const smallFilesRatio = await inOwnFolder(root, 'small', (dir) => smallFilesFigure(report, dir))
  const zipRatio = await inOwnFolder(root, 'zip', (dir) => zipFigure(report, dir))
  await inOwnFolder(root, 'big', (dir) => bigFileFigure(report, dir))
  const round = (n: number) => Math.round(n * 1000) / 1000
  report.last(`TRANSFER ${JSON.stringify({ importRatio: round(importRatio), smallFilesRatio: round(smallFilesRatio), zipRatio: round(zipRatio) })}`)
}

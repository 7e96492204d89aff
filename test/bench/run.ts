/**
 * `npm run bench`: measures every figure in this one run, prints each against its target,
 * and removes its temp folder. `npm run bench -- core` (or `transfer`, `media`) runs one
 * section. The core section generates a 100,000-file library (and a 1,000-file one for
 * comparison); BENCH_SEED picks another (still repeatable) library. `npm run bench -- scale`
 * (run only when asked for) opens libraries of 100,000 and 1,000,000 files kept in `.bench-cache/`;
 * `npm run bench -- team` (also only when asked for) measures a team library on a private PostgreSQL.
 * `npm run bench -- ui` scrolls the grid of a 100,000-file folder in Chromium (uiFigures.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { coreFigures } from './coreFigures.js'
import { inOwnFolder } from './ownFolder.js'
import { Report } from './report.js'
import { scaleFigures } from './scaleFigures.js'
import { teamFigures } from './teamFigures.js'
import { thumbnailFigures } from './thumbnailFigures.js'
import { transferFigures } from './transferFigures.js'
import { uiFigures } from './uiFigures.js'
import { mediaKindsFigures } from './mediaKindsFigures.js'

const round = (n: number) => Math.round(n * 1000) / 1000

const SEED = Number(process.env.BENCH_SEED ?? 20_240_601)

const SECTIONS: Record<string, (report: Report, root: string) => Promise<void>> = {
  core: (report, root) => coreFigures(report, root, SEED),
  transfer: transferFigures,
  media: async (report, root) => {
    const thumbs = await inOwnFolder(root, 'thumbnails', (dir) => thumbnailFigures(report, dir))
    const kinds = await inOwnFolder(root, 'kinds', (dir) => mediaKindsFigures(report, dir))
    report.last(`MEDIA ${JSON.stringify({ thumbRatio: round(thumbs.thumbRatio), videoRatio: round(kinds.videoRatio), pdfRatio: round(kinds.pdfRatio), phashOverhead: round(thumbs.phashOverhead) })}`)
  },
  scale: (report, root) => scaleFigures(report, root, SEED),
  team: (report, root) => teamFigures(report, root, SEED),
  ui: uiFigures,
}
/** Long enough to be asked for by name only. */
const ON_REQUEST = new Set(['scale', 'team'])

async function main(): Promise<void> {
  const asked = process.argv.slice(2)
  const unknown = asked.filter((name) => !(name in SECTIONS))
  if (unknown.length) throw new Error(`No benchmark section ${unknown.join(', ')}; the sections are ${Object.keys(SECTIONS).join(', ')}.`)
  const report = new Report()
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-bench-'))
  try {
    for (const [name, run] of Object.entries(SECTIONS)) {
      if (asked.length ? !asked.includes(name) : ON_REQUEST.has(name)) continue
      await inOwnFolder(root, name, (dir) => run(report, dir))
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

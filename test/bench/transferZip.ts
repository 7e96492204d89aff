/**
 * A stored (level 0) zip of 200 files of 1 MB against `zip -0 -r` of the same bytes in the
 * same run (target: at most 1.2 times as long). The files are named .jpg, which the app
 * stores rather than deflates, as it does for real photos; their random bytes are as
 * incompressible as a photo's. writeZip is also timed alone, without the channel's records.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { planZip } from '../../main/core/downloads/zipPlan.js'
import { writeZip } from '../../main/core/downloads/writeZip.js'
import type { Report } from './report.js'
import { now } from './measure.js'
import { MIB, freshLibrary, interleaved, list, rate, ratio, seconds, timedCommand, writeRandomTree } from './transferSupport.js'

const FILES = 200
const SIZE = MIB
const ROUNDS = 5
const TARGET = 1.2

/** Refuses to time a zip that is not valid or not stored: the figure is for stored zips only. */
function checkZip(file: string): void {
  execFileSync('unzip', ['-tq', file], { stdio: 'pipe' })
  const listing = execFileSync('unzip', ['-v', file], { encoding: 'utf8', maxBuffer: 16 * MIB })
  const entries = listing.split('\n').filter((line) => /\.jpg$/.test(line))
  const stored = entries.filter((line) => /^\s*\d+\s+Stored\s/.test(line))
  if (entries.length !== FILES || stored.length !== FILES) throw new Error(`${file} holds ${entries.length} photos, ${stored.length} of them stored; expected ${FILES} stored`)
}

export async function zipFigure(report: Report, root: string): Promise<number> {
  report.heading('Zip download')
  const srcRoot = path.join(root, 'zip-src')
  writeRandomTree(path.join(srcRoot, 'Photos'), FILES, SIZE, 1)
  const bytes = FILES * SIZE
  const { library, admin, homeId } = await freshLibrary(path.join(root, 'zip-library'))
  try {
    const imported = await admin.call('imports.start', { sources: [path.join(srcRoot, 'Photos')], targetFolderId: homeId })
    const folderId = imported.top[0].id
    const out = path.join(root, 'out.zip')
    const timed = (write: () => Promise<unknown>) => async () => {
      const start = now()
      await write()
      const ms = now() - start
      fs.rmSync(out, { force: true })
      return ms
    }
    const channel = () => admin.call('downloads.zip', { assetIds: [folderId], destPath: out })
    const direct = () => writeZip(library.core.blobs, planZip(library.core, [folderId]).entries, out, { level: 0 })

    await channel()
    checkZip(out)
    fs.rmSync(out)
    await direct()
    checkZip(out)
    fs.rmSync(out)

    const t = await interleaved(ROUNDS, {
      zip: timed(() => timedCommand('zip', ['-0', '-r', '-q', out, 'Photos'], srcRoot)),
      app: timed(channel),
      writeZip: timed(direct),
    })
    const vsZip = t.app.median / t.zip.median
    report.figure(`zip of ${FILES} files of 1 MB (stored), time vs zip -0 -r`, ratio(vsZip), `at most ${TARGET}×`, vsZip <= TARGET)
    report.note(`app (downloads.zip) ${seconds(t.app.median)} (${rate(bytes, t.app.median)}); zip -0 -r ${seconds(t.zip.median)} (${rate(bytes, t.zip.median)}); medians of ${ROUNDS} interleaved rounds; the app's zip passed unzip -t with every entry stored`)
    report.note(`writeZip alone at level 0 (no download records): ${seconds(t.writeZip.median)}, ${ratio(t.writeZip.median / t.zip.median)} zip -0 -r`)
    report.note(`rounds: app ${list(t.app.samples)}; zip ${list(t.zip.samples)}; writeZip ${list(t.writeZip.samples)}`)
    return vsZip
  } finally {
    await library.close()
  }
}

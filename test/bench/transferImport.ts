/**
 * Import of 1,000 files of 1 MB against `cp -r` of the same folder in the same run (target:
 * at most 1.5 times as long). The app fsyncs every blob and its journal before it reports a
 * file imported, which `cp -r` never does; `cp -r` followed by `sync -f` is measured too, as
 * the like-for-like comparison, but the target is judged against plain `cp -r` as asked.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Report } from './report.js'
import { now } from './measure.js'
import { MIB, freshLibrary, interleaved, list, rate, ratio, seconds, timedCommand, writeRandomTree } from './transferSupport.js'

const FILES = 1000
const SIZE = MIB
const ROUNDS = 3
const TARGET = 1.5

export async function importFigure(report: Report, root: string): Promise<void> {
  report.heading('Import from disk')
  const src = path.join(root, 'import-src', 'Shoot')
  writeRandomTree(src, FILES, SIZE, 4)
  const bytes = FILES * SIZE
  const dest = path.join(root, 'import-dest')
  let round = 0

  const copy = (thenSync: boolean) => async () => {
    const start = now()
    await timedCommand('cp', ['-r', src, dest])
    if (thenSync) await timedCommand('sync', ['-f', dest])
    const ms = now() - start
    fs.rmSync(dest, { recursive: true, force: true })
    return ms
  }
  const app = async () => {
    const dir = path.join(root, `import-library-${++round}`)
    const { library, admin, homeId } = await freshLibrary(dir)
    const start = now()
    const result = await admin.call('imports.start', { sources: [src], targetFolderId: homeId })
    const ms = now() - start
    await library.close()
    fs.rmSync(dir, { recursive: true, force: true })
    if (result.imported !== FILES || result.skipped.length) throw new Error(`The import took ${result.imported} of ${FILES} files; skipped: ${JSON.stringify(result.skipped.slice(0, 3))}`)
    return ms
  }

  const t = await interleaved(ROUNDS, { cp: copy(false), cpSync: copy(true), app })
  const vsCp = t.app.median / t.cp.median
  const vsCpSync = t.app.median / t.cpSync.median
  report.figure(`import ${FILES} files of 1 MB, time vs cp -r`, ratio(vsCp), `at most ${TARGET}×`, vsCp <= TARGET)
  report.note(`app ${seconds(t.app.median)} (${rate(bytes, t.app.median)}); cp -r ${seconds(t.cp.median)} (${rate(bytes, t.cp.median)}); medians of ${ROUNDS} interleaved rounds`)
  report.note(`against cp -r then sync -f, which also waits for the disk as the app does: ${ratio(vsCpSync)} (cp -r + sync ${seconds(t.cpSync.median)}, ${rate(bytes, t.cpSync.median)})`)
  report.note(`rounds: app ${list(t.app.samples)}; cp -r ${list(t.cp.samples)}; cp -r + sync ${list(t.cpSync.samples)}`)
  fs.rmSync(path.join(root, 'import-src'), { recursive: true, force: true })
}

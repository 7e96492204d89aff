/**
 * Import of 1,000 files of 1 MB, and of a tree of 20,000 small files (1–20 KB), against
 * `cp -r` then `sync -f` of the same folder in the same run (targets: at most 1.5 and 2 times
 * as long). The app makes every blob and its records durable before it reports a file
 * imported, which is what `sync -f` after the copy does for `cp -r`; plain `cp -r` is shown too.
 */
import { randomFillSync } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Report } from './report.js'
import { now } from './measure.js'
import { MIB, freshLibrary, interleaved, list, rate, ratio, seconds, timedCommand, writeRandomTree } from './transferSupport.js'

const FILES = 1000
const SIZE = MIB
const ROUNDS = 3
const TARGET = 1.5

export async function importFigure(report: Report, root: string): Promise<number> {
  report.heading('Import from disk')
  const src = path.join(root, 'import-src', 'Shoot')
  writeRandomTree(src, FILES, SIZE, 4)
  const bytes = FILES * SIZE
  const dest = path.join(root, 'import-dest')
  let round = 0

  const copy = (thenSync: boolean) => () => timedCopy(src, dest, thenSync)
  const app = () => timedImport(path.join(root, `import-library-${++round}`), src, FILES)

  const t = await interleaved(ROUNDS, { cp: copy(false), cpSync: copy(true), app })
  const vsCp = t.app.median / t.cp.median
  const vsCpSync = t.app.median / t.cpSync.median
  report.figure(`import ${FILES} files of 1 MB, time vs cp -r && sync`, ratio(vsCpSync), `at most ${TARGET}×`, vsCpSync <= TARGET)
  report.note(`app ${seconds(t.app.median)} (${rate(bytes, t.app.median)}); cp -r + sync ${seconds(t.cpSync.median)} (${rate(bytes, t.cpSync.median)}); medians of ${ROUNDS} interleaved rounds`)
  report.note(`against plain cp -r, which does not wait for the disk: ${ratio(vsCp)} (cp -r ${seconds(t.cp.median)}, ${rate(bytes, t.cp.median)})`)
  report.note(`rounds: app ${list(t.app.samples)}; cp -r ${list(t.cp.samples)}; cp -r + sync ${list(t.cpSync.samples)}`)
  fs.rmSync(path.join(root, 'import-src'), { recursive: true, force: true })
  return vsCpSync
}

const SMALL_FILES = 20_000
const SMALL_ROUNDS = 2
const SMALL_TARGET = 2

/** 20,000 files of 1 to 20 KB in 100 folders: a tree of documents, icons and sidecar files. */
function writeSmallTree(dir: string): number {
  const buffer = Buffer.alloc(20 * 1024)
  let bytes = 0
  for (let i = 0; i < SMALL_FILES; i++) {
    const folder = path.join(dir, `folder-${String(i % 100).padStart(3, '0')}`)
    if (i < 100) fs.mkdirSync(folder, { recursive: true })
    const size = 1024 + ((i * 7919) % (19 * 1024))
    fs.writeFileSync(path.join(folder, `file-${String(i).padStart(5, '0')}.bin`), randomFillSync(buffer).subarray(0, size))
    bytes += size
  }
  return bytes
}

export async function smallFilesFigure(report: Report, root: string): Promise<number> {
  report.heading('Import of many small files')
  const src = path.join(root, 'small-src', 'Tree')
  const bytes = writeSmallTree(src)
  const dest = path.join(root, 'small-dest')
  let round = 0
  const copy = () => timedCopy(src, dest, true)
  const app = () => timedImport(path.join(root, `small-library-${++round}`), src, SMALL_FILES)
  const t = await interleaved(SMALL_ROUNDS, { cpSync: copy, app })
  const vs = t.app.median / t.cpSync.median
  report.figure(`import ${SMALL_FILES} files of 1–20 KB, time vs cp -r && sync`, ratio(vs), `at most ${SMALL_TARGET}×`, vs <= SMALL_TARGET)
  report.note(`app ${seconds(t.app.median)} (${(SMALL_FILES / (t.app.median / 1000)).toFixed(0)} files/s, ${rate(bytes, t.app.median)}); cp -r + sync ${seconds(t.cpSync.median)}; rounds: app ${list(t.app.samples)}; cp -r + sync ${list(t.cpSync.samples)}`)
  fs.rmSync(path.join(root, 'small-src'), { recursive: true, force: true })
  return vs
}

/** Milliseconds for `cp -r` of src to dest, then `sync` when asked; the copy is removed after. */
async function timedCopy(src: string, dest: string, thenSync: boolean): Promise<number> {
  const start = now()
  await timedCommand('cp', ['-r', src, dest])
  if (thenSync) await timedCommand('sync', ['-f', dest])
  const ms = now() - start
  fs.rmSync(dest, { recursive: true, force: true })
  return ms
}

/** Milliseconds for importing src into a fresh library at dir (removed after); every one of `files` must come in. */
async function timedImport(dir: string, src: string, files: number): Promise<number> {
  const { library, admin, homeId } = await freshLibrary(dir)
  const start = now()
  const result = await admin.call('imports.start', { sources: [src], targetFolderId: homeId })
  const ms = now() - start
  await library.close()
  fs.rmSync(dir, { recursive: true, force: true })
  if (result.imported !== files || result.skipped.length) throw new Error(`The import took ${result.imported} of ${files} files; skipped: ${JSON.stringify(result.skipped.slice(0, 3))}`)
  return ms
}

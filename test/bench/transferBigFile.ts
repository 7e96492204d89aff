/**
 * A 2 GB file imports, and the import's memory does not grow with the file's size: peak
 * resident memory during the import over what it was just before, for a 256 MB and a 2 GB
 * file, each imported by a fresh process (transferBigFileProbe.ts). The probe checks the
 * stored blob's size and sha256 against the source's and fails the run if they differ.
 */
import { fork } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Report } from './report.js'
import { mb, now } from './measure.js'
import type { BigFileResult } from './transferBigFileProbe.js'
import { MIB, rate, seconds, settle, sha256File, timedCommand, writeRandomFile } from './transferSupport.js'

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'transferBigFileProbe.ts')
const BIG = 2048 * MIB
const SMALL = 256 * MIB
/**
 * Chunk size for a 2 GB file: the copy thread reads, hashes and writes it 256 KB at a time
 * through one buffer it keeps (`CHUNK` in main/core/blobs/copyIn.worker.mjs), so what the
 * import holds is that buffer, the file's 512 KB head slot (shared memory allocated once for
 * every copy) and garbage not yet collected, whatever the file's size: 8,192 chunks for 2 GB.
 * 256 KB rather than larger because a chunk must stay in the CPU's cache between the read,
 * the hash and the write (1 MB chunks made the copy twice as slow here); rather than smaller
 * because each chunk costs two system calls (64 KB took more system time for the same bytes).
 * A file-sized buffer would show at least 2,048 MB; 100 MB (under 5% of the file) leaves room
 * for collection timing while still telling the two apart.
 */
const TARGET_GROWTH = 100 * MIB

function importInFreshProcess(file: string, dir: string, expected: string): Promise<BigFileResult> {
  return new Promise((resolve, reject) => {
    // fork passes on tsx's loader flags (process.execArgv), so the probe runs as TypeScript too.
    const child = fork(PROBE, [file, dir, expected], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let result: BigFileResult | null = null
    child.on('message', (m) => (result = m as BigFileResult))
    child.on('error', reject)
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`The import probe for ${file} exited with ${code}`))))
  })
}

async function measure(file: string, size: number, dir: string): Promise<BigFileResult> {
  writeRandomFile(file, size)
  const expected = await sha256File(file)
  await settle()
  try {
    return await importInFreshProcess(file, dir, expected)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export async function bigFileFigure(report: Report, root: string): Promise<void> {
  report.heading('Large file import')
  const small = await measure(path.join(root, 'small.bin'), SMALL, path.join(root, 'small-library'))
  fs.rmSync(path.join(root, 'small.bin'))
  const big = path.join(root, 'big.bin')
  const b = await measure(big, BIG, path.join(root, 'big-library'))
  const growth = b.peakRss - b.rssBefore
  report.figure('import of a 2 GB file, peak RSS growth', mb(growth), `at most ${mb(TARGET_GROWTH)}`, growth <= TARGET_GROWTH)
  report.note(`2 GB: ${seconds(b.ms)} (${rate(BIG, b.ms)}); RSS ${mb(b.rssBefore)} before, ${mb(b.peakRss)} at peak; Buffer memory peak +${mb(b.peakArrayBuffers - b.arrayBuffersBefore)}; ${b.samples} samples 20 ms apart; stored size and sha256 match the source`)
  report.note(`256 MB for comparison: peak RSS growth ${mb(small.peakRss - small.rssBefore)}, ${seconds(small.ms)} (${rate(SMALL, small.ms)})`)
  await settle()
  const copy = path.join(root, 'big-copy.bin')
  const start = now()
  await timedCommand('cp', [big, copy])
  await timedCommand('sync', ['-f', copy])
  const cpMs = now() - start
  report.note(`cp then sync -f of the same 2 GB file, one run: ${seconds(cpMs)} (${rate(BIG, cpMs)}); the import took ${(b.ms / cpMs).toFixed(2)}× as long`)
}

/**
 * Run in a fresh process by transferBigFile.ts, so that resident memory before the import is
 * this process's own and not what earlier figures left allocated. `FILE LIBRARY_DIR SHA256`
 * imports FILE into a new library, sampling memory meanwhile, then checks the stored blob.
 */
import fs from 'node:fs'
import { gc, now } from './measure.js'
import { freshLibrary, sha256File } from './transferSupport.js'

export interface BigFileResult {
  ms: number
  rssBefore: number
  peakRss: number
  peakArrayBuffers: number
  arrayBuffersBefore: number
  samples: number
}

const SAMPLE_MS = 20

async function probe(file: string, dir: string, expected: string): Promise<BigFileResult> {
  const size = fs.statSync(file).size
  const { library, admin, homeId } = await freshLibrary(dir)
  try {
    gc()
    const before = process.memoryUsage()
    let peakRss = before.rss
    let peakArrayBuffers = before.arrayBuffers
    let samples = 0
    const timer = setInterval(() => {
      const m = process.memoryUsage()
      peakRss = Math.max(peakRss, m.rss)
      peakArrayBuffers = Math.max(peakArrayBuffers, m.arrayBuffers)
      samples++
    }, SAMPLE_MS)
    const start = now()
    let result
    try {
      result = await admin.call('imports.start', { sources: [file], targetFolderId: homeId })
    } finally {
      clearInterval(timer)
    }
    const ms = now() - start
    const asset = library.core.store.tables.assets.get(result.top[0]?.id ?? '')
    const stored = asset?.kind === 'file' ? asset.versions[0] : undefined
    if (!stored || stored.hash !== expected || stored.size !== size) {
      throw new Error(`${file} was recorded as ${stored?.size} bytes, ${stored?.hash}; the source has ${size} bytes, ${expected}`)
    }
    // The blob's name is the hash the app computed; re-reading it checks the bytes on disk.
    const blob = await library.core.blobs.localFile(stored.hash)
    if (fs.statSync(blob).size !== size || (await sha256File(blob)) !== expected) throw new Error(`The stored blob ${blob} differs from ${file}`)
    return { ms, rssBefore: before.rss, peakRss, arrayBuffersBefore: before.arrayBuffers, peakArrayBuffers, samples }
  } finally {
    await library.close()
  }
}

const [file, dir, expected] = process.argv.slice(2)
probe(file, dir, expected).then(
  (result) => {
    // Exits once the result is sent: a library timer left running must not keep the probe alive.
    process.send!(result, () => {
      process.disconnect()
      process.exit(0)
    })
  },
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)

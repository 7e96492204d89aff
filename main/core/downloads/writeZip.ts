import fs from 'node:fs'
import fsp from 'node:fs/promises'
import type { Readable } from 'node:stream'
import archiver from 'archiver'
import { AppError } from '../../../shared/errors.js'
import type { BlobStore } from '../blobs/blobStore.js'
import type { ZipEntry } from './zipPlan.js'

export interface ZipProgress {
  entries: number
  bytes: number
}

const CHUNK = 1024 * 1024

const cancelled = () => new AppError('CANCELLED', 'The download was cancelled.')

/**
 * Streams the entries into `dest` (through a `.part` file, renamed at the end) so memory
 * stays flat. Files already compressed gain nothing from deflate, so they are stored.
 * On any failure or abort the partial file is removed.
 */
export async function writeZip(
  blobs: BlobStore,
  entries: ZipEntry[],
  dest: string,
  options: { signal?: AbortSignal; onProgress?: (p: ZipProgress) => void; level?: number } = {},
): Promise<{ bytes: number }> {
  const part = `${dest}.part`
  const out = fs.createWriteStream(part, { flags: 'w' })
  const archive = archiver('zip', { zlib: { level: options.level ?? 6 }, forceZip64: false })
  const done = new Promise<void>((resolve, reject) => {
    out.on('close', resolve)
    out.on('error', reject)
    archive.on('error', reject)
    archive.on('warning', (w: Error) => reject(w))
  })
  // archiver's own abort waits for the entry in progress, which may never end once its reader
  // is gone: a cancel settles here at once, and the streams are torn down below.
  let onAbort = () => undefined as void
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelled())
  })
  done.catch(() => undefined)
  aborted.catch(() => undefined)
  let written = 0
  let bytes = 0
  const report = () => options.onProgress?.({ entries: written, bytes })
  // One file at a time, each appended once the one before has been read: archiver starts reading
  // every stream it is given at once, which would hold a file handle per file (256 a process on
  // macOS). Chunks of 1 MB, not 64 KB, so each passes archiver's stack of streams 16x less often.
  let next = 0
  let finalized = false
  /** The entry being read, torn down on a cancel (archiver would leave it open). */
  const reading: { source: Readable | null } = { source: null }
  const appendNext = () => {
    while (next < entries.length) {
      const entry = entries[next++]
      if (entry.hash === undefined) {
        archive.append('', { name: entry.name, date: entry.mtime })
        continue
      }
      const source = (reading.source = blobs.createReadStream(entry.hash, { highWaterMark: CHUNK }))
      source.on('data', (chunk) => {
        bytes += chunk.length
        report()
      })
      source.on('end', () => {
        if (!options.signal?.aborted) appendNext()
      })
      archive.append(source, { name: entry.name, date: entry.mtime, store: isCompressed(entry.name) })
      return
    }
    if (finalized) return
    finalized = true
    // Its outcome arrives through `done` (the output closes, or archiver reports an error).
    archive.finalize().catch(() => undefined)
  }
  archive.on('entry', () => {
    written++
    report()
  })
  options.signal?.addEventListener('abort', onAbort, { once: true })
  archive.pipe(out)
  try {
    if (options.signal?.aborted) throw cancelled()
    appendNext()
    await Promise.race([done, aborted])
    if (options.signal?.aborted) throw cancelled()
    await fsp.rename(part, dest)
    return { bytes: archive.pointer() }
  } catch (error) {
    archive.abort()
    reading.source?.destroy()
    // The partial file goes only once its handle is closed, or a late open would bring it back.
    const closed = out.closed ? Promise.resolve() : new Promise<void>((resolve) => out.once('close', () => resolve()))
    out.destroy()
    await closed
    await fsp.rm(part, { force: true })
    if (options.signal?.aborted) throw cancelled()
    throw error
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
  }
}

const COMPRESSED = /\.(jpe?g|png|gif|webp|avif|heic|mp4|mov|mkv|webm|mp3|aac|ogg|zip|gz|7z|rar|pdf)$/i
function isCompressed(name: string): boolean {
  return COMPRESSED.test(name)
}

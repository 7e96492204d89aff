import fs from 'node:fs'
import fsp from 'node:fs/promises'
import archiver from 'archiver'
import { AppError } from '../../../shared/errors.js'
import type { BlobStore } from '../blobs/blobStore.js'
import type { ZipEntry } from './zipPlan.js'

export interface ZipProgress {
  entries: number
  bytes: number
}

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
  archive.on('progress', (p) => options.onProgress?.({ entries: p.entries.processed, bytes: p.fs.processedBytes }))
  const abort = () => archive.abort()
  options.signal?.addEventListener('abort', abort, { once: true })
  archive.pipe(out)
  try {
    for (const entry of entries) {
      if (entry.hash === undefined) archive.append('', { name: entry.name, date: entry.mtime })
      else archive.append(blobs.createReadStream(entry.hash), { name: entry.name, date: entry.mtime, store: isCompressed(entry.name) })
    }
    await archive.finalize()
    await done
    if (options.signal?.aborted) throw new AppError('CANCELLED', 'The download was cancelled.')
    await fsp.rename(part, dest)
    return { bytes: archive.pointer() }
  } catch (error) {
    archive.abort()
    out.destroy()
    await fsp.rm(part, { force: true })
    if (options.signal?.aborted) throw new AppError('CANCELLED', 'The download was cancelled.')
    throw error
  } finally {
    options.signal?.removeEventListener('abort', abort)
  }
}

const COMPRESSED = /\.(jpe?g|png|gif|webp|avif|heic|mp4|mov|mkv|webm|mp3|aac|ogg|zip|gz|7z|rar|pdf)$/i
function isCompressed(name: string): boolean {
  return COMPRESSED.test(name)
}

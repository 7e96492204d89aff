import fsp, { type FileHandle } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import { AppError } from '../../../shared/errors.js'
import type { BlobStore } from '../blobs/blobStore.js'
import type { ZipEntry } from './zipPlan.js'
import { METHOD_DEFLATED, METHOD_STORED, ZIP_LIMITS, centralEntry, dosDateTime, endRecords, localHeader, needsZip64, type ZipLimits, type ZipRecord } from './zipFormat.js'

export interface ZipProgress {
  entries: number
  bytes: number
}

/** Read size per blob, and the most an entry's data is held to go out with its header in one write. */
const CHUNK = 1024 * 1024
/** Small entries (headers, small files, the directory) gather in memory and go out this much at a time. */
const OUT_BUFFER = 1024 * 1024

const cancelled = () => new AppError('CANCELLED', 'The download was cancelled.')

/**
 * Appends to the zip file through one buffer: what is small is gathered and written a
 * megabyte at a time, what is large goes out in the same call as what was gathered before
 * it (one writev), so a zip of many small files costs a write per megabyte, not per file.
 */
class ZipOutput {
  /** Where the next byte appended lands in the file. */
  position = 0
  private readonly buffer = Buffer.allocUnsafe(OUT_BUFFER)
  private filled = 0

  constructor(private readonly handle: FileHandle) {}

  async append(data: Buffer): Promise<void> {
    if (this.filled + data.length <= this.buffer.length) {
      data.copy(this.buffer, this.filled)
      this.filled += data.length
      this.position += data.length
      return
    }
    const start = this.position - this.filled
    await this.writeAll([this.buffer.subarray(0, this.filled), data], start)
    this.filled = 0
    this.position += data.length
  }

  /** Writes `bytes` over what was appended at `offset` (a local header once its CRC is known). */
  async patch(offset: number, bytes: Buffer): Promise<void> {
    const bufferStart = this.position - this.filled
    if (offset >= bufferStart) {
      bytes.copy(this.buffer, offset - bufferStart)
      return
    }
    await this.flush()
    await this.writeAll([bytes], offset)
  }

  async flush(): Promise<void> {
    if (this.filled === 0) return
    await this.writeAll([this.buffer.subarray(0, this.filled)], this.position - this.filled)
    this.filled = 0
  }

  private async writeAll(parts: Buffer[], at: number): Promise<void> {
    let rest = parts.filter((p) => p.length > 0)
    while (rest.length) {
      let { bytesWritten } = await this.handle.writev(rest, at)
      at += bytesWritten
      // A short write (a full disk, a signal) goes on from where it stopped.
      const left: Buffer[] = []
      for (const part of rest) {
        if (bytesWritten >= part.length) bytesWritten -= part.length
        else {
          left.push(part.subarray(bytesWritten))
          bytesWritten = 0
        }
      }
      rest = left
    }
  }
}

/**
 * Streams the entries into `dest` (through a `.part` file, renamed at the end) so memory
 * stays flat: one blob is open at a time, read a megabyte at a time. Files already compressed
 * gain nothing from deflate, so they are stored; the rest are deflated. Each entry's CRC-32 is
 * taken as its bytes pass (zlib's, as `zip` uses), and its local header written with them, or
 * patched once they are known for an entry too large to hold (no data descriptors, so
 * streaming unzippers read it too). ZIP64 where sizes or offsets need it (zipFormat.ts).
 * On any failure or cancel the partial file is removed.
 *
 * Written here rather than through archiver: its stack of four streams per entry (and a
 * CRC in JavaScript) made a stored zip of photos take twice as long as `zip -0`
 * (docs/media.md, "Speed figures").
 */
export async function writeZip(
  blobs: BlobStore,
  entries: ZipEntry[],
  dest: string,
  options: { signal?: AbortSignal; onProgress?: (p: ZipProgress) => void; level?: number; limits?: ZipLimits } = {},
): Promise<{ bytes: number }> {
  const { signal } = options
  const limits = options.limits ?? ZIP_LIMITS
  const part = `${dest}.part`
  if (signal?.aborted) throw cancelled()
  const handle = await fsp.open(part, 'w')
  /** The blob being read, torn down on a cancel so the write stops within a chunk. */
  let reading: Readable | null = null
  const onAbort = () => reading?.destroy(cancelled())
  signal?.addEventListener('abort', onAbort, { once: true })
  const out = new ZipOutput(handle)
  const records: ZipRecord[] = []
  /** Read into again and again for stored entries: a fresh megabyte per chunk cost more in page faults than its copy. */
  let readBuffer: Buffer | undefined
  let bytes = 0
  try {
    for (const [index, entry] of entries.entries()) {
      if (signal?.aborted) throw cancelled()
      const { time, date } = dosDateTime(entry.mtime)
      const record: ZipRecord = {
        name: Buffer.from(entry.name, 'utf8'), method: METHOD_STORED, time, date, crc: 0, compressedSize: 0, size: 0,
        offset: out.position, zip64: false, folder: entry.hash === undefined,
      }
      if (entry.hash !== undefined) {
        record.method = isCompressed(entry.name) || options.level === 0 ? METHOD_STORED : METHOD_DEFLATED
        record.zip64 = needsZip64(entry.size, record.method, limits)
        const onBytes = (n: number) => {
          bytes += n
          options.onProgress?.({ entries: index, bytes })
        }
        const own = record.method === METHOD_STORED ? blobs.ownFile?.(entry.hash) : undefined
        if (own !== undefined) await writeStoredFile(own, entry.size, record, out, (readBuffer ??= Buffer.allocUnsafeSlow(CHUNK)), onBytes, signal)
        else {
          reading = blobs.createReadStream(entry.hash, { highWaterMark: CHUNK })
          await writeData(reading, record, out, options.level ?? 6, onBytes)
          reading = null
        }
        if (record.size !== entry.size) throw new AppError('INTERNAL', `The stored content ${entry.hash} holds ${record.size} bytes, not ${entry.size}.`, { hash: entry.hash })
      } else await out.append(localHeader(record))
      records.push(record)
      options.onProgress?.({ entries: index + 1, bytes })
    }
    const directoryOffset = out.position
    for (const record of records) await out.append(centralEntry(record, limits))
    await out.append(endRecords(records.length, directoryOffset, out.position - directoryOffset, limits))
    await out.flush()
    await handle.close()
    if (signal?.aborted) throw cancelled()
    await fsp.rename(part, dest)
    return { bytes: out.position }
  } catch (error) {
    reading?.destroy()
    await handle.close().catch(() => undefined)
    await fsp.rm(part, { force: true })
    if (signal?.aborted) throw cancelled()
    throw error
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}

/**
 * A stored entry read from the blob's own file through one kept buffer (no stream, no fresh
 * memory per chunk). An entry of at most a chunk goes out with its header, CRC in place; a
 * longer one follows a header patched at the end.
 */
async function writeStoredFile(file: string, size: number, record: ZipRecord, out: ZipOutput, buffer: Buffer, onBytes: (n: number) => void, signal?: AbortSignal): Promise<void> {
  const handle = await fsp.open(file, 'r')
  try {
    const read = async (): Promise<Buffer> => {
      if (signal?.aborted) throw cancelled()
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      record.size += bytesRead
      record.compressedSize += bytesRead
      onBytes(bytesRead)
      return buffer.subarray(0, bytesRead)
    }
    if (size <= buffer.length) {
      // Read to the end (a read may come short); a size other than the recorded one is refused by the caller.
      let filled = 0
      for (;;) {
        if (signal?.aborted) throw cancelled()
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null)
        if (bytesRead === 0) break
        filled += bytesRead
        if (filled === buffer.length) break
      }
      onBytes(filled)
      record.size = record.compressedSize = filled
      if (filled !== size) return
      const data = buffer.subarray(0, filled)
      record.crc = zlib.crc32(data)
      await out.append(localHeader(record))
      await out.append(data)
      return
    }
    await out.append(localHeader(record))
    let crc = 0
    for (let chunk = await read(); chunk.length > 0; chunk = await read()) {
      crc = zlib.crc32(chunk, crc)
      await out.append(chunk)
    }
    record.crc = crc
    await out.patch(record.offset, localHeader(record))
  } finally {
    await handle.close()
  }
}

/**
 * One entry's header and data. Data that ends within the first chunk goes out with its
 * header, CRC and sizes in place; longer data follows a header that is patched at the end.
 */
async function writeData(source: Readable, record: ZipRecord, out: ZipOutput, level: number, onBytes: (n: number) => void): Promise<void> {
  let crc = 0
  const held: Buffer[] = []
  let heldBytes = 0
  let headerWritten = false
  const emit = async (chunk: Buffer) => {
    record.compressedSize += chunk.length
    if (!headerWritten && heldBytes + chunk.length <= CHUNK) {
      held.push(chunk)
      heldBytes += chunk.length
      return
    }
    if (!headerWritten) {
      headerWritten = true
      await out.append(localHeader(record))
      for (const h of held.splice(0)) await out.append(h)
    }
    await out.append(chunk)
  }
  const counted = async function* (chunks: AsyncIterable<Buffer>) {
    for await (const chunk of chunks) {
      crc = zlib.crc32(chunk, crc)
      record.size += chunk.length
      onBytes(chunk.length)
      yield chunk
    }
  }
  const sink = async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) await emit(chunk)
  }
  if (record.method === METHOD_DEFLATED) await pipeline(source, counted, zlib.createDeflateRaw({ level, chunkSize: 64 * 1024 }), sink)
  else await pipeline(source, counted, sink)
  record.crc = crc
  if (!headerWritten) {
    await out.append(localHeader(record))
    for (const h of held) await out.append(h)
  } else await out.patch(record.offset, localHeader(record))
}

const COMPRESSED = /\.(jpe?g|png|gif|webp|avif|heic|mp4|mov|mkv|webm|mp3|aac|ogg|zip|gz|7z|rar|pdf)$/i
function isCompressed(name: string): boolean {
  return COMPRESSED.test(name)
}

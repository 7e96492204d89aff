import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { createHash, randomUUID } from 'node:crypto'
import { pipeline } from 'node:stream/promises'
import { Readable, Transform } from 'node:stream'
import { AppError } from '../../../shared/errors.js'
import { syncDir } from '../store/snapshot.js'

export interface StoredBlob {
  hash: string
  size: number
}

/**
 * A file is copied in this much at a time, through buffers that are reused: a fresh buffer
 * per 64 KB stream chunk cost page faults and collections, and each chunk a hand-off to the
 * thread pool, which made copying in several times slower than the disk.
 */
const CHUNK = 1024 * 1024

/**
 * Content-addressed file store under `blobs/sha256/ab/cdef…` (docs/store.md): content is
 * hashed while it streams into a temp file, which is renamed into place only once the
 * hash is known (and matches, when the caller expected one). Identical content is kept once.
 */
export class BlobStore {
  private readonly root: string
  private readonly tmp: string
  /** Hashes written for changes not yet committed: the collector must not take them. */
  private readonly pinned = new Map<string, number>()
  private readonly spareBuffers: Buffer[] = []
  /** Prefix folders known to exist, so that storing a blob does not ask again each time. */
  private readonly madeDirs = new Set<string>()

  constructor(libraryDir: string) {
    this.root = path.join(libraryDir, 'blobs', 'sha256')
    this.tmp = path.join(libraryDir, 'blobs', 'tmp')
    fs.mkdirSync(this.root, { recursive: true })
    fs.mkdirSync(this.tmp, { recursive: true })
    // Temp files left by a killed process belong to no blob.
    for (const name of fs.readdirSync(this.tmp)) fs.rmSync(path.join(this.tmp, name), { force: true })
  }

  pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new AppError('INVALID_INPUT', `Not a content hash: ${hash}`)
    return path.join(this.root, hash.slice(0, 2), hash.slice(2))
  }

  has(hash: string): boolean {
    return fs.existsSync(this.pathOf(hash))
  }

  /**
   * Streams content in and returns its hash, pinned until `release` so that a collection
   * pass running meanwhile leaves it alone. Memory stays flat whatever the size.
   */
  async put(source: Readable | Buffer, options: { expectHash?: string; signal?: AbortSignal } = {}): Promise<StoredBlob> {
    const tmpFile = path.join(this.tmp, randomUUID())
    const hasher = createHash('sha256')
    let size = 0
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hasher.update(chunk)
        size += chunk.length
        done(null, chunk)
      },
    })
    const input = Buffer.isBuffer(source) ? Readable.from([source]) : source
    // flush: the stream fsyncs before it closes, so the file need not be opened again for it.
    const out = fs.createWriteStream(tmpFile, { flags: 'wx', flush: true })
    try {
      await pipeline(input, counter, out, { signal: options.signal })
      const hash = hasher.digest('hex')
      if (options.expectHash && options.expectHash !== hash) {
        throw new AppError('CONFLICT', `The content changed while it was read (expected ${options.expectHash}, got ${hash}).`)
      }
      await this.place(tmpFile, hash)
      return { hash, size }
    } catch (error) {
      await fsp.rm(tmpFile, { force: true })
      throw error
    }
  }

  /**
   * Copies a file in as `put` does, with one reused buffer per copy: read, hash, write, then
   * fsync the same handle. Also returns the file's first `headBytes`, taken from the first
   * buffer, so that the caller can learn its type without opening the blob again.
   */
  async putFile(file: string | Buffer, options: { headBytes?: number; signal?: AbortSignal } = {}): Promise<StoredBlob & { head: Buffer }> {
    const tmpFile = path.join(this.tmp, randomUUID())
    const hasher = createHash('sha256')
    const buffer = this.spareBuffers.pop() ?? Buffer.allocUnsafeSlow(CHUNK)
    let size = 0
    let head: Buffer | null = null
    try {
      const input = await fsp.open(file, 'r')
      try {
        const out = await fsp.open(tmpFile, 'wx')
        try {
          for (;;) {
            options.signal?.throwIfAborted()
            const { bytesRead } = await input.read(buffer, 0, CHUNK, null)
            if (bytesRead === 0) break
            head ??= Buffer.from(buffer.subarray(0, Math.min(bytesRead, options.headBytes ?? 0)))
            hasher.update(buffer.subarray(0, bytesRead))
            for (let done = 0; done < bytesRead; ) done += (await out.write(buffer, done, bytesRead - done)).bytesWritten
            size += bytesRead
          }
          await out.sync()
        } finally {
          await out.close()
        }
      } finally {
        await input.close()
      }
      const hash = hasher.digest('hex')
      await this.place(tmpFile, hash)
      return { hash, size, head: head ?? Buffer.alloc(0) }
    } catch (error) {
      await fsp.rm(tmpFile, { force: true })
      throw error
    } finally {
      this.spareBuffers.push(buffer)
    }
  }

  /** Pins a written, fsynced temp file's hash and moves it into place (or drops it when that content is already stored). */
  private async place(tmpFile: string, hash: string): Promise<void> {
    this.pin(hash)
    const target = this.pathOf(hash)
    if (fs.existsSync(target)) {
      await fsp.rm(tmpFile, { force: true })
      return
    }
    const dir = path.dirname(target)
    if (!this.madeDirs.has(dir)) {
      await fsp.mkdir(dir, { recursive: true })
      this.madeDirs.add(dir)
    }
    try {
      await fsp.rename(tmpFile, target)
    } catch (error) {
      // The folder went since it was made (someone tidied the library by hand): make it again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !fs.existsSync(tmpFile)) throw error
      await fsp.mkdir(dir, { recursive: true })
      await fsp.rename(tmpFile, target)
    }
    await syncDir(dir)
  }

  pin(hash: string): void {
    this.pinned.set(hash, (this.pinned.get(hash) ?? 0) + 1)
  }

  release(hash: string): void {
    const n = (this.pinned.get(hash) ?? 0) - 1
    if (n <= 0) this.pinned.delete(hash)
    else this.pinned.set(hash, n)
  }

  createReadStream(hash: string, range?: { start: number; end: number }): fs.ReadStream {
    return fs.createReadStream(this.pathOf(hash), range)
  }

  /** Re-hashes a stored blob: false when its bytes no longer match its name. */
  async verify(hash: string): Promise<boolean> {
    const hasher = createHash('sha256')
    await pipeline(this.createReadStream(hash), hasher)
    return hasher.digest('hex') === hash
  }

  /** Removes the listed blobs that are still unreferenced and unpinned; quicker than a full pass. */
  async collectSome(hashes: Iterable<string>, isReferenced: (hash: string) => boolean): Promise<{ removed: number; bytes: number }> {
    let removed = 0
    let bytes = 0
    for (const hash of hashes) {
      if (isReferenced(hash) || this.pinned.has(hash)) continue
      const file = this.pathOf(hash)
      const stat = await fsp.stat(file).catch(() => null)
      if (!stat || !this.mayRemove(hash, isReferenced)) continue
      fs.rmSync(file, { force: true })
      removed++
      bytes += stat.size
    }
    return { removed, bytes }
  }

  /**
   * Asked again after the pass's last await, and followed by a synchronous removal: an upload
   * of the same bytes may have pinned the blob meanwhile, having found it already stored (and
   * dropped its own copy), and nothing may run between this answer and the removal.
   */
  private mayRemove(hash: string, isReferenced: (hash: string) => boolean): boolean {
    return !isReferenced(hash) && !this.pinned.has(hash)
  }

  /** Removes every blob that no version references and no upload has pinned. */
  async collect(isReferenced: (hash: string) => boolean): Promise<{ removed: number; bytes: number }> {
    let removed = 0
    let bytes = 0
    for (const prefix of await fsp.readdir(this.root)) {
      const dir = path.join(this.root, prefix)
      for (const rest of await fsp.readdir(dir)) {
        const hash = prefix + rest
        if (isReferenced(hash) || this.pinned.has(hash)) continue
        const file = path.join(dir, rest)
        const { size } = await fsp.stat(file)
        if (!this.mayRemove(hash, isReferenced)) continue
        fs.rmSync(file, { force: true })
        removed++
        bytes += size
      }
    }
    return { removed, bytes }
  }
}

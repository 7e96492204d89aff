import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { createHash, randomInt, randomUUID } from 'node:crypto'
import { pipeline } from 'node:stream/promises'
import { Readable, Transform } from 'node:stream'
import { AppError } from '../../../shared/errors.js'
import { copyIn } from './copyPool.js'
import { flushFiles, flushFolders } from './flushFiles.js'
import type { BlobStore, DeferredBlob, GarbageReport, ReadOptions, StoredBlob, WithHead } from './blobStore.js'

/**
 * Blobs of a batch moved in at once: renames for a folder engine, uploads for a bucket, which
 * a whole batch at once would flood.
 */
const PLACES_AT_ONCE = 8

/** Folders temp files are spread over (tempName). */
const TEMP_SHARDS = 64

export interface BlobEngineOptions {
  /**
   * How long a lease keeps an unreferenced blob from collection, in ms. 0 (the default) for a
   * store that only this process uses (a library folder under its lock): pins in memory are
   * then enough and no lease is written. A store that several processes share needs more than
   * the longest time from a blob's lease to its change being seen by every process.
   */
  graceMs?: number
  /** Lease times are compared with this clock (tests move it). */
  clock?: () => number
}

/** Where a blob moved to while a collection pass decides whether it may really go. */
export interface Trashed {
  trashId: string
  size: number
}

/** A trash entry is named `<hash>.<time moved>.<random>`. */
export function hashOfTrash(trashId: string): string {
  return trashId.slice(0, 64)
}

/**
 * What both engines share: content is hashed while it streams into a local temp file, then
 * handed to the engine under its hash; pins, leases and the collection protocol.
 *
 * Collection across processes (docs/team.md): a writer pins the hash, writes its lease, and
 * only then looks whether the content is already stored. A pass takes a blob that is
 * unreferenced, unpinned and without a fresh lease by moving it to the trash, then looks
 * again: a writer that found the blob before it moved has a pin or a fresh lease by now,
 * and the blob goes back; a writer that looks after the move finds nothing and stores its
 * own copy. No writer is ever left relying on a blob that is gone.
 */
export abstract class BlobEngine implements BlobStore {
  /** Names this process's leases and temp files. */
  protected readonly owner = randomUUID()
  protected readonly graceMs: number
  protected readonly clock: () => number
  private readonly pinned = new Map<string, number>()
  /** Temp folders known to exist (tempName). */
  private readonly madeShards = new Set<string>()
  /** Numbers this process's temp files: `owner` already makes their names its own. */
  private tempCount = 0
  private leaseTimer: NodeJS.Timeout | null = null

  constructor(
    /** A local folder for temp files, on the same file system as wherever `placeTemp` moves them. */
    protected readonly tmp: string,
    options: BlobEngineOptions = {},
  ) {
    this.graceMs = options.graceMs ?? 0
    this.clock = options.clock ?? Date.now
    fs.mkdirSync(tmp, { recursive: true })
  }

  /**
   * Moves a fsynced temp file in under its hash, or drops it when that content is already
   * stored. With `folders`, a folder engine leaves the flush of the folder it renamed into to
   * the caller (adding it to the set); otherwise it syncs it before returning.
   */
  protected abstract placeTemp(tmpFile: string, hash: string, size: number, folders?: Set<string>): Promise<void>
  protected abstract listHashes(): AsyncIterable<string>
  protected abstract writeLease(hash: string): Promise<void>
  /** When the newest lease on this hash was written or refreshed (ms), or null. */
  protected abstract newestLease(hash: string): Promise<number | null>
  /** Removes leases written before `before` (their owners are gone or long done). */
  protected abstract dropLeasesBefore(before: number): Promise<void>
  /** Null when the blob is not there. */
  protected abstract moveToTrash(hash: string, trashId: string): Promise<Trashed | null>
  protected abstract restoreFromTrash(hash: string, trashId: string): Promise<void>
  protected abstract dropTrash(trashId: string): Promise<void>
  protected abstract listTrash(): AsyncIterable<{ hash: string; trashId: string }>

  abstract has(hash: string): Promise<boolean>
  abstract size(hash: string): Promise<number | null>
  abstract createReadStream(hash: string, options?: ReadOptions): Readable
  abstract localFile(hash: string): Promise<string>

  async put(source: Readable | Buffer, options: { expectHash?: string; signal?: AbortSignal } = {}): Promise<StoredBlob> {
    const tmpFile = this.tempName()
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
      await this.place(tmpFile, hash, size)
      return { hash, size }
    } catch (error) {
      // An abort can reject the pipeline while the write stream is still opening its file;
      // removing it before the stream has closed would let the open create it afterwards.
      out.destroy()
      if (!out.closed) await new Promise<void>((closed) => out.once('close', () => closed()))
      await fsp.rm(tmpFile, { force: true })
      throw error
    }
  }

  /**
   * Copies a file in as `put` does, on a copy thread (copyPool.ts), which fsyncs it before
   * closing it. Also returns the file's first `headBytes`, so that the caller can learn its
   * type without opening the blob again.
   */
  async putFile(file: string | Buffer, options: { headBytes?: number; signal?: AbortSignal } = {}): Promise<StoredBlob & WithHead> {
    const tmpFile = this.tempName()
    try {
      const { hash, size, head, releaseHead } = await copyIn({ source: file, target: tmpFile, headBytes: options.headBytes ?? 0, fsync: true }, options.signal)
      try {
        await this.place(tmpFile, hash, size)
      } catch (error) {
        releaseHead()
        throw error
      }
      return { hash, size, head, releaseHead }
    } catch (error) {
      await fsp.rm(tmpFile, { force: true })
      throw error
    }
  }

  async putFileDeferred(file: string | Buffer, options: { headBytes?: number; signal?: AbortSignal } = {}): Promise<DeferredBlob> {
    const tmpFile = this.tempName()
    try {
      const { hash, size, head, releaseHead } = await copyIn({ source: file, target: tmpFile, headBytes: options.headBytes ?? 0, fsync: false }, options.signal)
      return { hash, size, head, releaseHead, tempFile: tmpFile, discard: () => fsp.rm(tmpFile, { force: true }) }
    } catch (error) {
      await fsp.rm(tmpFile, { force: true })
      throw error
    }
  }

  /**
   * Every temp file flushed in one pass, then each moved in under its hash (pinned), then the
   * folders they went into flushed: a blob has its name only once its bytes are on disk, and
   * its name is on disk before this returns (flushFiles.ts says how, per platform).
   */
  async storeDeferred(blobs: DeferredBlob[]): Promise<void> {
    await flushFiles(this.tmp, blobs.map((b) => b.tempFile))
    const folders = new Set<string>()
    const pinned: string[] = []
    try {
      for (const blob of blobs) {
        await this.pin(blob.hash)
        pinned.push(blob.hash)
      }
      await this.placeStaged(blobs, folders)
      await flushFolders(this.tmp, folders)
    } catch (error) {
      for (const hash of pinned) this.release(hash)
      throw error
    }
  }

  /** Moves a batch of flushed temp files in under their hashes (pinned already); `folders` as for `placeTemp`. */
  protected async placeStaged(blobs: DeferredBlob[], folders: Set<string>): Promise<void> {
    await inLanes(blobs, PLACES_AT_ONCE, (blob) => this.placeTemp(blob.tempFile, blob.hash, blob.size, folders))
  }

  /**
   * A new temp file's path, in one of TEMP_SHARDS folders of `tmp` picked at random. Creating
   * 20,000 files in one folder took the kernel 2.8–3.7 s here against 1.3 s spread over 64
   * folders (the folder's index grows and the copy threads take turns at its lock), the most
   * an import of small files spent beyond what `cp -r` does (docs/imports.md).
   */
  protected tempName(): string {
    const shard = `${this.tmp}${path.sep}${randomInt(TEMP_SHARDS).toString(16).padStart(2, '0')}`
    if (!this.madeShards.has(shard)) {
      fs.mkdirSync(shard, { recursive: true })
      this.madeShards.add(shard)
    }
    return `${shard}${path.sep}${this.owner}-${++this.tempCount}`
  }

  /** Pin and lease come before the engine looks whether the content is stored (see the class comment). */
  private async place(tmpFile: string, hash: string, size: number): Promise<void> {
    await this.pin(hash)
    try {
      await this.placeTemp(tmpFile, hash, size)
    } catch (error) {
      this.release(hash)
      throw error
    }
  }

  async pin(hash: string): Promise<void> {
    this.pinned.set(hash, (this.pinned.get(hash) ?? 0) + 1)
    if (this.graceMs <= 0) return
    this.leaseTimer ??= setInterval(() => void this.refreshLeases().catch(() => undefined), this.graceMs / 4)
    this.leaseTimer.unref()
    try {
      await this.writeLease(hash)
    } catch (error) {
      this.release(hash)
      throw error
    }
  }

  release(hash: string): void {
    const n = (this.pinned.get(hash) ?? 0) - 1
    if (n <= 0) this.pinned.delete(hash)
    else this.pinned.set(hash, n)
    if (this.pinned.size === 0 && this.leaseTimer) {
      clearInterval(this.leaseTimer)
      this.leaseTimer = null
    }
  }

  /** Keeps the leases of pinned blobs fresh: a long upload or job outlives one grace period. */
  async refreshLeases(): Promise<void> {
    for (const hash of [...this.pinned.keys()]) await this.writeLease(hash)
  }

  async verify(hash: string): Promise<boolean> {
    const hasher = createHash('sha256')
    try {
      await pipeline(this.rawStream(hash), hasher)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as AppError).code === 'NOT_FOUND') return false
      throw error
    }
    return hasher.digest('hex') === hash
  }

  /** The stored bytes as they are, unchecked: what `verify` hashes. */
  protected abstract rawStream(hash: string): Readable

  /** Whether something in this process, or a fresh lease anywhere, still needs the blob. */
  private keptHere(hash: string, isReferenced: (hash: string) => boolean): boolean {
    return isReferenced(hash) || this.pinned.has(hash)
  }

  private async leasedElsewhere(hash: string): Promise<boolean> {
    if (this.graceMs <= 0) return false
    const newest = await this.newestLease(hash)
    return newest !== null && this.clock() - newest < this.graceMs
  }

  private async collectOne(hash: string, isReferenced: (hash: string) => boolean, report: GarbageReport): Promise<void> {
    if (this.keptHere(hash, isReferenced) || (await this.leasedElsewhere(hash))) return
    // Asked again after the last await: an upload of the same bytes may have pinned it meanwhile.
    if (this.keptHere(hash, isReferenced)) return
    const trashed = await this.moveToTrash(hash, `${hash}.${this.clock()}.${randomUUID()}`)
    if (!trashed) return
    if (this.keptHere(hash, isReferenced) || (await this.leasedElsewhere(hash))) {
      await this.restoreFromTrash(hash, trashed.trashId)
      return
    }
    await this.dropTrash(trashed.trashId)
    report.removed++
    report.bytes += trashed.size
  }

  async collectSome(hashes: Iterable<string>, isReferenced: (hash: string) => boolean): Promise<GarbageReport> {
    const report = { removed: 0, bytes: 0 }
    for (const hash of hashes) await this.collectOne(hash, isReferenced, report)
    return report
  }

  /**
   * A full pass. It first settles what a pass that was killed midway left in the trash (a
   * blob still needed goes back), and forgets leases far older than the grace period.
   */
  async collect(isReferenced: (hash: string) => boolean): Promise<GarbageReport> {
    // Another process's pass may be between its move and its second look: its trash is left to it.
    const settledBefore = this.clock() - Math.max(this.graceMs, this.graceMs > 0 ? 60_000 : 0)
    for await (const { hash, trashId } of this.listTrash()) {
      if (this.graceMs > 0 && Number(trashId.split('.')[1]) > settledBefore) continue
      if ((this.keptHere(hash, isReferenced) || (await this.leasedElsewhere(hash))) && !(await this.has(hash))) await this.restoreFromTrash(hash, trashId)
      else await this.dropTrash(trashId)
    }
    if (this.graceMs > 0) await this.dropLeasesBefore(this.clock() - 2 * this.graceMs)
    const report = { removed: 0, bytes: 0 }
    for await (const hash of this.listHashes()) await this.collectOne(hash, isReferenced, report)
    return report
  }

  async close(): Promise<void> {
    if (this.leaseTimer) clearInterval(this.leaseTimer)
    this.leaseTimer = null
  }
}

/** Passes bytes through, hashing them; fails at the end when they are not the content named `hash`. */
export function checkedAgainst(hash: string, source?: Readable): Transform {
  const hasher = createHash('sha256')
  const check = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hasher.update(chunk)
      done(null, chunk)
    },
    flush(done) {
      const got = hasher.digest('hex')
      done(got === hash ? null : new AppError('INTERNAL', `The stored content ${hash} is damaged: its bytes hash to ${got}.`, { hash }))
    },
  })
  // pipe() does not forward errors: a missing or unreadable file must fail the stream the reader holds.
  source?.on('error', (error) => check.destroy(error))
  return check
}

/** Runs `work` on every item, at most `lanes` at a time. */
async function inLanes<T>(items: T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane))
}

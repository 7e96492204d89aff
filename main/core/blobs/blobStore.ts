import type { Readable } from 'node:stream'
import { AppError } from '../../../shared/errors.js'

export interface StoredBlob {
  hash: string
  size: number
}

export interface DeferredBlob extends StoredBlob {
  head: Buffer
  /** The copy's temp file, for readers that need the whole file before it is stored. */
  tempFile: string
  /** Fsyncs, stores and pins the content; folders whose entries still need an fsync are added to `folders`. */
  durable(folders: Set<string>): Promise<void>
  /** Drops the copy, if it was not made durable. */
  discard(): Promise<void>
}

export interface ReadOptions {
  /** Inclusive byte offsets, as in an HTTP range. */
  start?: number
  end?: number
  highWaterMark?: number
}

export interface GarbageReport {
  removed: number
  bytes: number
}

/**
 * Where file contents live, keyed by their sha256 (docs/store.md, docs/team.md). Every part of
 * the app reaches contents through this interface, never through a path it builds itself, so
 * that a library's blobs may be a folder (its own, or one on a mount a team shares) or an S3
 * bucket. Each engine hashes what it stores and what it reads back: no engine trusts the
 * storage underneath to have kept the bytes.
 */
export interface BlobStore {
  /**
   * Streams content in and returns its hash, pinned until `release` so that no collection
   * pass (in this process or another) takes it before the change referencing it commits.
   */
  put(source: Readable | Buffer, options?: { expectHash?: string; signal?: AbortSignal }): Promise<StoredBlob>
  /** As `put`, from a file on this machine; also returns its first `headBytes`. */
  putFile(file: string | Buffer, options?: { headBytes?: number; signal?: AbortSignal }): Promise<StoredBlob & { head: Buffer }>
  /**
   * As `putFile`, but not yet durable nor stored: the copy waits in a temp file (hashed, not
   * fsynced) until `durable` is called, which fsyncs it and moves it in under its hash, and
   * pins it. An import calls `durable` on many at once, so their flushes overlap, then syncs
   * the folders they went into with `syncFolders`, once each, before it commits their records.
   * A temp file never made durable is removed by `discard` (or, after a crash, at the next open).
   */
  putFileDeferred(file: string | Buffer, options?: { headBytes?: number; signal?: AbortSignal }): Promise<DeferredBlob>
  /** Makes durable the folder entries of blobs placed by `DeferredBlob.durable` (collected in `folders`). */
  syncFolders(folders: Set<string>): Promise<void>
  has(hash: string): Promise<boolean>
  /** The stored size, or null when there is no such blob. */
  size(hash: string): Promise<number | null>
  /** The bytes (or a range of them); a missing blob or one whose bytes changed fails the stream. */
  createReadStream(hash: string, options?: ReadOptions): Readable
  /**
   * A file on this machine holding the content, for tools that read files by path (sharp,
   * exiftool, the background model): the folder engine's own file, or a verified copy in a
   * local cache for a remote engine. Pin the hash first if it may be collected meanwhile.
   */
  localFile(hash: string): Promise<string>
  /** Keeps a stored blob from collection (here and, through a lease, in other processes) until `release`. */
  pin(hash: string): Promise<void>
  release(hash: string): void
  /** Re-hashes a stored blob: false when its bytes no longer match its name. */
  verify(hash: string): Promise<boolean>
  /** Removes every blob nothing references, pins or leases. */
  collect(isReferenced: (hash: string) => boolean): Promise<GarbageReport>
  /** As `collect`, for the listed hashes only. */
  collectSome(hashes: Iterable<string>, isReferenced: (hash: string) => boolean): Promise<GarbageReport>
  close(): Promise<void>
}

const HASH = /^[0-9a-f]{64}$/

export function checkHash(hash: string): string {
  if (!HASH.test(hash)) throw new AppError('INVALID_INPUT', `Not a content hash: ${hash}`)
  return hash
}

export function isHash(text: string): boolean {
  return HASH.test(text)
}

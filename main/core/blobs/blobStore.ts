import type { Readable } from 'node:stream'
import { AppError } from '../../../shared/errors.js'

export interface StoredBlob {
  hash: string
  size: number
}

/** A file's first bytes, as a copy in read them. */
export interface WithHead {
  /** Valid until `releaseHead`: its memory goes to the next copy then (copyPool.ts). */
  head: Buffer
  /** Call once the head has been read; nothing read from it may keep a view of it. */
  releaseHead(): void
}

export interface DeferredBlob extends StoredBlob, WithHead {
  /** The copy's temp file, for readers that need the whole file before it is stored. */
  tempFile: string
  /** Drops the copy, if `storeDeferred` did not take it. */
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
  putFile(file: string | Buffer, options?: { headBytes?: number; signal?: AbortSignal }): Promise<StoredBlob & WithHead>
  /**
   * As `putFile`, but not yet durable nor stored: the copy waits in a temp file (hashed, not
   * fsynced) until `storeDeferred`, which an import calls for a whole batch before it commits
   * the batch's records. A temp file never stored is removed by `discard` (or, after a crash,
   * at the next open).
   */
  putFileDeferred(file: string | Buffer, options?: { headBytes?: number; signal?: AbortSignal }): Promise<DeferredBlob>
  /**
   * Makes a batch of deferred copies durable and stores each under its hash, pinned until
   * `release`: all flushed in one pass, then moved in, then their folder entries flushed. On a
   * failure no pin is left; copies not yet moved in wait for `discard`.
   */
  storeDeferred(blobs: DeferredBlob[]): Promise<void>
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
  /**
   * The blob's own file, where the engine keeps one on this machine (the folder engine), for a
   * reader that goes through it a buffer at a time (a zip); undefined for a remote engine.
   * Whether the file is there is learnt by opening it.
   */
  ownFile?(hash: string): string
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

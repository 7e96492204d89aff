import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { PassThrough, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3'
import { AppError } from '../../../shared/errors.js'
import { BlobEngine, checkedAgainst, hashOfTrash, type BlobEngineOptions, type Trashed } from './blobEngine.js'
import { checkHash, isHash, type ReadOptions } from './blobStore.js'

export interface S3BlobOptions extends BlobEngineOptions {
  bucket: string
  /** Keys start with this (`team-a/`), so that one bucket can hold several libraries. */
  prefix?: string
  /** A local folder for temp files and verified copies of blobs that tools read by path. */
  cacheDir: string
  /** The cache is trimmed, least recently used first, to this many bytes (default 2 GiB). */
  cacheBytes?: number
  /** Endpoint, region, credentials; by default the SDK's own (environment, profile). */
  client?: S3ClientConfig
}

/** Copies used this recently are never evicted: a tool may be about to open one by path. */
const CACHE_IN_USE_MS = 10 * 60_000
/** PutObject takes at most this in one request; larger files would need a multipart upload. */
const MAX_SINGLE_PUT = 5 * 1024 ** 3

/**
 * The S3 engine (docs/team.md): `<prefix>sha256/<hash>`, with leases under `<prefix>leases/`
 * and the collector's trash under `<prefix>trash/`. The bucket is not trusted to keep or to
 * have checked the bytes: a whole read is hashed as it streams and fails if they differ,
 * and the local copies tools read are hashed before they are kept.
 */
export class S3BlobStore extends BlobEngine {
  private readonly client: S3Client
  private readonly bucket: string
  private readonly prefix: string
  private readonly cacheRoot: string
  private readonly cacheBytes: number
  private readonly downloads = new Map<string, Promise<string>>()
  private lastTrim = 0

  constructor(options: S3BlobOptions) {
    super(path.join(options.cacheDir, 'tmp'), options)
    this.bucket = options.bucket
    this.prefix = options.prefix ?? ''
    this.cacheRoot = path.join(options.cacheDir, 'sha256')
    this.cacheBytes = options.cacheBytes ?? 2 * 1024 ** 3
    fs.mkdirSync(this.cacheRoot, { recursive: true })
    // Checksums only where S3 requires them: the SDK's default streams its own checksum trailer,
    // which S3-compatible stores do not all understand; this engine checks sha256 itself.
    this.client = new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED', ...options.client })
  }

  private key(hash: string): string {
    return `${this.prefix}sha256/${checkHash(hash)}`
  }

  private cachePath(hash: string): string {
    return path.join(this.cacheRoot, hash.slice(0, 2), hash.slice(2))
  }

  private async head(key: string): Promise<{ size: number; time: number } | null> {
    try {
      const answer = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))
      return { size: answer.ContentLength ?? 0, time: answer.LastModified?.getTime() ?? 0 }
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  }

  async has(hash: string): Promise<boolean> {
    return (await this.head(this.key(hash))) !== null
  }

  async size(hash: string): Promise<number | null> {
    return (await this.head(this.key(hash)))?.size ?? null
  }

  createReadStream(hash: string, options: ReadOptions = {}): Readable {
    const ranged = options.start !== undefined || options.end !== undefined
    const out = new PassThrough({ highWaterMark: options.highWaterMark })
    const range = ranged ? `bytes=${options.start ?? 0}-${options.end ?? ''}` : undefined
    this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(hash), Range: range }))
      .then((answer) => {
        const body = answer.Body as Readable
        // A range cannot be checked against the hash of the whole.
        return ranged ? pipeline(body, out) : pipeline(body, checkedAgainst(hash), out)
      })
      .catch((error: unknown) => out.destroy(isMissing(error) ? missing(hash) : (error as Error)))
    return out
  }

  protected rawStream(hash: string): Readable {
    const out = new PassThrough()
    this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(hash) }))
      .then((answer) => pipeline(answer.Body as Readable, out))
      .catch((error: unknown) => out.destroy(isMissing(error) ? missing(hash) : (error as Error)))
    return out
  }

  /** A verified local copy, downloaded once however many callers ask at the same time. */
  async localFile(hash: string): Promise<string> {
    const file = this.cachePath(checkHash(hash))
    if (fs.existsSync(file)) {
      const now = new Date()
      await fsp.utimes(file, now, now).catch(() => undefined)
      return file
    }
    let running = this.downloads.get(hash)
    if (!running) {
      running = this.download(hash, file).finally(() => this.downloads.delete(hash))
      this.downloads.set(hash, running)
    }
    return running
  }

  private async download(hash: string, file: string): Promise<string> {
    const tmpFile = this.tempName()
    try {
      await pipeline(this.createReadStream(hash), fs.createWriteStream(tmpFile, { flags: 'wx' }))
      await this.keepInCache(tmpFile, hash)
      return file
    } finally {
      await fsp.rm(tmpFile, { force: true })
    }
  }

  private async keepInCache(tmpFile: string, hash: string): Promise<void> {
    const file = this.cachePath(hash)
    await fsp.mkdir(path.dirname(file), { recursive: true })
    await fsp.rename(tmpFile, file)
    void this.trimCache().catch(() => undefined)
  }

  /** At most once a minute: drops the least recently used copies beyond the budget. */
  private async trimCache(): Promise<void> {
    if (Date.now() - this.lastTrim < 60_000) return
    this.lastTrim = Date.now()
    const files: { file: string; size: number; used: number }[] = []
    for (const prefix of await fsp.readdir(this.cacheRoot)) {
      for (const rest of await fsp.readdir(path.join(this.cacheRoot, prefix)).catch(() => [])) {
        const file = path.join(this.cacheRoot, prefix, rest)
        const stat = await fsp.stat(file).catch(() => null)
        if (stat) files.push({ file, size: stat.size, used: stat.mtimeMs })
      }
    }
    let total = files.reduce((sum, f) => sum + f.size, 0)
    files.sort((a, b) => a.used - b.used)
    for (const f of files) {
      if (total <= this.cacheBytes || Date.now() - f.used < CACHE_IN_USE_MS) break
      await fsp.rm(f.file, { force: true })
      total -= f.size
    }
  }

  /** Uploads unless the bucket has the content; the local file then serves as the cached copy. */
  protected async placeTemp(tmpFile: string, hash: string, size: number): Promise<void> {
    if (!(await this.has(hash))) {
      if (size > MAX_SINGLE_PUT) throw new AppError('LIMIT_EXCEEDED', `A file over ${MAX_SINGLE_PUT / 1024 ** 3} GiB cannot be stored in S3 by this version.`, { size })
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.key(hash),
          // Small files go as one buffer; a stream is sent as it is read, with its length given.
          Body: size <= 8 * 1024 * 1024 ? await fsp.readFile(tmpFile) : fs.createReadStream(tmpFile),
          ContentLength: size,
          ContentType: 'application/octet-stream',
        }),
      )
      const stored = await this.head(this.key(hash))
      if (stored?.size !== size) throw new AppError('INTERNAL', `The bucket kept ${stored?.size ?? 'nothing'} bytes of ${size} for ${hash}.`, { hash })
    }
    await this.keepInCache(tmpFile, hash)
  }

  private async *listKeys(prefix: string): AsyncIterable<{ key: string; time: number }> {
    let token: string | undefined
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix + prefix, ContinuationToken: token }))
      for (const item of page.Contents ?? []) if (item.Key) yield { key: item.Key.slice(this.prefix.length + prefix.length), time: item.LastModified?.getTime() ?? 0 }
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
  }

  protected async *listHashes(): AsyncIterable<string> {
    for await (const { key } of this.listKeys('sha256/')) if (isHash(key)) yield key
  }

  /** The lease's time is the object's LastModified, the bucket's clock: the grace period is far longer than any skew. */
  protected async writeLease(hash: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: `${this.prefix}leases/${hash}/${this.owner}`, Body: '' }))
  }

  protected async newestLease(hash: string): Promise<number | null> {
    let newest: number | null = null
    for await (const { time } of this.listKeys(`leases/${hash}/`)) if (newest === null || time > newest) newest = time
    return newest
  }

  protected async dropLeasesBefore(before: number): Promise<void> {
    for await (const { key, time } of this.listKeys('leases/')) {
      if (time < before) await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: `${this.prefix}leases/${key}` }))
    }
  }

  /** S3 has no rename: a copy, then the delete. */
  protected async moveToTrash(hash: string, trashId: string): Promise<Trashed | null> {
    const stored = await this.head(this.key(hash))
    if (!stored) return null
    try {
      await this.copy(this.key(hash), `${this.prefix}trash/${trashId}`)
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(hash) }))
    return { trashId, size: stored.size }
  }

  protected async restoreFromTrash(hash: string, trashId: string): Promise<void> {
    try {
      await this.copy(`${this.prefix}trash/${trashId}`, this.key(hash))
    } catch (error) {
      if (isMissing(error)) return
      throw error
    }
    await this.dropTrash(trashId)
  }

  protected async dropTrash(trashId: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: `${this.prefix}trash/${trashId}` }))
  }

  protected async *listTrash(): AsyncIterable<{ hash: string; trashId: string }> {
    for await (const { key } of this.listKeys('trash/')) if (isHash(hashOfTrash(key))) yield { hash: hashOfTrash(key), trashId: key }
  }

  private async copy(from: string, to: string): Promise<void> {
    await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${encodeURI(from)}` }))
  }

  override async close(): Promise<void> {
    await super.close()
    this.client.destroy()
  }
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } }
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.Code === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404
}

function missing(hash: string): AppError {
  return new AppError('NOT_FOUND', `The content ${hash} is not in the blob store.`, { hash })
}

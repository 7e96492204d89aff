import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { AppError } from '../../../shared/errors.js'
import { syncDir } from '../store/snapshot.js'
import { BlobEngine, hashOfTrash, type BlobEngineOptions, type Trashed } from './blobEngine.js'
import { checkHash, isHash, type DeferredBlob, type ReadOptions } from './blobStore.js'
import { moveIn } from './copyPool.js'

/**
 * The folder engine: `<folder>/sha256/ab/cdef…` (docs/store.md), a library's own `blobs/`
 * or a folder on a mount that a team's servers share (docs/team.md). Temp files, leases and
 * the collector's trash are beside it, on the same file system, so every move is a rename.
 */
export class FolderBlobStore extends BlobEngine {
  private readonly root: string
  private readonly leases: string
  private readonly trash: string
  /** Prefix folders known to exist, so that storing a blob does not ask again each time. */
  private readonly madeDirs = new Set<string>()

  constructor(
    readonly folder: string,
    options: BlobEngineOptions = {},
  ) {
    super(path.join(folder, 'tmp'), options)
    this.root = path.join(folder, 'sha256')
    this.leases = path.join(folder, 'leases')
    this.trash = path.join(folder, 'trash')
    fs.mkdirSync(this.root, { recursive: true })
    this.clearStaleTemp()
  }

  /**
   * Temp files left by a killed process belong to no blob. A folder only this process uses
   * is cleared at once; in a shared one another process may be writing, so only files
   * untouched for a day (longer than any upload stalls) go.
   */
  private clearStaleTemp(): void {
    const before = this.graceMs > 0 ? Date.now() - 24 * 3600_000 : Infinity
    const clear = (dir: string, depth: number) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name)
        // Temp files sit in the folders tempName spreads them over (or, from older versions, in tmp itself).
        if (entry.isDirectory() && depth === 0) {
          clear(file, 1)
          continue
        }
        try {
          if (fs.statSync(file).mtimeMs < before) fs.rmSync(file, { force: true })
        } catch {
          // Gone already: another process cleared it.
        }
      }
    }
    clear(this.tmp, 0)
  }

  pathOf(hash: string): string {
    checkHash(hash)
    return path.join(this.root, hash.slice(0, 2), hash.slice(2))
  }

  async has(hash: string): Promise<boolean> {
    return fs.existsSync(this.pathOf(hash))
  }

  async size(hash: string): Promise<number | null> {
    const stat = await fsp.stat(this.pathOf(hash)).catch(() => null)
    return stat?.size ?? null
  }

  /** Not re-hashed on each read: the disk is this machine's own, and `verify` checks it on demand. */
  createReadStream(hash: string, options: ReadOptions = {}): Readable {
    return fs.createReadStream(this.pathOf(hash), options)
  }

  protected rawStream(hash: string): Readable {
    return fs.createReadStream(this.pathOf(hash))
  }

  ownFile(hash: string): string {
    return this.pathOf(hash)
  }

  async localFile(hash: string): Promise<string> {
    const file = this.pathOf(hash)
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `The content ${hash} is not in the blob store.`, { hash })
    return file
  }

  protected async placeTemp(tmpFile: string, hash: string, _size?: number, folders?: Set<string>): Promise<void> {
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
    if (folders) folders.add(dir)
    else await syncDir(dir)
  }

  /** All on the copy threads, which rename without a hand-off per file (copyPool.ts). */
  protected override async placeStaged(blobs: DeferredBlob[], folders: Set<string>): Promise<void> {
    const moves = blobs.map((blob) => ({ from: blob.tempFile, to: this.pathOf(blob.hash) }))
    await moveIn(moves)
    for (const { to } of moves) folders.add(path.dirname(to))
  }

  protected async *listHashes(): AsyncIterable<string> {
    for (const prefix of await fsp.readdir(this.root)) {
      const names = await fsp.readdir(path.join(this.root, prefix)).catch(() => [])
      for (const rest of names) if (isHash(prefix + rest)) yield prefix + rest
    }
  }

  /** One lease file per process and hash; its modification time is the lease's time. */
  protected async writeLease(hash: string): Promise<void> {
    const dir = path.join(this.leases, hash)
    const file = path.join(dir, this.owner)
    await fsp.mkdir(dir, { recursive: true })
    const now = new Date(this.clock())
    await fsp.writeFile(file, '')
    await fsp.utimes(file, now, now)
  }

  protected async newestLease(hash: string): Promise<number | null> {
    const dir = path.join(this.leases, hash)
    let newest: number | null = null
    for (const name of await fsp.readdir(dir).catch(() => [])) {
      const stat = await fsp.stat(path.join(dir, name)).catch(() => null)
      if (stat && (newest === null || stat.mtimeMs > newest)) newest = stat.mtimeMs
    }
    return newest
  }

  protected async dropLeasesBefore(before: number): Promise<void> {
    for (const hash of await fsp.readdir(this.leases).catch(() => [])) {
      const dir = path.join(this.leases, hash)
      for (const name of await fsp.readdir(dir).catch(() => [])) {
        const stat = await fsp.stat(path.join(dir, name)).catch(() => null)
        if (stat && stat.mtimeMs < before) await fsp.rm(path.join(dir, name), { force: true })
      }
      // Fails harmlessly when a writer put a lease in it meanwhile.
      await fsp.rmdir(dir).catch(() => undefined)
    }
  }

  protected async moveToTrash(hash: string, trashId: string): Promise<Trashed | null> {
    const file = this.pathOf(hash)
    const stat = await fsp.stat(file).catch(() => null)
    if (!stat) return null
    await fsp.mkdir(this.trash, { recursive: true })
    try {
      await fsp.rename(file, path.join(this.trash, trashId))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return { trashId, size: stat.size }
  }

  protected async restoreFromTrash(hash: string, trashId: string): Promise<void> {
    const target = this.pathOf(hash)
    await fsp.mkdir(path.dirname(target), { recursive: true })
    // The same content under the same name: replacing a copy a writer placed meanwhile is harmless.
    await fsp.rename(path.join(this.trash, trashId), target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
  }

  protected async dropTrash(trashId: string): Promise<void> {
    await fsp.rm(path.join(this.trash, trashId), { force: true })
  }

  protected async *listTrash(): AsyncIterable<{ hash: string; trashId: string }> {
    for (const trashId of await fsp.readdir(this.trash).catch(() => [])) {
      if (isHash(hashOfTrash(trashId))) yield { hash: hashOfTrash(trashId), trashId }
    }
  }
}

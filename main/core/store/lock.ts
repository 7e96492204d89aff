import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AppError } from '../../../shared/errors.js'

/** One process per library: a second one gets a clear error instead of two writers on one journal. */
export class LibraryLock {
  private constructor(readonly file: string) {}

  static acquire(dir: string): LibraryLock {
    const file = path.join(dir, 'library.lock')
    for (let attempt = 0; attempt < 2; attempt++) {
      // Written whole to a temp file, then linked into place: a link fails if the lock exists,
      // and no other process can ever read a lock file that is still empty.
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`
      fs.writeFileSync(tmp, JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() }))
      try {
        fs.linkSync(tmp, file)
        return new LibraryLock(file)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const holder = readHolder(file)
        if (holder && holderAlive(holder)) {
          throw new AppError(
            'LIBRARY_LOCKED',
            `The library at ${dir} is open in another process (pid ${holder.pid} on ${holder.host}). Close it there first.`,
            { dir, pid: holder.pid, host: holder.host },
          )
        }
        // The holder died without closing (killed, crashed): its lock is stale.
        fs.rmSync(file, { force: true })
      } finally {
        fs.rmSync(tmp, { force: true })
      }
    }
    throw new AppError('LIBRARY_LOCKED', `Could not lock the library at ${dir}.`, { dir })
  }

  release(): void {
    fs.rmSync(this.file, { force: true })
  }
}

interface Holder {
  pid: number
  host: string
}

function readHolder(file: string): Holder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Holder>
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, host: String(parsed.host ?? '') } : null
  } catch {
    return null
  }
}

function holderAlive(holder: Holder): boolean {
  // A lock from another machine (a library on a shared drive) cannot be probed: trust it.
  if (holder.host && holder.host !== os.hostname()) return true
  if (holder.pid === process.pid) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

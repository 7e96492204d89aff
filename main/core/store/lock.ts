import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { AppError } from '../../../shared/errors.js'

interface Entry {
  pid: number
  host: string
  at: string
  token?: string
  /** On a claim line: the line number of the holder judged dead. */
  over?: number
}

/**
 * One process per library: a second one gets a clear error instead of two writers on one
 * journal.
 *
 * `library.lock` holds one JSON line per holder. A new lock is written whole to a temp file
 * and linked into place (a link fails if the lock exists). A lock whose holder died is never
 * removed and replaced, which let a slow process delete a lock another had just taken:
 * instead a contender appends a claim line naming the line of the holder it judged dead.
 * Appends to one file land in one order that every reader sees, and the first claim over
 * the current holder wins, so of several contenders racing for a stale lock exactly one
 * holds it; the others read the winner, alive, and are refused. Only the holder removes
 * the file, on release.
 */
export class LibraryLock {
  private constructor(
    readonly file: string,
    private readonly inode: number,
  ) {}

  static acquire(dir: string): LibraryLock {
    const file = path.join(dir, 'library.lock')
    const me: Entry = { pid: process.pid, host: os.hostname(), at: new Date().toISOString(), token: randomUUID() }
    // Each turn either takes the lock or sees a change made by another process (a release,
    // a winning claim): a handful of turns only fail if the lock churns all the time.
    for (let attempt = 0; attempt < 8; attempt++) {
      const tmp = `${file}.${me.token}.tmp`
      fs.writeFileSync(tmp, `${JSON.stringify(me)}\n`)
      try {
        fs.linkSync(tmp, file)
        return new LibraryLock(file, fs.statSync(file).ino)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      } finally {
        fs.rmSync(tmp, { force: true })
      }
      const taken = claimStale(dir, file, me)
      if (taken) return taken
    }
    throw new AppError('LIBRARY_LOCKED', `Could not lock the library at ${dir}: other processes keep taking and releasing it.`, { dir })
  }

  /** @internal for claimStale */
  static held(file: string, inode: number): LibraryLock {
    return new LibraryLock(file, inode)
  }

  release(): void {
    try {
      if (fs.statSync(this.file).ino !== this.inode) return
    } catch {
      return
    }
    fs.rmSync(this.file, { force: true })
  }
}

/** Claims the existing lock if its holder is dead; refuses if it is alive. Null: try again. */
function claimStale(dir: string, file: string, me: Entry): LibraryLock | null {
  let fd: number
  try {
    // No O_CREAT: a lock released meanwhile must not come back as an empty file.
    fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_APPEND)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  try {
    const inode = fs.fstatSync(fd).ino
    const before = readEntries(fd)
    const current = holderLine(before)
    const holder = before[current]
    if (holder && holderAlive(holder)) {
      throw new AppError(
        'LIBRARY_LOCKED',
        `The library at ${dir} is open in another process (pid ${holder.pid} on ${holder.host}). Close it there first.`,
        { dir, pid: holder.pid, host: holder.host },
      )
    }
    // The holder died without closing (killed, crashed): its lock is stale. One write, so
    // the line lands whole and in one place in the order.
    fs.writeSync(fd, `\n${JSON.stringify({ ...me, over: current })}\n`)
    fs.fsyncSync(fd)
    const after = readEntries(fd)
    const winner = after[holderLine(after)]
    if (winner?.token !== me.token) return null
    // The file we claimed is still the lock (nobody releases a lock whose holder is dead).
    return sameFile(file, inode) ? LibraryLock.held(file, inode) : null
  } finally {
    fs.closeSync(fd)
  }
}

/** Who holds the lock in `dir` now, if anyone. */
export function lockHolder(dir: string): { pid: number; host: string } | null {
  let fd: number
  try {
    fd = fs.openSync(path.join(dir, 'library.lock'), 'r')
  } catch {
    return null
  }
  try {
    const entries = readEntries(fd)
    const holder = entries[holderLine(entries)]
    return holder ? { pid: holder.pid, host: holder.host } : null
  } finally {
    fs.closeSync(fd)
  }
}

function sameFile(file: string, inode: number): boolean {
  try {
    return fs.statSync(file).ino === inode
  } catch {
    return false
  }
}

function readEntries(fd: number): (Entry | null)[] {
  const size = fs.fstatSync(fd).size
  const buffer = Buffer.alloc(size)
  let read = 0
  while (read < size) {
    const n = fs.readSync(fd, buffer, read, size - read, read)
    if (n === 0) break
    read += n
  }
  // Every reader splits the same bytes the same way, so line numbers agree between processes.
  return buffer
    .toString('utf8', 0, read)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        const parsed = JSON.parse(line) as Partial<Entry>
        return typeof parsed.pid === 'number' ? { ...parsed, pid: parsed.pid, host: String(parsed.host ?? ''), at: String(parsed.at ?? '') } : null
      } catch {
        return null
      }
    })
}

/** Line 0 holds the lock first; each first claim over the current holder passes it on. */
function holderLine(entries: (Entry | null)[]): number {
  let holder = 0
  for (let i = 1; i < entries.length; i++) if (entries[i]?.over === holder) holder = i
  return holder
}

function holderAlive(holder: Entry): boolean {
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

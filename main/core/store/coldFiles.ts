import fs from 'node:fs'
import { AppError } from '../../../shared/errors.js'
import { coldRecord, type AnyRecord } from './segments.js'

const REF_SPAN = 2 ** 32
/** Descriptors kept open at once; the least recently used is closed past this. */
const MAX_OPEN = 64
/** Reads moving forward through one segment after which the whole segment is read at once. */
const STREAK = 8

/**
 * Reads cold records back from segment files by ref: the segment's number times 2^32 plus
 * the byte offset of its line (docs/store.md, "Cold records"). A read of one record reads a
 * few kilobytes at its offset; a pass going forward through a segment (a search index being
 * built, a listing of a whole folder) reads the segment once and slices it.
 */
export class ColdFiles {
  private readonly files: (string | null)[] = []
  private readonly fds = new Map<number, number>()
  private whole: { no: number; data: Buffer } | null = null
  private streak = { no: -1, at: -1, count: 0 }

  /** Numbers a segment file (absolute path) whose records may be read by ref. */
  add(file: string): number {
    this.files.push(file)
    return this.files.length - 1
  }

  ref(no: number, position: number): number {
    return no * REF_SPAN + position
  }

  /** The segment is no longer read: its descriptor is closed (a file cannot be removed while open on some systems). */
  drop(no: number): void {
    const fd = this.fds.get(no)
    if (fd !== undefined) fs.closeSync(fd)
    this.fds.delete(no)
    this.files[no] = null
    if (this.whole?.no === no) this.whole = null
  }

  read(ref: number): AnyRecord {
    const no = Math.floor(ref / REF_SPAN)
    const position = ref - no * REF_SPAN
    const file = this.files[no]
    if (file === null || file === undefined) throw new AppError('INTERNAL', `A record was asked for in a segment that is no longer read (${no}).`)
    if (this.whole?.no !== no) {
      if (this.streak.no === no && position > this.streak.at) this.streak.count++
      else this.streak.count = 1
      this.streak.no = no
      this.streak.at = position
      if (this.streak.count >= STREAK) this.whole = { no, data: this.readWhole(file) }
    }
    const whole = this.whole?.no === no ? this.whole.data : null
    if (whole !== null) {
      const end = whole.indexOf(0x0a, position)
      if (end < 0) throw this.missing(file, position)
      return coldRecord(file, whole.subarray(position, end), position)
    }
    return coldRecord(file, this.readLine(no, file, position), position)
  }

  close(): void {
    for (const fd of this.fds.values()) fs.closeSync(fd)
    this.fds.clear()
    this.whole = null
  }

  private readWhole(file: string): Buffer {
    try {
      return fs.readFileSync(file)
    } catch {
      throw this.missing(file, 0)
    }
  }

  private readLine(no: number, file: string, position: number): Buffer {
    let fd = this.fds.get(no)
    if (fd === undefined) {
      try {
        fd = fs.openSync(file, 'r')
      } catch {
        throw this.missing(file, position)
      }
      if (this.fds.size >= MAX_OPEN) {
        const [oldest, oldFd] = this.fds.entries().next().value!
        fs.closeSync(oldFd)
        this.fds.delete(oldest)
      }
    } else this.fds.delete(no)
    this.fds.set(no, fd)
    let buffer = Buffer.allocUnsafe(4096)
    let have = 0
    for (;;) {
      const n = fs.readSync(fd, buffer, have, buffer.length - have, position + have)
      if (n === 0) throw this.missing(file, position)
      const end = buffer.indexOf(0x0a, have)
      have += n
      if (end >= 0 && end < have) return buffer.subarray(0, end)
      if (have === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2)
        buffer.copy(bigger, 0, 0, have)
        buffer = bigger
      }
    }
  }

  private missing(file: string, position: number): AppError {
    return new AppError('LIBRARY_CORRUPT', `The library segment ${file} is damaged at byte ${position}: the record is not there. Restore the library from a backup.`, { file, position })
  }
}

import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '../../../shared/errors.js'
import type { Change } from './change.js'
import { changeProblem } from './shape.js'
import { syncDir } from './snapshot.js'

export const ACTIVE_JOURNAL = 'journal.jsonl'
/**
 * A journal set aside by a compaction that has not finished yet: `journal-<lastSeq>.jsonl`, or
 * `journal-<lastSeq>-<n>.jsonl` when that name is taken. A crash can leave a set-aside journal
 * whose seq the next compaction sets aside again (an empty active journal): it must get a
 * name of its own, never the old one's, or the old one's changes are erased.
 */
export const ROTATED = /^journal-(\d+)(?:-(\d+))?\.jsonl$/

type Item =
  | { kind: 'line'; text: string; resolve: () => void; reject: (e: Error) => void }
  | { kind: 'rotate'; seq: number; resolve: (file: string) => void; reject: (e: Error) => void }

/**
 * The append-only journal (docs/store.md). Each change is one line, written and fsynced
 * before its caller hears of success. Lines queued while a flush is under way go out
 * together in the next one (group commit), so a burst costs one fsync per batch.
 */
export class Journal {
  private handle: fsp.FileHandle | null = null
  private queue: Item[] = []
  private flushing = false
  private failure: Error | null = null
  /** Bytes in the active journal, for the compaction threshold. */
  bytes: number

  private constructor(
    readonly dir: string,
    initialBytes: number,
  ) {
    this.bytes = initialBytes
  }

  static async open(dir: string, validBytes: number): Promise<Journal> {
    const file = path.join(dir, ACTIVE_JOURNAL)
    const journal = new Journal(dir, validBytes)
    // Cut a torn tail off before appending, or the next line would be glued to it.
    const size = fs.existsSync(file) ? fs.statSync(file).size : 0
    if (size > validBytes) fs.truncateSync(file, validBytes)
    journal.handle = await fsp.open(file, 'a')
    if (size > validBytes) await journal.handle.sync()
    return journal
  }

  append(change: Change): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    const text = `${JSON.stringify(change)}\n`
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ kind: 'line', text, resolve, reject })
      void this.flush()
    })
  }

  /** Sets the active journal aside once everything queued before this call is on disk. */
  rotate(seq: number): Promise<string> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ kind: 'rotate', seq, resolve, reject })
      void this.flush()
    })
  }

  /** Resolves when everything queued so far is durable. */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
      await new Promise((r) => setImmediate(r))
    }
    if (this.failure) throw this.failure
  }

  get failed(): Error | null {
    return this.failure
  }

  async close(): Promise<void> {
    await this.drain().catch(() => undefined)
    await this.handle?.close()
    this.handle = null
  }

  private async flush(): Promise<void> {
    if (this.flushing) return
    this.flushing = true
    try {
      while (this.queue.length > 0) {
        const head = this.queue[0]
        if (head.kind === 'rotate') {
          this.queue.shift()
          try {
            head.resolve(await this.doRotate(head.seq))
          } catch (error) {
            this.fail(error as Error)
            head.reject(error as Error)
          }
          continue
        }
        let end = 0
        while (end < this.queue.length && this.queue[end].kind === 'line') end++
        const batch = this.queue.splice(0, end) as Extract<Item, { kind: 'line' }>[]
        try {
          const buffer = Buffer.from(batch.map((i) => i.text).join(''))
          await writeAll(this.handle!, buffer)
          await this.handle!.sync()
          this.bytes += buffer.length
          for (const item of batch) item.resolve()
        } catch (error) {
          // A journal that could not be written is not trusted again in this process:
          // memory may be ahead of disk, so every later change is refused until reopened.
          const failure = new AppError('INTERNAL', `The library journal could not be written: ${(error as Error).message}`)
          this.fail(failure)
          for (const item of batch) item.reject(failure)
        }
      }
    } finally {
      this.flushing = false
    }
  }

  private fail(error: Error): void {
    this.failure ??= error
    for (const item of this.queue.splice(0)) item.reject(this.failure)
  }

  private async doRotate(seq: number): Promise<string> {
    const active = path.join(this.dir, ACTIVE_JOURNAL)
    await this.handle!.close()
    this.handle = null
    // A link fails if the name exists: no set-aside journal is ever replaced. Only this
    // process (it holds the lock) creates set-aside journals, so the names run out only
    // if the folder holds billions of them.
    let aside = ''
    for (let n = 0; ; n++) {
      aside = path.join(this.dir, n === 0 ? `journal-${seq}.jsonl` : `journal-${seq}-${n}.jsonl`)
      try {
        await fsp.link(active, aside)
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1_000_000) throw error
      }
    }
    await fsp.unlink(active)
    this.handle = await fsp.open(active, 'a')
    await syncDir(this.dir)
    this.bytes = 0
    return aside
  }
}

async function writeAll(handle: fsp.FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset)
    offset += bytesWritten
  }
}

export interface JournalRead {
  changes: Change[]
  /** Length of the active journal up to its last complete line. */
  activeValidBytes: number
  /** Set when the active journal ended in a torn line that was ignored. */
  tornTail: { file: string; position: number } | null
  rotatedFiles: string[]
}

/**
 * Reads the set-aside journals and then the active one, and returns their changes in seq
 * order. Set-aside journals are put in order by the seqs they hold, not by their names: after
 * repeated crashes several may carry the same seq in their name (one of them empty), and a
 * change may sit in two of them. Only the very last line of the active journal may be torn.
 */
export function readJournals(dir: string): JournalRead {
  const rotatedFiles = readJournals.rotatedNames(dir).map((x) => path.join(dir, x.name))
  const changes: Change[] = []
  for (const file of rotatedFiles) readLines(file, changes, false)
  const active = path.join(dir, ACTIVE_JOURNAL)
  const result = fs.existsSync(active) ? readLines(active, changes, true) : { validBytes: 0, torn: null }
  changes.sort((a, b) => a.seq - b.seq)
  // The same change twice (it cannot differ: a seq is given once) is replayed once.
  const unique = changes.filter((c, i) => i === 0 || changes[i - 1].seq !== c.seq)
  return { changes: unique, activeValidBytes: result.validBytes, tornTail: result.torn, rotatedFiles }
}

function readLines(file: string, out: Change[], isActive: boolean): { validBytes: number; torn: { file: string; position: number } | null } {
  const buffer = fs.readFileSync(file)
  let start = 0
  let line = 1
  while (start < buffer.length) {
    const nl = buffer.indexOf(0x0a, start)
    const end = nl === -1 ? buffer.length : nl
    const isLast = nl === -1 || nl === buffer.length - 1
    const text = buffer.toString('utf8', start, end)
    let change: Change | null = null
    try {
      change = text.trim() === '' ? null : (JSON.parse(text) as Change)
    } catch {
      change = null
    }
    const complete = nl !== -1 && change !== null
    // A whole line of JSON of the wrong shape is damage, not a torn write.
    const problem = complete ? changeProblem(change) : null
    if (problem) {
      throw new AppError(
        'LIBRARY_CORRUPT',
        `The journal ${file} is damaged at line ${line} (byte ${start}): ${problem}. It has not been changed.`,
        { file, position: start, line },
      )
    }
    if (!complete) {
      if (isLast && isActive) return { validBytes: start, torn: { file, position: start } }
      throw new AppError(
        'LIBRARY_CORRUPT',
        `The journal ${file} is damaged at line ${line} (byte ${start}). It has not been changed.`,
        { file, position: start, line },
      )
    }
    out.push(change!)
    start = end + 1
    line++
  }
  return { validBytes: buffer.length, torn: null }
}

/** Journals set aside by compactions, oldest first. */
readJournals.rotatedNames = (dir: string): { name: string; seq: number }[] =>
  fs
    .readdirSync(dir)
    .map((name) => ({ name, m: ROTATED.exec(name) }))
    .filter((x) => x.m !== null)
    .map((x) => ({ name: x.name, seq: Number(x.m![1]), n: Number(x.m![2] ?? 0) }))
    .sort((a, b) => a.seq - b.seq || a.n - b.n)

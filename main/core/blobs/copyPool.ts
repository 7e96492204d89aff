import os from 'node:os'
import { Worker } from 'node:worker_threads'

/**
 * Copies files into the blob store's temp folder on worker threads (`copyIn.worker.mjs`), each
 * read once, hashed and written as it passes; the same threads move a batch of copies in
 * under their hashes. On the main thread, sha256 alone took most of a core at disk speed,
 * every chunk cost three hand-offs to libuv's pool of four threads (which fsyncs and the rest
 * of the app share), and for small files the main thread's own work per file, not the disk,
 * set the pace (docs/imports.md).
 */

export interface CopiedIn {
  hash: string
  size: number
  /** The file's first `headBytes`, valid until `releaseHead`. */
  head: Buffer
  /** Hands the head's memory back for the next copy; call once it has been read. */
  releaseHead(): void
}

export interface CopyRequest {
  source: string | Buffer
  target: string
  /** At most HEAD_MAX; at most SMALL_HEAD (a small file's whole content) takes one of the many small slots. */
  headBytes: number
  /** Fsync the copy before closing it (a single upload); an import's batches are flushed together instead. */
  fsync: boolean
}

/** A temp file to move in under its blob name; nothing is moved when that name is taken (same content). */
export interface Move {
  from: string
  to: string
}

/** The most of a file's start a copy hands back: the embedded-metadata window (media/embedded.ts). */
export const HEAD_MAX = 512 * 1024
/**
 * Heads the main thread may hold at once (an import's files in flight, and uploads); a copy
 * waits for a free one. Their memory is shared with the threads and used again and again: a
 * fresh 512 KB per file cost more in page faults than its copy and hash, and sending shared
 * memory with each message cost the main thread more than the rest of a small file's import.
 */
const HEAD_SLOTS = 64
/**
 * Slots for heads of at most SMALL_HEAD: a small file's head is all of it, and 64 slots of
 * 512 KB let too few small copies be in flight to send them to the threads in large batches
 * (each message woke a thread, which on a loaded machine took the core from the main thread).
 */
export const SMALL_HEAD = 32 * 1024
const SMALL_SLOTS = 256
const ALL_SLOTS = HEAD_SLOTS + SMALL_SLOTS

/** Where a slot's head starts in the shared memory: the large slots first, then the small. */
const offsetOf = (slot: number) => (slot < HEAD_SLOTS ? slot * HEAD_MAX : HEAD_SLOTS * HEAD_MAX + (slot - HEAD_SLOTS) * SMALL_HEAD)

/**
 * Copies at once: as many as there are cores (at least two, so that one slow source does not
 * hold up the rest), at most four, since beyond that they only fight over the disk.
 */
const WORKERS = Math.min(4, Math.max(2, os.availableParallelism()))
/**
 * Jobs sent to a thread ahead of its answers, so that it starts the next file at once instead
 * of waiting for the main thread to be scheduled, hear it and send one: on a busy machine
 * that wait left the copy threads idle half the time. A thread is sent more once it has room
 * for REFILL, as many as fit, in one message: a message to a thread cost the main thread
 * about 0.1 ms, as much as the rest of its work on a small file, and on a loaded machine
 * each one also woke the thread it went to, which took the core from the main thread (with
 * four jobs a message, sending them was a fifth of the main thread's time over 20,000 small
 * files). The head slots bound the copies in flight whatever these allow.
 */
const AHEAD = 64
const REFILL = 32

type Answer = { hash: string; size: number; headLength: number } | { moved: number }

interface Job {
  message: Record<string, unknown>
  /** The head slot a copy writes into, -2 while it waits for one, or -1 for a move. */
  slot: number
  /** Whether the copy's head fits a small slot. */
  small: boolean
  resolve(answer: Answer): void
  reject(error: Error): void
}

interface Thread {
  worker: Worker
  /** Sent to the thread, oldest first: it answers them in order. */
  jobs: Job[]
}

class CopyPool {
  private readonly threads: Thread[] = []
  private readonly queue: Job[] = []
  private memory: { heads: SharedArrayBuffer; stops: SharedArrayBuffer } | null = null
  /** Free slots, large and small. */
  private freeSlots: { large: number[]; small: number[] } = { large: [], small: [] }
  private dispatchSoon: NodeJS.Immediate | null = null
  /** The jobs under way for each signal, which has one listener whatever their number. */
  private readonly bySignal = new WeakMap<AbortSignal, Set<Job>>()

  private shared() {
    if (!this.memory) {
      this.memory = { heads: new SharedArrayBuffer(offsetOf(ALL_SLOTS)), stops: new SharedArrayBuffer(ALL_SLOTS * 4) }
      // Lowest first, so that the memory used again is the memory already paged in.
      this.freeSlots = {
        large: Array.from({ length: HEAD_SLOTS }, (_, i) => HEAD_SLOTS - 1 - i),
        small: Array.from({ length: SMALL_SLOTS }, (_, i) => ALL_SLOTS - 1 - i),
      }
    }
    return this.memory
  }

  async copy(request: CopyRequest, signal?: AbortSignal): Promise<CopiedIn> {
    if (request.headBytes > HEAD_MAX) throw new RangeError(`A copy hands back at most ${HEAD_MAX} bytes of a file's start.`)
    const { source, target, headBytes, fsync } = request
    const job = await this.run({ op: 'copy', source, target, headBytes, fsync }, headBytes <= SMALL_HEAD ? 'small' : 'large', signal)
    const answer = job.answer as { hash: string; size: number; headLength: number }
    const { heads } = this.shared()
    let released = false
    return {
      hash: answer.hash,
      size: answer.size,
      head: Buffer.from(heads, offsetOf(job.slot), answer.headLength),
      releaseHead: () => {
        if (!released) this.giveSlot(job.slot)
        released = true
      },
    }
  }

  async move(moves: Move[]): Promise<void> {
    // Split among the threads: renames are quick, but many thousands are not.
    const share = Math.ceil(moves.length / WORKERS)
    const parts = Array.from({ length: Math.ceil(moves.length / share) }, (_, i) => moves.slice(i * share, (i + 1) * share))
    await Promise.all(parts.map((part) => this.run({ op: 'move', moves: part }, null)))
  }

  private run(message: Record<string, unknown>, needsSlot: 'large' | 'small' | null, signal?: AbortSignal): Promise<{ answer: Answer; slot: number }> {
    signal?.throwIfAborted()
    return new Promise((resolve, reject) => {
      const jobs = signal ? this.jobsOf(signal) : undefined
      const job: Job = {
        message,
        slot: needsSlot ? -2 : -1,
        small: needsSlot === 'small',
        resolve: (answer) => {
          jobs?.delete(job)
          resolve({ answer, slot: job.slot })
        },
        reject: (error) => {
          jobs?.delete(job)
          if (job.slot >= 0) this.giveSlot(job.slot)
          reject(error)
        },
      }
      jobs?.add(job)
      this.queue.push(job)
      this.dispatchLater()
    })
  }

  /** Dispatches once this turn of the event loop is over, so that what it brings is sent together. */
  private dispatchLater(): void {
    this.dispatchSoon ??= setImmediate(() => {
      this.dispatchSoon = null
      this.dispatch()
    })
  }

  private jobsOf(signal: AbortSignal): Set<Job> {
    let jobs = this.bySignal.get(signal)
    if (!jobs) {
      const mine = new Set<Job>()
      signal.addEventListener(
        'abort',
        () => {
          for (const job of mine) {
            const queued = this.queue.indexOf(job)
            if (queued >= 0) {
              this.queue.splice(queued, 1)
              job.reject(signal.reason as Error)
            } else if (job.slot >= 0) {
              // Under way: the thread stops at its next chunk and answers with the error.
              Atomics.store(new Int32Array(this.shared().stops), job.slot, 1)
            }
          }
        },
        { once: true },
      )
      this.bySignal.set(signal, mine)
      jobs = mine
    }
    return jobs
  }

  private giveSlot(slot: number): void {
    if (slot < HEAD_SLOTS) this.freeSlots.large.push(slot)
    else this.freeSlots.small.push(slot)
    this.dispatchLater()
  }

  private dispatch(): void {
    const sending = new Map<Thread, Job[]>()
    const load = (t: Thread) => t.jobs.length
    while (this.queue.length) {
      const least = this.threads.reduce<Thread | undefined>((best, t) => (!best || load(t) < load(best) ? t : best), undefined)
      const thread = least && (load(least) === 0 || this.threads.length >= WORKERS) ? least : this.start()
      if (load(thread) > AHEAD - REFILL) break
      let added = 0
      while (load(thread) < AHEAD) {
        // A copy waits for a free head; a move behind it need not.
        const index = this.queue.findIndex((job) => job.slot === -1 || (job.small ? this.freeSlots.small : this.freeSlots.large).length > 0)
        if (index < 0) break
        const [job] = this.queue.splice(index, 1)
        if (job.slot === -2) {
          job.slot = (job.small ? this.freeSlots.small : this.freeSlots.large).pop()!
          Atomics.store(new Int32Array(this.shared().stops), job.slot, 0)
        }
        thread.jobs.push(job)
        const batch = sending.get(thread)
        if (batch) batch.push(job)
        else sending.set(thread, [job])
        added++
      }
      if (added === 0) break
    }
    for (const [thread, jobs] of sending) {
      // Busy threads keep the process alive, idle ones do not: a finished import leaves nothing running.
      thread.worker.ref()
      thread.worker.postMessage(jobs.map((job) => ({ slot: job.slot, offset: job.slot >= 0 ? offsetOf(job.slot) : 0, ...job.message })))
    }
  }

  private start(): Thread {
    const { heads, stops } = this.shared()
    const worker = new Worker(new URL('./copyIn.worker.mjs', import.meta.url), { workerData: { heads, stops } })
    const thread: Thread = { worker, jobs: [] }
    // Answers come in order, several to a message when they come fast (copyIn.worker.mjs).
    worker.on('message', (messages: { answer?: Answer; error?: { message: string; code?: string; name?: string } }[]) => {
      for (const message of messages) {
        const job = thread.jobs.shift()
        if (!job) continue
        if (message.error) job.reject(Object.assign(new Error(message.error.message), { code: message.error.code, name: message.error.name ?? 'Error' }))
        else job.resolve(message.answer!)
      }
      if (thread.jobs.length === 0) worker.unref()
      this.dispatchLater()
    })
    const lost = (error: Error) => {
      const index = this.threads.indexOf(thread)
      if (index < 0) return
      this.threads.splice(index, 1)
      for (const job of thread.jobs.splice(0)) job.reject(error)
      this.dispatch()
    }
    worker.on('error', lost)
    worker.on('exit', (code) => lost(new Error(`the copy thread stopped (exit ${code})`)))
    this.threads.push(thread)
    return thread
  }

  async close(): Promise<void> {
    const workers = this.threads.splice(0).map((t) => t.worker)
    await Promise.all(workers.map((w) => w.terminate()))
  }
}

const shared = new CopyPool()

/** Copies `source` to a new file `target` (which must not exist), hashing it; fails with the file system's error code. */
export function copyIn(request: CopyRequest, signal?: AbortSignal): Promise<CopiedIn> {
  return shared.copy(request, signal)
}

/** Renames each temp file to its blob name, making the folder where needed; drops it where the name is taken. */
export function moveIn(moves: Move[]): Promise<void> {
  return shared.move(moves)
}

/** Ends the copy threads (tests); the next copy starts new ones. */
export function closeCopyPool(): Promise<void> {
  return shared.close()
}

import { Worker } from 'node:worker_threads'

/** What the reading thread found: the file missing, or its size and (when it is the size expected) its sha256. */
export type ColumnFileRead = { missing: true } | { size: number; sha256?: string }

/**
 * Reads column files and checks their sha256 on a thread of its own (columnRead.worker.mjs),
 * into buffers shared with it (ReadBuffers in hotColumns.ts): at a million files open reads
 * 350 MB of column files, and hashing them took 0.35 s of the main thread, which open is bound
 * by (docs/store.md, "Column files"). When the thread cannot be started, or stops, each read
 * is answered as unavailable and the caller reads the file itself.
 */
export class ColumnFileReader {
  private worker: Worker | null = null
  private readonly waiting = new Map<number, (read: ColumnFileRead | null) => void>()
  private next = 0
  /** The shared buffers the thread has been sent, by number: each is sent once, then named. */
  private readonly sent = new Map<SharedArrayBuffer, number>()

  constructor() {
    try {
      const worker = new Worker(new URL('./columnRead.worker.mjs', import.meta.url))
      worker.on('message', (answer: ColumnFileRead & { id: number }) => {
        const done = this.waiting.get(answer.id)
        this.waiting.delete(answer.id)
        if (this.waiting.size === 0) worker.unref()
        done?.(answer)
      })
      const lost = () => {
        this.worker = null
        for (const done of this.waiting.values()) done(null)
        this.waiting.clear()
      }
      worker.on('error', lost)
      worker.on('exit', lost)
      // Kept alive by reads waiting on it, and no longer: an open never waits on the thread to end.
      worker.unref()
      this.worker = worker
    } catch {
      this.worker = null
    }
  }

  /** Reads `file` into the start of `buffer` (which must be over a SharedArrayBuffer); null when the thread is not there. */
  read(file: string, buffer: Buffer, expectBytes: number): Promise<ColumnFileRead | null> {
    const worker = this.worker
    if (worker === null || !(buffer.buffer instanceof SharedArrayBuffer) || buffer.byteOffset !== 0) return Promise.resolve(null)
    const id = this.next++
    return new Promise((resolve) => {
      this.waiting.set(id, resolve)
      worker.ref()
      const memory = buffer.buffer as SharedArrayBuffer
      let memoryNo = this.sent.get(memory)
      // Sending a shared buffer cost half a millisecond each time; a number costs nothing.
      const first = memoryNo === undefined
      if (memoryNo === undefined) this.sent.set(memory, (memoryNo = this.sent.size))
      worker.postMessage({ id, file, memoryNo, memory: first ? memory : undefined, expect: expectBytes })
    })
  }

  close(): void {
    const worker = this.worker
    this.worker = null
    void worker?.terminate()
  }
}

import { Worker } from 'node:worker_threads'
import type { StringColumn } from './hotColumns.js'
import type { IdIndex } from './idIndex.js'

/** What the reading thread found: the file missing, or its size and (when it is the size expected) its sha256. */
export type ColumnFileRead = { missing: true } | { size: number; sha256?: string }

/**
 * Reads column files and checks their sha256 on a thread of its own (columnRead.worker.mjs),
 * into buffers shared with it (ReadBuffers in hotColumns.ts), and looks ids of their columns up
 * in the store's id index there: at a million files open reads 350 MB of column files, and
 * hashing them took 0.35 s of the main thread, which open is bound by (docs/store.md, "Column
 * files"; docs/scale.md, "Open"). When the thread cannot be started, or stops, each read is
 * answered as unavailable and the caller reads and numbers on its own.
 */
export class ColumnFileReader {
  private worker: Worker | null = null
  private readonly waiting = new Map<number, (answer: (ColumnFileRead & { numbers?: Int32Array }) | null) => void>()
  private next = 0
  /** The shared buffers the thread has been sent, by number: each is sent once, then named. */
  private readonly sent = new Map<SharedArrayBuffer, number>()

  constructor() {
    try {
      const worker = new Worker(new URL('./columnRead.worker.mjs', import.meta.url))
      worker.on('message', ({ id, ...answer }: ColumnFileRead & { id: number; numbers?: Int32Array }) => {
        const done = this.waiting.get(id)
        this.waiting.delete(id)
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
    if (!(buffer.buffer instanceof SharedArrayBuffer) || buffer.byteOffset !== 0) return Promise.resolve(null)
    const memory = buffer.buffer
    return this.ask((share) => ({ file, memoryNo: this.no(memory, share), expect: expectBytes }))
  }

  /**
   * The number of each id of `column` in `index` (-1 where the thread did not find it), looked
   * up on the thread: open hands link and asset files to the store with the slots of the links'
   * assets and of the assets' parents found, which took the main thread 0.35 s each at a
   * million files. Null when it cannot be asked (the thread is gone, or the column is not ASCII
   * ids with their hashes in shared memory).
   */
  async lookUp(column: StringColumn, index: IdIndex): Promise<Int32Array | null> {
    if (column.kind !== 'bytes' || column.hashes === null || column.nulls !== null) return null
    const { data, starts, hashes } = column
    const views = [data, starts, hashes]
    if (!views.every((v) => v.buffer instanceof SharedArrayBuffer)) return null
    const arrays = index.sharedArrays()
    const answer = await this.ask((share) => {
      const place = (v: Uint8Array | Uint32Array) => [this.no(v.buffer as SharedArrayBuffer, share), v.byteOffset, v.byteLength]
      return {
        column: { data: place(data), starts: place(starts), hashes: place(hashes), count: hashes.length },
        index: { table: [this.no(arrays.table, share)], meta: [this.no(arrays.meta, share)], arena: [this.no(arrays.arena, share)] },
      }
    })
    return answer === null || !answer.numbers ? null : answer.numbers
  }

  /** The number the thread knows `memory` by; a buffer it has not seen yet goes in `share`, sent with the message. */
  private no(memory: SharedArrayBuffer, share: [number, SharedArrayBuffer][]): number {
    let no = this.sent.get(memory)
    // Sending a shared buffer cost half a millisecond each time; a number costs nothing.
    if (no === undefined) {
      this.sent.set(memory, (no = this.sent.size))
      share.push([no, memory])
    }
    return no
  }

  private ask(message: (share: [number, SharedArrayBuffer][]) => object): Promise<(ColumnFileRead & { numbers?: Int32Array }) | null> {
    const worker = this.worker
    if (worker === null) return Promise.resolve(null)
    const id = this.next++
    const share: [number, SharedArrayBuffer][] = []
    const body = message(share)
    return new Promise((resolve) => {
      this.waiting.set(id, resolve)
      worker.ref()
      worker.postMessage({ id, share, ...body })
    })
  }

  close(): void {
    const worker = this.worker
    this.worker = null
    void worker?.terminate()
  }
}

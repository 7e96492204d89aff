import { Worker } from 'node:worker_threads'

/** Opening a PDF and rendering one page; a file that takes longer is treated as unreadable. */
export const PDF_TIMEOUT_MS = 30_000

export interface PdfInfo {
  pages: number
  /** The first page's size in points (1/72 inch). */
  width: number
  height: number
}

export interface PdfPage {
  pages: number
  width: number
  height: number
  /** Packed RGB, 3 bytes a pixel. */
  pixels: Buffer
}

type Request = { op: 'info'; file: string } | { op: 'render'; file: string; page: number; maxSide: number; shortSide?: number }
interface Pending {
  /** The worker asked: when it ends, only its own requests fail, not those already sent to its successor. */
  worker: Worker
  resolve(value: unknown): void
  reject(error: Error): void
  timer: NodeJS.Timeout
}

/**
 * One worker thread running MuPDF (the `mupdf` package: its WebAssembly build needs no system
 * library), started on first use and kept: loading the WebAssembly takes longer than a page.
 * Requests run one at a time in it; one that passes its time limit ends the worker (a looping
 * parser cannot be interrupted otherwise) and fails, and the next request starts a new one.
 */
class PdfWorker {
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1

  private start(): Worker {
    const worker = new Worker(new URL('./pdfRender.worker.mjs', import.meta.url))
    worker.unref()
    worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const waiting = this.pending.get(message.id)
      if (!waiting) return
      this.pending.delete(message.id)
      clearTimeout(waiting.timer)
      if (message.error !== undefined) waiting.reject(new Error(message.error))
      else waiting.resolve(message.result)
    })
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null
      for (const [id, waiting] of this.pending) {
        if (waiting.worker !== worker) continue
        clearTimeout(waiting.timer)
        waiting.reject(error)
        this.pending.delete(id)
      }
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`the PDF reader stopped (exit ${code})`)))
    return worker
  }

  ask<T>(request: Request, timeoutMs = PDF_TIMEOUT_MS): Promise<T> {
    this.worker ??= this.start()
    const worker = this.worker
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`reading the PDF took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`))
        // Whatever else was queued behind it fails with the exit and may be asked again.
        if (this.worker === worker) this.worker = null
        void worker.terminate()
      }, timeoutMs)
      this.pending.set(id, { worker, resolve: resolve as (value: unknown) => void, reject, timer })
      worker.postMessage({ id, ...request })
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }
}

const shared = new PdfWorker()

/** `timeoutMs`: the time limit (tests shorten it). */
export function pdfInfo(file: string, timeoutMs = PDF_TIMEOUT_MS): Promise<PdfInfo> {
  return shared.ask<PdfInfo>({ op: 'info', file }, timeoutMs)
}

/**
 * Page `page` (from 0) scaled so that its long side is `maxSide` pixels; with `shortSide`, so
 * that its short side is that (a thumbnail's square is cut from it), its long side still at
 * most `maxSide`.
 */
export async function renderPdfPage(file: string, page: number, maxSide: number, shortSide?: number): Promise<PdfPage> {
  const result = await shared.ask<PdfPage & { pixels: Uint8Array }>({ op: 'render', file, page, maxSide, shortSide })
  return { ...result, pixels: Buffer.from(result.pixels.buffer, result.pixels.byteOffset, result.pixels.byteLength) }
}

/** Ends the worker (tests, and the benchmark between its passes). */
export function closePdfWorker(): Promise<void> {
  return shared.close()
}

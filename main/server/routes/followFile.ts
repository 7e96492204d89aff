import fsp from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'

const CHUNK = 1024 * 1024
/** How long to wait for more bytes when the writer has not caught up; short against the time a download takes. */
const IDLE_MS = 15

/**
 * Sends a file to `res` while another task is still writing it (at `growing`, renamed to
 * `final` when complete), until `finished` settles and every byte is out. `start` is called
 * once, before the first byte, when the file is known to exist. Returns false when the
 * writer failed before the file existed (nothing has been sent); a failure once bytes have
 * gone out rejects, and the caller cuts the response short so the browser marks it failed.
 */
export async function followGrowingFile(
  paths: { growing: string; final: string },
  finished: Promise<void>,
  res: ServerResponse,
  start: () => void,
): Promise<boolean> {
  let settled: { ok: boolean; error?: unknown } | null = null
  const settle = finished.then(
    () => {
      settled = { ok: true }
    },
    (error: unknown) => {
      settled = { ok: false, error }
    },
  )
  const waitForMore = () => Promise.race([settle, new Promise((resolve) => setTimeout(resolve, IDLE_MS))])

  let handle: FileHandle | null = null
  while (!handle) {
    // Once the writer is done, the file has its final name (a small one may never be seen growing).
    const done = settled as { ok: boolean } | null
    if (done && !done.ok) return false
    handle = await fsp.open(done ? paths.final : paths.growing, 'r').catch(() => null)
    if (!handle) {
      if (done) return false
      await waitForMore()
    }
  }
  try {
    start()
    const buffer = Buffer.allocUnsafe(CHUNK)
    let position = 0
    while (!res.destroyed) {
      const doneBefore = settled as { ok: boolean; error?: unknown } | null
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position)
      if (bytesRead > 0) {
        position += bytesRead
        // A copy: the buffer is read into again while the socket may still hold this chunk.
        if (!res.write(Buffer.from(buffer.subarray(0, bytesRead)))) await drained(res)
        continue
      }
      if (doneBefore) {
        // Nothing more to read after the writer had finished: every byte is out, or it failed.
        if (!doneBefore.ok) throw doneBefore.error
        res.end()
        return true
      }
      await waitForMore()
    }
    return true
  } finally {
    await handle.close()
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    // A response already gone will say neither again.
    if (res.destroyed || !res.writableNeedDrain) return resolve()
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

// Copies files into the blob store's temp folder, hashing them as the bytes pass, and moves a
// batch of copies in under their hashes, off the main thread (main/core/blobs/copyPool.ts).
// Synchronous calls: this is the thread's only work, and one call per step is cheaper than a
// hand-off to libuv's pool per chunk. Plain JavaScript, so that it runs as it is under Node,
// the tests and the packaged app alike.
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { parentPort, workerData } from 'node:worker_threads'

// Small enough to stay in the CPU's cache between the read, the hash and the write: 1 MB chunks
// made the same copy twice as slow here. Memory does not grow with the file.
const CHUNK = 256 * 1024
const buffer = Buffer.allocUnsafeSlow(CHUNK)

/** Memory shared with the main thread: a head slot per copy in flight, and a stop flag per slot. */
const { heads, stops } = workerData
const stopFlags = new Int32Array(stops)

/** A path that came as bytes (a name that is not UTF-8) arrives as a Uint8Array. */
const asPath = (p) => (typeof p === 'string' ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength))

const cancelled = () => Object.assign(new Error('The copy was cancelled.'), { name: 'AbortError', code: 'ABORT_ERR' })

/** `beforeLong`: called before the copy of a file that is not quick, so no answer waits for it. */
function copy({ source, target, headBytes, fsync, slot, offset }, beforeLong) {
  const head = new Uint8Array(heads, offset, headBytes)
  const hasher = createHash('sha256')
  let size = 0
  // Non-blocking, so that a FIFO put where a file was does not hang the open; refused below.
  const input = fs.openSync(asPath(source), fs.constants.O_NONBLOCK === undefined ? 'r' : fs.constants.O_RDONLY | fs.constants.O_NONBLOCK)
  try {
    const stat = fs.fstatSync(input)
    if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREGULAR' })
    if (stat.size > QUICK_BYTES) beforeLong()
    const out = fs.openSync(target, 'wx')
    try {
      for (;;) {
        // Set by the main thread when the import is cancelled: a large file stops within a chunk.
        if (Atomics.load(stopFlags, slot) !== 0) throw cancelled()
        // The head is read straight into its shared slot and hashed and written from there:
        // copying it over from the chunk buffer (a copy into shared memory, which V8 makes
        // word by word) took as much of the thread as the hashing for files of 1 MB.
        const into = size < headBytes ? head.subarray(size, Math.min(size + CHUNK, headBytes)) : buffer
        const n = fs.readSync(input, into, 0, into.length, null)
        if (n === 0) break
        const chunk = into.subarray(0, n)
        hasher.update(chunk)
        for (let done = 0; done < n; ) done += fs.writeSync(out, chunk, done, n - done)
        size += n
      }
      if (fsync) fs.fsyncSync(out)
    } finally {
      fs.closeSync(out)
    }
  } finally {
    fs.closeSync(input)
  }
  return { hash: hasher.digest('hex'), size, headLength: Math.min(size, headBytes) }
}

/** Renames each temp file to its blob name; the same content already there wins and the copy goes. */
function move({ moves }) {
  let moved = 0
  for (const { from, to } of moves) {
    if (fs.existsSync(to)) {
      fs.rmSync(from, { force: true })
      continue
    }
    try {
      fs.renameSync(from, to)
    } catch (error) {
      // The blob's folder is made on first use (or again, if someone tidied the store by hand).
      if (error.code !== 'ENOENT' || !fs.existsSync(from)) throw error
      fs.mkdirSync(path.dirname(to), { recursive: true })
      fs.renameSync(from, to)
    }
    moved++
  }
  return { moved }
}

/**
 * Answers of quick jobs are held back at most this long to go several to a message (each
 * message costs the main thread as much as a small file's other work, and wakes it). The
 * main thread keeps dozens of jobs queued here (copyPool.ts), so the wait holds up no copy;
 * at 2 ms, a thread taken off its core on a loaded machine sent nearly every answer alone.
 */
const HOLD_MS = 8
/** A file this large is not quick: what is held goes before its copy starts. */
const QUICK_BYTES = 1024 * 1024

let held = []
let heldSince = 0

function answer(message) {
  if (held.length === 0) heldSince = performance.now()
  held.push(message)
}

function sendHeld() {
  if (held.length) parentPort.postMessage(held)
  held = []
}

// Jobs come several to a message; they are answered in order, all of a message's by its end.
parentPort.on('message', (requests) => {
  for (const request of requests) {
    try {
      answer({ answer: request.op === 'copy' ? copy(request, sendHeld) : move(request) })
    } catch (error) {
      answer({ error: { message: error.message, code: error.code, name: error.name } })
    }
    if (performance.now() - heldSince >= HOLD_MS) sendHeld()
  }
  sendHeld()
})

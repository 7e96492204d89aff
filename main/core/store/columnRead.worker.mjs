// Reads a column file into memory shared with the main thread and checks its size and sha256
// there, so that open's main thread does neither (main/core/store/columnReader.ts). Synchronous
// calls: this is the thread's only work. Plain JavaScript, so that it runs as it is under Node,
// the tests and the packaged app alike.
import fs from 'node:fs'
import { createHash } from 'node:crypto'
import { parentPort } from 'node:worker_threads'

/** The buffers shared with the main thread, by number: each comes once, then is named by its number. */
const memories = new Map()

/** `memoryNo`: the SharedArrayBuffer the file is read into from its start; `expect`: the size the manifest gives. */
function read({ file, memoryNo, memory: sent, expect }) {
  if (sent !== undefined) memories.set(memoryNo, sent)
  const memory = memories.get(memoryNo)
  let fd
  try {
    fd = fs.openSync(file, 'r')
  } catch {
    return { missing: true }
  }
  try {
    const size = fs.fstatSync(fd).size
    // A file of another size is damage: told by its size, without reading it.
    if (size !== expect || size > memory.byteLength) return { size }
    const view = Buffer.from(memory, 0, size)
    let at = 0
    while (at < size) {
      const n = fs.readSync(fd, view, at, size - at, at)
      if (n === 0) break
      at += n
    }
    if (at !== size) return { size: at }
    return { size, sha256: createHash('sha256').update(view).digest('hex') }
  } catch {
    return { missing: true }
  } finally {
    fs.closeSync(fd)
  }
}

parentPort.on('message', (message) => parentPort.postMessage({ id: message.id, ...read(message) }))

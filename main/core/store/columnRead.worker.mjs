// Reads a column file into memory shared with the main thread and checks its size and sha256
// there, so that open's main thread does neither (main/core/store/columnReader.ts). Synchronous
// calls: this is the thread's only work. Plain JavaScript, so that it runs as it is under Node,
// the tests and the packaged app alike.
import fs from 'node:fs'
import { createHash } from 'node:crypto'
import { parentPort } from 'node:worker_threads'

/** Ids lookUp reads ahead for at once. */
const BLOCK = 32
/** What lookUp's reads ahead summed. */
let _touchedSum = 0

/** The buffers shared with the main thread, by number: each comes once, then is named by its number. */
const memories = new Map()

/** `memoryNo`: the SharedArrayBuffer the file is read into from its start; `expect`: the size the manifest gives. */
function read({ file, memoryNo, expect }) {
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

/**
 * The number of each id of a column (ASCII bytes, each with its FNV-1a hash) in the main
 * thread's id index, or -1: the probe of IdIndex.get (main/core/store/idIndex.ts) over the
 * index's shared arrays, read only. The main thread may be adding ids meanwhile: an entry
 * seen half written fails the hash or the length and reads as not found, never as another
 * id, and the main thread numbers every -1 itself.
 */
function lookUp({ column, index }) {
  const at = (a) => memories.get(a[0])
  const bytes = new Uint8Array(at(column.data), column.data[1], column.data[2])
  const starts = new Uint32Array(at(column.starts), column.starts[1], column.count + 1)
  const hashes = new Uint32Array(at(column.hashes), column.hashes[1], column.count)
  const table = new Int32Array(at(index.table))
  const meta = new Int32Array(at(index.meta))
  const arena = new Uint8Array(at(index.arena))
  const mask = (table.length >> 1) - 1
  const out = new Int32Array(column.count)
  const ahead = new Int32Array(BLOCK)
  let touched = 0
  for (let i = 0; i < column.count; i++) {
    // A block at a time, the reads that depend on nothing first, so their cache misses overlap
    // (as IdIndex.addAsciiColumn does): the table places, then where the ids there start, then their bytes.
    if (i % BLOCK === 0) {
      const end = Math.min(i + BLOCK, column.count)
      for (let k = i; k < end; k++) {
        const place = 2 * ((hashes[k] | 0) & mask)
        ahead[k - i] = table[place + 1] === (hashes[k] | 0) ? table[place] - 1 : -1
      }
      for (let k = 0; k < end - i; k++) if (ahead[k] >= 0) ahead[k] = meta[2 * ahead[k]]
      for (let k = 0; k < end - i; k++) if (ahead[k] >= 0) touched += arena[ahead[k]]
    }
    const hash = hashes[i] | 0
    const start = starts[i]
    const length = starts[i + 1] - start
    let found = -1
    for (let place = hash & mask; ; place = (place + 1) & mask) {
      const n = table[2 * place] - 1
      if (n < 0) break
      if (table[2 * place + 1] !== hash || meta[2 * n + 1] !== length) continue
      const from = meta[2 * n]
      let k = 0
      while (k < length && arena[from + k] === bytes[start + k]) k++
      if (k === length) {
        found = n
        break
      }
    }
    out[i] = found
  }
  // Kept, so the reads ahead are not optimised away.
  _touchedSum += touched
  return out
}

parentPort.on('message', (message) => {
  for (const [no, memory] of message.share) memories.set(no, memory)
  if (message.column) {
    const numbers = lookUp(message)
    parentPort.postMessage({ id: message.id, numbers }, [numbers.buffer])
  } else parentPort.postMessage({ id: message.id, ...read(message) })
})

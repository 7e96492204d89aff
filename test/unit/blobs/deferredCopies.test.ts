import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createHash, randomFillSync } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { FolderBlobStore } from '../../../main/core/blobs/folderBlobs.js'
import { useFileSystemSync } from '../../../main/core/blobs/flushFiles.js'
import { tempFilesIn } from '../../support/tempFiles.js'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

let root: string
afterEach(() => {
  useFileSystemSync(true)
  fs.rmSync(root, { recursive: true, force: true })
})

/** Files of several sizes around the copy's 256 KB chunk and the 512 KB head, one of them twice. */
function sources(dir: string): { file: string; bytes: Buffer }[] {
  fs.mkdirSync(dir, { recursive: true })
  const sizes = [0, 1, 4096, 256 * 1024 - 1, 256 * 1024 + 1, 700 * 1024, 3 * 1024 * 1024]
  const made = sizes.map((size, i) => {
    const bytes = randomFillSync(Buffer.alloc(size))
    const file = path.join(dir, `f${i}.bin`)
    fs.writeFileSync(file, bytes)
    return { file, bytes }
  })
  const again = path.join(dir, 'again.bin')
  fs.writeFileSync(again, made[5].bytes)
  return [...made, { file: again, bytes: made[5].bytes }]
}

describe.each([
  ['one syncfs per pass', true],
  ['an fsync per file', false],
])('copies staged for an import, flushed by %s', (_name, syncfs) => {
  it('hash each file as it is copied, hand back its first 512 KB, and are stored whole only by storeDeferred', async () => {
    useFileSystemSync(syncfs)
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-deferred-'))
    const blobs = new FolderBlobStore(path.join(root, 'blobs'))
    const files = sources(path.join(root, 'src'))
    const staged = await Promise.all(files.map(({ file }) => blobs.putFileDeferred(file, { headBytes: 512 * 1024 })))
    for (const [i, copy] of staged.entries()) {
      const { bytes } = files[i]
      expect(copy.hash).toBe(sha256(bytes))
      expect(copy.size).toBe(bytes.length)
      // The head spans chunks: a file over 256 KB gives its first 512 KB, not its first chunk.
      expect(Buffer.from(copy.head).equals(bytes.subarray(0, 512 * 1024))).toBe(true)
      copy.releaseHead()
      // Not stored yet: nothing has its name before it is flushed.
      expect(await blobs.has(copy.hash)).toBe(false)
    }
    await blobs.storeDeferred(staged)
    for (const copy of staged) {
      expect(await blobs.verify(copy.hash)).toBe(true)
      await copy.discard() // harmless once stored
      expect(await blobs.has(copy.hash)).toBe(true)
    }
    expect(tempFilesIn(path.join(root, 'blobs', 'tmp'))).toEqual([])
    await blobs.close()
  })
})

describe('a copy staged for an import', () => {
  it('of a folder or a missing file fails with the reason and leaves no temp file', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-deferred-'))
    const blobs = new FolderBlobStore(path.join(root, 'blobs'))
    await expect(blobs.putFileDeferred(root, { headBytes: 16 })).rejects.toMatchObject({ code: 'ENOTREGULAR' })
    await expect(blobs.putFileDeferred(path.join(root, 'missing'), { headBytes: 16 })).rejects.toMatchObject({ code: 'ENOENT' })
    expect(tempFilesIn(path.join(root, 'blobs', 'tmp'))).toEqual([])
    await blobs.close()
  })

  it('stops when the import is cancelled, within a chunk of a large file, and leaves no temp file', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-deferred-'))
    const blobs = new FolderBlobStore(path.join(root, 'blobs'))
    const big = path.join(root, 'big.bin')
    const chunk = randomFillSync(Buffer.alloc(4 * 1024 * 1024))
    const fd = fs.openSync(big, 'w')
    for (let i = 0; i < 64; i++) fs.writeSync(fd, chunk)
    fs.closeSync(fd)
    const controller = new AbortController()
    const copying = blobs.putFileDeferred(big, { headBytes: 16, signal: controller.signal })
    controller.abort()
    await expect(copying).rejects.toMatchObject({ name: 'AbortError' })
    expect(tempFilesIn(path.join(root, 'blobs', 'tmp'))).toEqual([])
    await blobs.close()
  }, 60_000)
})

import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { FolderBlobStore } from '../../../main/core/blobs/folderBlobs.js'
import { removeFolders, tempFolder } from './fixtures/libraryFolders.js'
import { tempFilesIn } from '../../support/tempFiles.js'

afterEach(removeFolders)

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** Every file under blobs/, relative to the library folder. */
function blobFiles(dir: string): string[] {
  return (fs.readdirSync(path.join(dir, 'blobs'), { recursive: true }) as string[])
    .filter((name) => fs.statSync(path.join(dir, 'blobs', name)).isFile())
    .map((name) => path.join('blobs', name))
    .sort()
}

/** A source that delivers `chunks` and then fails, as a file on a disconnected drive would. */
function failingSource(chunks: Buffer[]): Readable {
  return Readable.from(
    (async function* () {
      for (const chunk of chunks) yield chunk
      throw new Error('the drive went away')
    })(),
  )
}

describe('the blob store', () => {
  // Fsyncs a 3 MB blob more than once: this disk's fsync time swings from milliseconds to tens of seconds.
  it('copies a file in by path, through one reused buffer, with its hash, size and first bytes; a cancel leaves no temp file', async () => {
    const dir = tempFolder()
    const blobs = new FolderBlobStore(path.join(dir, 'blobs'))
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 12)) & 255
    const source = path.join(dir, 'source.bin')
    fs.writeFileSync(source, bytes)
    const twice = await Promise.all([blobs.putFile(source, { headBytes: 600 }), blobs.putFile(source, { headBytes: 600 })])
    for (const { releaseHead, ...stored } of twice) {
      expect(stored).toEqual({ hash: sha256(bytes), size: bytes.length, head: bytes.subarray(0, 600) })
      releaseHead()
    }
    // Buffer.equals: a deep toEqual over 3 MB compares byte by byte through the matcher, for seconds.
    expect(fs.readFileSync(blobs.pathOf(sha256(bytes))).equals(bytes)).toBe(true)
    const controller = new AbortController()
    controller.abort()
    await expect(blobs.putFile(source, { signal: controller.signal })).rejects.toThrow()
    expect(tempFilesIn(path.join(dir, 'blobs', 'tmp'))).toEqual([])
  }, 180_000)

  it('stores identical content once, under its hash', async () => {
    const dir = tempFolder()
    const blobs = new FolderBlobStore(path.join(dir, 'blobs'))
    const bytes = Buffer.from('the same bytes, twice over '.repeat(1000))
    const first = await blobs.put(bytes)
    const second = await blobs.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]))
    expect(first).toEqual({ hash: sha256(bytes), size: bytes.length })
    expect(second).toEqual(first)
    expect(blobFiles(dir)).toEqual([path.join('blobs', 'sha256', first.hash.slice(0, 2), first.hash.slice(2))])
    expect(fs.readFileSync(blobs.pathOf(first.hash)).equals(bytes)).toBe(true)
  })

  it.each([
    ['before its first byte', []],
    ['midway', [Buffer.alloc(64 * 1024, 1), Buffer.alloc(64 * 1024, 2)]],
  ])('leaves neither a temp file nor a blob when the source fails %s', async (_, chunks) => {
    const dir = tempFolder()
    const blobs = new FolderBlobStore(path.join(dir, 'blobs'))
    await expect(blobs.put(failingSource(chunks))).rejects.toThrow('the drive went away')
    expect(blobFiles(dir)).toEqual([])
  })

  it('leaves neither a temp file nor a blob when the content is not what was expected', async () => {
    const dir = tempFolder()
    const blobs = new FolderBlobStore(path.join(dir, 'blobs'))
    const error = await blobs.put(Buffer.from('changed meanwhile'), { expectHash: sha256(Buffer.from('as first read')) }).catch((e: unknown) => e)
    expect((error as { code?: string }).code).toBe('CONFLICT')
    expect(blobFiles(dir)).toEqual([])
  })

  it('leaves neither a temp file nor a blob when the put is aborted', async () => {
    const dir = tempFolder()
    const blobs = new FolderBlobStore(path.join(dir, 'blobs'))
    const abort = new AbortController()
    const source = new Readable({ read() {} })
    source.push(Buffer.alloc(1024, 3))
    const put = blobs.put(source, { signal: abort.signal })
    abort.abort()
    await expect(put).rejects.toThrow()
    expect(blobFiles(dir)).toEqual([])
  })

  it('removes temp files that a killed process left behind', () => {
    const dir = tempFolder()
    fs.mkdirSync(path.join(dir, 'blobs', 'tmp'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'blobs', 'tmp', 'half-written'), 'half')
    // Where temp files are made now: spread over folders of tmp.
    fs.mkdirSync(path.join(dir, 'blobs', 'tmp', '2a'))
    fs.writeFileSync(path.join(dir, 'blobs', 'tmp', '2a', 'also-half-written'), 'half')
    new FolderBlobStore(path.join(dir, 'blobs'))
    expect(blobFiles(dir)).toEqual([])
    expect(tempFilesIn(path.join(dir, 'blobs', 'tmp'))).toEqual([])
  })

  it('verify detects a blob whose bytes changed on disk', async () => {
    const dir = tempFolder()
    const blobs = new FolderBlobStore(path.join(dir, 'blobs'))
    const { hash } = await blobs.put(Buffer.from('pristine content'))
    expect(await blobs.verify(hash)).toBe(true)
    const file = blobs.pathOf(hash)
    const bytes = fs.readFileSync(file)
    bytes[3] ^= 0xff
    fs.writeFileSync(file, bytes)
    expect(await blobs.verify(hash)).toBe(false)
  })
})

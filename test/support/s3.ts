import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import { S3BlobStore } from '../../main/core/blobs/s3Blobs.js'
import type { BlobEngineOptions } from '../../main/core/blobs/blobEngine.js'

/**
 * A private s3rver (an S3 protocol double: it speaks the API and keeps objects in a folder,
 * but checks nothing a real store would) on a free loopback port, with one empty bucket.
 */
export interface TestS3 {
  endpoint: string
  bucket: string
  /** A store on the bucket, as one process would open it; each has its own local cache. */
  open(options?: BlobEngineOptions & { prefix?: string }): S3BlobStore
  close(): Promise<void>
}

export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

export async function startS3(): Promise<TestS3> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-s3-'))
  const bucket = 'trove-test'
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(root, 'objects'), configureBuckets: [{ name: bucket, configs: [] }] })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const opened: S3BlobStore[] = []
  return {
    endpoint,
    bucket,
    open(options = {}) {
      const store = new S3BlobStore({
        ...options,
        bucket,
        cacheDir: fs.mkdtempSync(path.join(root, 'cache-')),
        client: { endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3_CREDENTIALS },
      })
      opened.push(store)
      return store
    },
    async close() {
      for (const store of opened) await store.close()
      await server.close()
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}

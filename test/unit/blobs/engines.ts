import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { BlobEngine, BlobEngineOptions } from '../../../main/core/blobs/blobEngine.js'
import { FolderBlobStore } from '../../../main/core/blobs/folderBlobs.js'
import { S3_CREDENTIALS, startS3, type TestS3 } from '../../support/s3.js'

/** One shared blob location, and a way to open it as another process would. */
export interface EngineUnderTest {
  open(options?: BlobEngineOptions): BlobEngine
  /** Overwrites the stored bytes of `hash` behind the engine's back. */
  damage(hash: string, bytes: Buffer): Promise<void>
  close(): Promise<void>
}

export interface EngineKind {
  name: string
  start(): Promise<EngineUnderTest>
}

export const ENGINES: EngineKind[] = [
  {
    name: 'folder',
    async start() {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-blobs-'))
      const opened: BlobEngine[] = []
      return {
        open(options) {
          const store = new FolderBlobStore(folder, options)
          opened.push(store)
          return store
        },
        async damage(hash, bytes) {
          fs.writeFileSync(path.join(folder, 'sha256', hash.slice(0, 2), hash.slice(2)), bytes)
        },
        async close() {
          for (const store of opened) await store.close()
          fs.rmSync(folder, { recursive: true, force: true })
        },
      }
    },
  },
  {
    name: 's3 (s3rver)',
    async start() {
      const s3: TestS3 = await startS3()
      return {
        open: (options) => s3.open(options),
        async damage(hash, bytes) {
          const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3_CREDENTIALS })
          await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `sha256/${hash}`, Body: bytes }))
          client.destroy()
        },
        close: () => s3.close(),
      }
    },
  },
]

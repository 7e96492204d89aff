import os from 'node:os'
import path from 'node:path'
import { AppError } from '../../../shared/errors.js'
import type { BlobStore } from './blobStore.js'
import { FolderBlobStore } from './folderBlobs.js'
import { S3BlobStore } from './s3Blobs.js'
import type { BlobEngineOptions } from './blobEngine.js'

/** What `--blobs` names: a folder, or `s3://bucket[/prefix]`. */
export type BlobLocation = { kind: 'folder'; folder: string } | { kind: 's3'; bucket: string; prefix: string }

/** Bucket names as S3 allows them (3–63 lowercase letters, digits, dots, hyphens). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

export function parseBlobLocation(text: string): BlobLocation {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(text)
    if (!match) throw new AppError('INVALID_INPUT', `--blobs takes a folder or s3://bucket[/prefix], not ${text}.`)
    const [, bucket, rest = ''] = match
    if (!BUCKET.test(bucket)) throw new AppError('INVALID_INPUT', `"${bucket}" is not a valid S3 bucket name.`)
    const prefix = rest.replace(/^\/+|\/+$/g, '')
    return { kind: 's3', bucket, prefix: prefix ? `${prefix}/` : '' }
  }
  if (text.trim() === '') throw new AppError('INVALID_INPUT', '--blobs needs a folder or s3://bucket.')
  return { kind: 'folder', folder: path.resolve(text) }
}

/**
 * Opens the blob store a team's servers share (docs/team.md). The S3 engine takes its endpoint
 * and credentials from the environment as the AWS SDK does (AWS_ENDPOINT_URL_S3, AWS_REGION,
 * AWS_ACCESS_KEY_ID...), and keeps local copies for tools in `cacheDir`.
 */
export function openBlobStore(location: BlobLocation, options: BlobEngineOptions & { cacheDir?: string } = {}): BlobStore {
  if (location.kind === 'folder') return new FolderBlobStore(location.folder, options)
  const cacheDir = options.cacheDir ?? path.join(os.tmpdir(), 'trove-blob-cache', location.bucket, location.prefix)
  return new S3BlobStore({
    ...options,
    bucket: location.bucket,
    prefix: location.prefix,
    cacheDir,
    client: { region: process.env.AWS_REGION ?? 'us-east-1', forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined || process.env.AWS_ENDPOINT_URL !== undefined },
  })
}

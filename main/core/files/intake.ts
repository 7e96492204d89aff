import fs from 'node:fs'
import fsp from 'node:fs/promises'
import { AppError } from '../../../shared/errors.js'
import type { FileVersion, Id } from '../../../shared/domain.js'
import type { Core, Session } from '../context.js'
import type { StoredBlob } from '../blobs/blobStore.js'
import { displayed, sniff } from '../blobs/sniff.js'
import { EMBEDDED_BYTES, readEmbedded } from '../media/embedded.js'
import type { EmbeddedMetadata, MediaProperties } from '../../../shared/domain.js'
import { isRawMime, renditionSource } from '../../../shared/mediaKinds.js'
import { readMediaFacts } from '../media/mediaFacts.js'

const hasFacts = (mime: string) => isRawMime(mime) || renditionSource(mime) === 'video' || renditionSource(mime) === 'pdf'

export interface Content {
  /** Bytes when a name in it is not valid UTF-8 (from an import's walk; channels give strings). */
  sourcePath?: string | Buffer
  base64?: string
}

export interface StoredContent {
  hash: string
  size: number
  mime: string
  width?: number
  height?: number
  embedded?: EmbeddedMetadata
  media?: MediaProperties
  /** Unpins the blob: call once the change that references it is committed (or abandoned). */
  release(): void
}

/** Enough of a file's start to learn its type and size and read its embedded metadata; the blob is opened again only where it is not. */
const HEAD_BYTES = EMBEDDED_BYTES

/** HEIF turns its images with its own boxes and tells readers to ignore EXIF's orientation. */
const ORIENTED_BY_CONTAINER = new Set(['image/heic', 'image/heif', 'image/avif'])

/**
 * Streams content into the blob store and learns its type from its bytes. The blob stays
 * pinned until `release`, so a collection pass between this and the commit cannot take it.
 */
export async function storeContent(core: Core, session: Session, content: Content, name: string, signal?: AbortSignal): Promise<StoredContent> {
  let stored: StoredBlob & { head: Buffer }
  if (content.sourcePath !== undefined) {
    const file = content.sourcePath
    // Bytes that are not UTF-8 read as U+FFFD: the folders above them, which a grant names, read the same.
    const shown = typeof file === 'string' ? file : file.toString('utf8')
    if (!session.mayUsePath(shown, 'read')) throw new AppError('FORBIDDEN', 'This window may not read files by path; choose them with the file picker.', { sourcePath: shown })
    let stat: fs.Stats
    try {
      stat = await fsp.stat(file)
    } catch (error) {
      throw new AppError('INVALID_INPUT', `Cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`, { sourcePath: shown })
    }
    if (!stat.isFile()) throw new AppError('INVALID_INPUT', `${shown} is not a regular file.`, { sourcePath: shown })
    try {
      stored = await core.blobs.putFile(file, { headBytes: HEAD_BYTES, signal })
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError('INVALID_INPUT', `Cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { sourcePath: shown })
    }
  } else {
    const bytes = Buffer.from(content.base64 ?? '', 'base64')
    stored = { ...(await core.blobs.put(bytes, { signal })), head: bytes.subarray(0, HEAD_BYTES) }
  }
  // The head came with the content: the blob is not opened again to learn its type.
  const { head, ...blob } = stored
  const whole = { path: await core.blobs.localFile(blob.hash), size: blob.size }
  const { orientation: sizeOrientation, ...kind } = await sniff(head, name, whole)
  if (hasFacts(kind.mime)) {
    // A video, PDF or RAW file: what the bundled readers find, or nothing for a corrupt one.
    const { note: _unreadable, ...facts } = await readMediaFacts(kind.mime, { head, ...whole }, signal)
    let released = false
    return {
      ...blob,
      ...kind,
      ...facts,
      release: () => {
        if (!released) core.blobs.release(blob.hash)
        released = true
      },
    }
  }
  const { embedded, orientation = sizeOrientation } = kind.mime.startsWith('image/') && kind.mime !== 'image/svg+xml' ? await readEmbedded({ head, ...whole }) : {}
  let released = false
  return {
    ...blob,
    ...kind,
    ...displayed(kind, ORIENTED_BY_CONTAINER.has(kind.mime) ? undefined : orientation),
    ...(embedded ? { embedded } : {}),
    release: () => {
      if (!released) core.blobs.release(blob.hash)
      released = true
    },
  }
}

export function versionFrom(content: StoredContent, number: number, createdBy: Id, createdAt: number): FileVersion {
  const version: FileVersion = { number, hash: content.hash, size: content.size, mime: content.mime, createdBy, createdAt }
  if (content.width !== undefined) version.width = content.width
  if (content.height !== undefined) version.height = content.height
  if (content.embedded !== undefined) version.embedded = content.embedded
  if (content.media !== undefined) version.media = content.media
  return version
}

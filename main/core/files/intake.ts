import { AppError } from '../../../shared/errors.js'
import type { FileVersion, Id } from '../../../shared/domain.js'
import type { Core, Session } from '../context.js'
import type { DeferredBlob, StoredBlob, WithHead } from '../blobs/blobStore.js'
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
 * Checks that a path may be read by this session; returns it as shown in messages. Whether it
 * is there and a regular file, the copy learns from the handle it reads by (copyIn.worker.mjs),
 * which spares a stat per file and leaves no gap between a check and the open.
 */
function checkSource(session: Session, file: string | Buffer): string {
  // Bytes that are not UTF-8 read as U+FFFD: the folders above them, which a grant names, read the same.
  const shown = typeof file === 'string' ? file : file.toString('utf8')
  if (!session.mayUsePath(shown, 'read')) throw new AppError('FORBIDDEN', 'This window may not read files by path; choose them with the file picker.', { sourcePath: shown })
  return shown
}

function unreadable(error: unknown, shown: string): never {
  if (error instanceof AppError) throw error
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOTREGULAR' || code === 'EISDIR') throw new AppError('INVALID_INPUT', `${shown} is not a regular file.`, { sourcePath: shown })
  throw new AppError('INVALID_INPUT', `Cannot read ${shown}: ${code ?? (error as Error).message}.`, { sourcePath: shown })
}

/**
 * Streams content into the blob store and learns its type from its bytes. The blob stays
 * pinned until `release`, so a collection pass between this and the commit cannot take it.
 */
export async function storeContent(core: Core, session: Session, content: Content, name: string, signal?: AbortSignal): Promise<StoredContent> {
  let stored: StoredBlob & WithHead
  if (content.sourcePath !== undefined) {
    const file = content.sourcePath
    const shown = checkSource(session, file)
    try {
      stored = await core.blobs.putFile(file, { headBytes: HEAD_BYTES, signal })
    } catch (error) {
      unreadable(error, shown)
    }
  } else {
    const bytes = Buffer.from(content.base64 ?? '', 'base64')
    stored = { ...(await core.blobs.put(bytes, { signal })), head: bytes.subarray(0, HEAD_BYTES), releaseHead: () => undefined }
  }
  // The head came with the content: the blob is not opened again to learn its type.
  const { head, releaseHead, ...blob } = stored
  let described
  try {
    described = await describe(head, name, { path: await core.blobs.localFile(blob.hash), size: blob.size }, signal)
  } catch (error) {
    core.blobs.release(blob.hash)
    throw error
  } finally {
    releaseHead()
  }
  let released = false
  return {
    ...blob,
    ...described,
    release: () => {
      if (!released) core.blobs.release(blob.hash)
      released = true
    },
  }
}

/** Content copied in but not yet durable nor stored: an import makes a batch durable at once (docs/imports.md). */
export interface StagedContent extends Omit<StoredContent, 'release'> {
  /** The copy, for `storeStaged`. */
  blob: DeferredBlob
  /** Unpins the content once stored and committed, or drops the copy if it never was stored. */
  release(): Promise<void>
}

/**
 * As `storeContent` for a file on disk, without the fsync: the copy is described from its
 * temp file and waits for `storeStaged`, which an import calls for a whole batch before the
 * one commit that records the batch. `sizeHint`: the file's size when it was listed.
 */
export async function stageFile(core: Core, session: Session, file: string | Buffer, name: string, signal?: AbortSignal, sizeHint?: number): Promise<StagedContent> {
  const shown = checkSource(session, file)
  let staged
  try {
    // A head no longer than the file as it was listed (`sizeHint`): the copy threads keep many
    // small heads in flight, few large ones. Should the file have grown, its type is read from the copy.
    const headBytes = sizeHint === undefined ? HEAD_BYTES : Math.min(HEAD_BYTES, sizeHint)
    staged = await core.blobs.putFileDeferred(file, { headBytes, signal })
  } catch (error) {
    unreadable(error, shown)
  }
  const { head, ...blob } = staged
  let described
  try {
    described = await describe(head, name, { path: blob.tempFile, size: blob.size }, signal)
  } catch (error) {
    await blob.discard()
    throw error
  } finally {
    blob.releaseHead()
  }
  let released = false
  const content: StagedContent = {
    hash: blob.hash,
    size: blob.size,
    ...described,
    // Without its head, whose memory went back for the next copy.
    blob: { ...blob, head: Buffer.alloc(0) },
    release: async () => {
      if (released) return
      released = true
      if (stored.has(content)) {
        stored.delete(content)
        core.blobs.release(blob.hash)
      } else await blob.discard()
    },
  }
  return content
}

/** Staged content that `storeStaged` stored (and pinned), until its release. */
const stored = new WeakSet<StagedContent>()

/** Makes a batch of staged content durable and stores it, pinned until each one's `release`. */
export async function storeStaged(core: Core, batch: StagedContent[]): Promise<void> {
  await core.blobs.storeDeferred(batch.map((c) => c.blob))
  for (const content of batch) stored.add(content)
}

/** Type, size and embedded metadata, from the head and, where it does not reach, the whole file. */
async function describe(head: Buffer, name: string, whole: { path: string; size: number }, signal?: AbortSignal): Promise<Omit<StoredContent, 'hash' | 'size' | 'release'>> {
  const { orientation: sizeOrientation, ...kind } = await sniff(head, name, whole)
  if (hasFacts(kind.mime)) {
    // A video, PDF or RAW file: what the bundled readers find, or nothing for a corrupt one.
    const { note: _unreadable, ...facts } = await readMediaFacts(kind.mime, { head, ...whole }, signal)
    return { ...kind, ...facts }
  }
  const { embedded, orientation = sizeOrientation } = kind.mime.startsWith('image/') && kind.mime !== 'image/svg+xml' ? await readEmbedded({ head, ...whole }) : {}
  return {
    ...kind,
    ...displayed(kind, ORIENTED_BY_CONTAINER.has(kind.mime) ? undefined : orientation),
    ...(embedded ? { embedded } : {}),
  }
}

export function versionFrom(content: Omit<StoredContent, 'release'>, number: number, createdBy: Id, createdAt: number): FileVersion {
  const version: FileVersion = { number, hash: content.hash, size: content.size, mime: content.mime, createdBy, createdAt }
  if (content.width !== undefined) version.width = content.width
  if (content.height !== undefined) version.height = content.height
  if (content.embedded !== undefined) version.embedded = content.embedded
  if (content.media !== undefined) version.media = content.media
  return version
}

import type { Readable } from 'node:stream'
import type { Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { resolveActor } from '../../dispatch.js'
import type { Core, Session } from '../context.js'
import { makeCtx } from '../context.js'
import { requireFile } from '../access.js'
import { currentVersionOf } from '../assets/tree.js'

export interface OpenedContent {
  name: string
  mime: string
  /** Size of the whole version. */
  size: number
  /** The byte range served, inclusive, when one was asked for. */
  range?: { start: number; end: number }
  hash: string
  stream: Readable
}

/**
 * File bytes for the Electron protocol and the browser routes alike: the session's actor
 * must be able to download the file (view), checked on every request; the bytes stream
 * from the blob store without being buffered. An asset the actor cannot view is NOT_FOUND.
 */
export function openContent(
  core: Core,
  session: Session,
  fileId: Id,
  options: { version?: number; range?: { start?: number; end?: number } } = {},
): OpenedContent {
  const { actor, viaAdmin } = resolveActor(core, session)
  const ctx = makeCtx(core, session, actor, viaAdmin, 'files.read')
  const file = requireFile(ctx, fileId, 'downloadFile')
  const version = options.version === undefined ? currentVersionOf(file) : file.versions.find((v) => v.number === options.version)
  if (!version) throw new AppError('NOT_FOUND', `"${file.name}" has no version ${options.version}.`, { fileId, version: options.version })
  let range: { start: number; end: number } | undefined
  if (options.range && version.size > 0) {
    const start = options.range.start ?? Math.max(0, version.size - (options.range.end ?? 0))
    const end = options.range.start === undefined ? version.size - 1 : Math.min(options.range.end ?? version.size - 1, version.size - 1)
    if (start > end || start >= version.size) throw new AppError('INVALID_INPUT', 'The requested byte range is outside the file.', { size: version.size })
    range = { start, end }
  }
  return { name: file.name, mime: version.mime, size: version.size, range, hash: version.hash, stream: core.blobs.createReadStream(version.hash, range ?? {}) }
}

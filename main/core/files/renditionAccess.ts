import fs from 'node:fs'
import { basename } from 'node:path'
import type { Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { resolveActor } from '../../dispatch.js'
import type { Core, Session } from '../context.js'
import { makeCtx } from '../context.js'
import { requireFile } from '../access.js'
import { currentVersionOf } from '../assets/tree.js'
import { hasRendition, type RenditionKind } from '../media/thumbnails.js'
import type { OpenedContent } from './contentAccess.js'

/**
 * A thumbnail or preview for the Electron protocol and the browser routes: the same
 * permission check as file bytes (view), made on every request. A file with no rendition
 * (not an image, or unreadable) is NOT_FOUND with `details.reason`, and the renderer shows
 * an icon by type instead.
 */
export async function openRendition(core: Core, session: Session, fileId: Id, kind: RenditionKind, version?: number): Promise<OpenedContent> {
  const { actor, viaAdmin } = resolveActor(core, session)
  const file = requireFile(makeCtx(core, session, actor, viaAdmin, 'files.read'), fileId, 'viewAndSearch')
  const v = version === undefined ? currentVersionOf(file) : file.versions.find((x) => x.number === version)
  if (!v) throw new AppError('NOT_FOUND', `"${file.name}" has no version ${version}.`, { fileId, version })
  if (!hasRendition(v.mime)) throw new AppError('NOT_FOUND', `"${file.name}" has no picture to show (an icon stands for it).`, { fileId, reason: 'not-an-image', mime: v.mime })
  let path: string
  try {
    path = await core.renditions.ensure(v.hash, kind, v.number === file.currentVersion ? file.focus : null, { mime: v.mime, durationSec: v.media?.durationSec })
  } catch (error) {
    throw new AppError('NOT_FOUND', (error as Error).message, { fileId, reason: 'unreadable' })
  }
  const size = fs.statSync(path).size
  // The rendition's own name (content, kind and focus area) tags it, so a new focus area is a new ETag.
  return { name: file.name, mime: 'image/webp', size, hash: basename(path, '.webp'), stream: fs.createReadStream(path) }
}

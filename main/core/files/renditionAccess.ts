import fs from 'node:fs'
import { basename } from 'node:path'
import type { FileRecord, FileVersion, Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { resolveActor } from '../../dispatch.js'
import type { Core, Session } from '../context.js'
import { makeCtx } from '../context.js'
import { requireFile } from '../access.js'
import { currentVersionOf } from '../assets/tree.js'
import { mayHandle } from '../trash/trashAccess.js'
import { hasRendition, type RenditionKind } from '../media/thumbnails.js'
import type { OpenedContent } from './contentAccess.js'

/**
 * A file the trash lists to this reader (a root they may handle, docs/trash.md), whose
 * pictures the trash shows; anything else in the trash stays NOT_FOUND through requireFile.
 */
function trashedFileShownTo(core: Core, actorId: Id, fileId: Id): FileRecord | undefined {
  if (core.store.tables.assets.has(fileId)) return undefined
  const record = core.store.tables.trash.get(fileId)
  if (!record || record.rootId !== fileId || record.asset.kind !== 'file' || !mayHandle(core, actorId, record)) return undefined
  return record.asset
}

/**
 * The file and version whose pictures (renditions, a PDF's pages) this session may see: view
 * is enough, checked on every request; a file they cannot view is NOT_FOUND, as one that does
 * not exist, so nothing past this point can tell them about it.
 */
export function pictureVersion(core: Core, session: Session, fileId: Id, version?: number): { file: FileRecord; v: FileVersion } {
  const { actor, viaAdmin } = resolveActor(core, session)
  const file = trashedFileShownTo(core, actor.id, fileId) ?? requireFile(makeCtx(core, session, actor, viaAdmin, 'files.read'), fileId, 'viewAndSearch')
  const v = version === undefined ? currentVersionOf(file) : file.versions.find((x) => x.number === version)
  if (!v) throw new AppError('NOT_FOUND', `"${file.name}" has no version ${version}.`, { fileId, version })
  return { file, v }
}

/**
 * A thumbnail or preview for the Electron protocol and the browser routes: the same
 * permission check as file bytes (view), made on every request. A file with no rendition
 * (not an image, or unreadable) is NOT_FOUND with `details.reason`, and the renderer shows
 * an icon by type instead.
 */
export async function openRendition(core: Core, session: Session, fileId: Id, kind: RenditionKind, version?: number): Promise<OpenedContent> {
  const { file, v } = pictureVersion(core, session, fileId, version)
  if (!hasRendition(v.mime)) throw new AppError('NOT_FOUND', `"${file.name}" has no picture to show (an icon stands for it).`, { fileId, reason: 'not-an-image', mime: v.mime })
  return drawnPicture(file, () => core.renditions.ensure(v.hash, kind, v.number === file.currentVersion ? file.focus : null, { mime: v.mime, durationSec: v.media?.durationSec }), { fileId })
}

/**
 * A WebP the renditions cache drew (main/core/media/thumbnails.ts), as content to serve; one that
 * cannot be drawn is NOT_FOUND with `details.reason` "unreadable", and the renderer shows an icon.
 */
export async function drawnPicture(file: FileRecord, draw: () => Promise<string>, details: Record<string, unknown>): Promise<OpenedContent> {
  let path: string
  try {
    path = await draw()
  } catch (error) {
    throw new AppError('NOT_FOUND', (error as Error).message, { ...details, reason: 'unreadable' })
  }
  const size = fs.statSync(path).size
  // The file's own name (content, kind, focus area or page) tags it, so a new focus area is a new ETag.
  return { name: file.name, mime: 'image/webp', size, hash: basename(path, '.webp'), stream: fs.createReadStream(path) }
}

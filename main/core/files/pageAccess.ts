import type { Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { renditionSource } from '../../../shared/mediaKinds.js'
import type { Core, Session } from '../context.js'
import type { OpenedContent } from './contentAccess.js'
import { drawnPicture, pictureVersion } from './renditionAccess.js'

/** The highest page number a request may name; beyond it the number is malformed, not just out of range. */
export const MAX_PAGE = 1_000_000

/**
 * A page number from a request: 1 for the first page. Anything else (missing, 0, negative,
 * fractional, text) is INVALID_INPUT, the same whatever file was asked for.
 */
export function parsePage(raw: string | null): number {
  if (raw === null || !/^[1-9]\d{0,6}$/.test(raw) || Number(raw) > MAX_PAGE) {
    throw new AppError('INVALID_INPUT', 'p must be a page number, 1 for the first page.', { p: raw === null ? null : raw.slice(0, 20) })
  }
  return Number(raw)
}

/**
 * Page `page` (from 1) of a PDF as a WebP at the preview's size, for paging in the viewer
 * (docs/media.md). The same check as its thumbnail (view, on every request) comes first, so a
 * file the session cannot view is NOT_FOUND before its type or page count is looked at; only
 * then is a file that is not a PDF, or a page past its last, refused with INVALID_INPUT.
 */
export async function openPdfPage(core: Core, session: Session, fileId: Id, page: number, version?: number): Promise<OpenedContent & { pages: number }> {
  const { file, v } = pictureVersion(core, session, fileId, version)
  if (renditionSource(v.mime) !== 'pdf') throw new AppError('INVALID_INPUT', `"${file.name}" is not a PDF, so it has no pages to show.`, { fileId, mime: v.mime })
  let pages = v.media?.pages
  try {
    pages ??= await core.renditions.pdfPageCount(v.hash)
  } catch (error) {
    throw new AppError('NOT_FOUND', `No page could be drawn from this PDF (${(error as Error).message.split('\n')[0]}).`, { fileId, reason: 'unreadable' })
  }
  if (page > pages) {
    throw new AppError('INVALID_INPUT', `"${file.name}" has ${pages} ${pages === 1 ? 'page' : 'pages'}; there is no page ${page}.`, { fileId, page, pages })
  }
  return { ...(await drawnPicture(file, () => core.renditions.ensurePdfPage(v.hash, page), { fileId, page })), pages }
}

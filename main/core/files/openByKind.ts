import type { Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { Core, Session } from '../context.js'
import { openContent, type OpenedContent } from './contentAccess.js'
import { openPdfPage, parsePage } from './pageAccess.js'
import { parseRange } from './range.js'
import { openRendition } from './renditionAccess.js'

/** What a content address serves, by its first part: file bytes, the two renditions, a PDF's page. */
export type ContentKind = 'file' | 'thumb' | 'preview' | 'page'

/** A version number from a request (`v`); none means the current version. */
export function parseVersion(raw: string | null): number | undefined {
  if (raw === null) return undefined
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new AppError('INVALID_INPUT', 'v must be a version number.', { v: raw })
  return Number(raw)
}

/**
 * The content one address names, read the same by the browser routes (main/server/routes/content.ts)
 * and the desktop app's protocol (main/electron/protocol.ts): `v=N` a version, `p=N` a PDF's page, a
 * byte range for file bytes only. The session's permission is checked on every request, as its
 * actor is now (docs/permissions.md).
 */
export async function openByKind(core: Core, session: Session, kind: ContentKind, fileId: Id, query: URLSearchParams, rangeHeader: string | null | undefined): Promise<OpenedContent> {
  const version = parseVersion(query.get('v'))
  if (kind === 'file') return openContent(core, session, fileId, { version, range: parseRange(rangeHeader) })
  if (kind === 'page') return openPdfPage(core, session, fileId, parsePage(query.get('p')), version)
  return openRendition(core, session, fileId, kind, version)
}

import { pipeline } from 'node:stream/promises'
import { AppError } from '../../../shared/errors.js'
import { errorShape } from '../../dispatch.js'
import type { OpenedContent } from '../../core/files/contentAccess.js'
import { openByKind, type ContentKind } from '../../core/files/openByKind.js'
import { BASE_HEADERS, sendError } from './respond.js'
import type { SessionRoute } from './context.js'
import { decodeSegment } from './requestInput.js'

export const CONTENT_PATH = /^\/(file|thumb|preview|page)\/([^/]+)$/

/**
 * Uploaded files are served from the app's own origin, so an HTML or SVG file opened directly
 * must not run script there: a sandbox with no sources makes it inert.
 */
const CONTENT_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox"

/**
 * `GET /file/<id>?v=N`, `/thumb/<id>`, `/preview/<id>`, `/page/<id>?p=N` (a PDF's page N): bytes streamed from the blob store,
 * the session's permission checked on every request by openContent (an asset the actor cannot
 * view is NOT_FOUND, so its existence is not revealed either). Thumbnails and previews are
 * the core's cached renditions (WebP), checked the same way; files that have none (not
 * images, or unreadable) are NOT_FOUND and the renderer shows an icon by type.
 */
export const contentRoute: SessionRoute = async (ctx, { req, res, url }, session) => {
  const [, kind, rawId] = CONTENT_PATH.exec(url.pathname) as unknown as [string, ContentKind, string]
  let content: OpenedContent
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new AppError('INVALID_INPUT', 'Use GET for file content.')
    content = await openByKind(ctx.library.core, session, kind, decodeSegment(rawId, 'id'), url.searchParams, req.headers.range)
  } catch (error) {
    const shape = errorShape(error)
    if (shape.code === 'INVALID_INPUT' && typeof shape.details?.size === 'number') {
      sendError(res, shape, 416, { 'content-range': `bytes */${shape.details.size}` })
    } else sendError(res, shape)
    return
  }
  const etag = `"${kind}-${content.hash}"`
  const headers: Record<string, string | number> = {
    ...BASE_HEADERS,
    'content-type': content.mime,
    'accept-ranges': kind === 'file' ? 'bytes' : 'none',
    // Permissions can change at any moment, so the browser must ask again each time; the
    // ETag makes asking cheap (the check still runs before a 304).
    'cache-control': 'private, no-cache',
    etag,
    'content-security-policy': CONTENT_CSP,
  }
  if (kind === 'file') {
    const disposition = url.searchParams.get('download') === '1' ? 'attachment' : 'inline'
    headers['content-disposition'] = contentDisposition(disposition, content.name)
  }
  if (!content.range && req.headers['if-none-match'] === etag) {
    content.stream.destroy()
    res.writeHead(304, headers)
    res.end()
    return
  }
  let status = 200
  if (content.range) {
    status = 206
    headers['content-range'] = `bytes ${content.range.start}-${content.range.end}/${content.size}`
    headers['content-length'] = content.range.end - content.range.start + 1
  } else headers['content-length'] = content.size
  res.writeHead(status, headers)
  if (req.method === 'HEAD') {
    content.stream.destroy()
    res.end()
    return
  }
  // A browser that stops reading (a cancelled image, a seek) closes the socket: not an error.
  await pipeline(content.stream, res).catch(() => undefined)
}

/**
 * RFC 6266: an ASCII fallback for old clients and the exact name in UTF-8. A lone surrogate
 * (a name stored before such names were refused) has no UTF-8 form and becomes U+FFFD, so
 * the file can still be served.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  const text = name.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(text)}`
}

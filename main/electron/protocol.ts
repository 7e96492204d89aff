import { protocol, type Session as ElectronSession } from 'electron'
import { FILE_SCHEME } from '../../shared/bridge.js'
import { AppError } from '../../shared/errors.js'
import type { Library } from '../core/library.js'
import type { Session } from '../core/context.js'
import type { OpenedContent } from '../core/files/contentAccess.js'
import { openByKind, type ContentKind } from '../core/files/openByKind.js'
import { errorShape } from '../dispatch.js'
import { APP_HOST } from './appUrl.js'
import { CONTENT_CSP } from './csp.js'
import { rendererFileResponse } from './rendererFiles.js'
import { errorResponse, streamBody } from './webResponse.js'

/**
 * Must run before the app is ready. Standard and secure give trove: an origin of its own and
 * a secure context (module scripts, fetch); stream lets video and audio seek through Range.
 */
export function registerTroveScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: FILE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } },
  ])
}

export interface ProtocolTarget {
  library: Library
  /** The acting session of the one window whose requests this handler answers. */
  session: Session
  rendererDir: string
}

/**
 * Which session a request acts as: each library window has an Electron session (partition)
 * of its own, and this handler is registered on that partition only, bound to that window's
 * Session. A request reaches it only from that window, so the actor is known from where the
 * request came from, not from anything in the URL that a page could forge or another window
 * could reuse; the same trove://file/<id> URL works unchanged in every window.
 */
export function serveTroveScheme(partition: ElectronSession, target: ProtocolTarget): () => void {
  if (partition.protocol.isProtocolHandled(FILE_SCHEME)) partition.protocol.unhandle(FILE_SCHEME)
  partition.protocol.handle(FILE_SCHEME, troveRequestHandler(target))
  return () => partition.protocol.unhandle(FILE_SCHEME)
}

const CONTENT_KINDS = new Set(['file', 'thumb', 'preview', 'page'])

/** trove://app/... is the renderer; trove://file|thumb|preview/<id>[?v=N] are file bytes and renditions, trove://page/<id>?p=N a PDF's page. */
export function troveRequestHandler(target: ProtocolTarget): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed.', { status: 405, headers: { allow: 'GET, HEAD' } })
    const url = new URL(request.url)
    if (url.host === APP_HOST) return rendererFileResponse(target.rendererDir, url.pathname, request.method)
    const id = /^\/([^/]+)$/.exec(url.pathname)?.[1]
    if (!CONTENT_KINDS.has(url.host) || !id) return new Response('Not found.', { status: 404 })
    return contentResponse(target, url.host as ContentKind, id, url, request)
  }
}

async function contentResponse(target: ProtocolTarget, kind: ContentKind, rawId: string, url: URL, request: Request): Promise<Response> {
  let content: OpenedContent
  try {
    const fileId = decodeId(rawId)
    // Checked on every request, as the actor of this window is now (docs/permissions.md).
    content = await openByKind(target.library.core, target.session, kind, fileId, url.searchParams, request.headers.get('range'))
  } catch (error) {
    return errorResponse(errorShape(error))
  }
  const headers: Record<string, string> = {
    'content-type': content.mime,
    'accept-ranges': kind === 'file' ? 'bytes' : 'none',
    // Permissions can change at any moment: never reuse a response without asking again.
    'cache-control': 'no-store',
    'content-security-policy': CONTENT_CSP,
    'x-content-type-options': 'nosniff',
  }
  let status = 200
  if (content.range) {
    status = 206
    headers['content-range'] = `bytes ${content.range.start}-${content.range.end}/${content.size}`
    headers['content-length'] = String(content.range.end - content.range.start + 1)
  } else headers['content-length'] = String(content.size)
  if (request.method === 'HEAD') {
    content.stream.destroy()
    return new Response(null, { status, headers })
  }
  return new Response(streamBody(content.stream), { status, headers })
}

function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    throw new AppError('NOT_FOUND', 'No such file.')
  }
}

import type { RouteContext, Request } from './context.js'
import { readCookie, sameSecret, sessionCookie } from '../security.js'
import { BASE_HEADERS } from './respond.js'

/**
 * `GET /?token=...`: the token printed by `npm run web` becomes this browser's session cookie,
 * then the address bar is cleared of it by a redirect. A browser that already has a live
 * session keeps it. A wrong token is refused without saying more.
 */
export function tokenRoute(ctx: RouteContext, { req, res, url }: Request): void {
  const token = url.searchParams.get('token') ?? ''
  if (!sameSecret(token, ctx.token)) {
    res.writeHead(403, { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
    res.end('This link is not valid for this Trove server. Use the link it printed when it started.')
    return
  }
  const { name, secure } = ctx.cookie
  const headers: Record<string, string> = { ...BASE_HEADERS, location: '/', 'cache-control': 'no-store' }
  if (!ctx.sessions.get(readCookie(req.headers.cookie, name))) headers['set-cookie'] = sessionCookie(name, ctx.sessions.create().cookie, secure)
  res.writeHead(303, headers)
  res.end()
}

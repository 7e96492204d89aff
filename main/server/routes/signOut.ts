import type { RouteContext, Request } from './context.js'
import { expiredCookie, readCookie } from '../security.js'
import { sendError, sendValue } from './respond.js'

/**
 * `POST /session/sign-out`: ends this browser's session on the server, not only in the page,
 * so that its cookie is worth nothing afterwards, and tells the browser to forget it. On a
 * team server the next page load gets a signed-out session; in loopback browser mode the
 * browser needs the printed link again.
 */
export function signOutRoute(ctx: RouteContext, { req, res }: Request): void {
  if (req.method !== 'POST') return sendError(res, { code: 'INVALID_INPUT', message: 'Use POST to sign out.' })
  const cookie = readCookie(req.headers.cookie, ctx.cookie.name)
  if (cookie !== null) ctx.sessions.end(cookie)
  res.setHeader('set-cookie', expiredCookie(ctx.cookie.name, ctx.cookie.secure))
  sendValue(res, { signedOut: true })
}

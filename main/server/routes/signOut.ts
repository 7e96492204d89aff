import type { RouteContext, Request } from './context.js'
import { expiredCookie, readCookie } from '../security.js'
import { sendError, sendValue } from './respond.js'

/**
 * `POST /session/sign-out`: ends this browser's session on the server, not only in the page,
 * so that its cookie is worth nothing afterwards, and tells the browser to forget it. Only
 * a team server has it; a loopback browser-mode session is signed in by its token link.
 */
export function signOutRoute(ctx: RouteContext, { req, res }: Request): void {
  if (req.method !== 'POST') return sendError(res, { code: 'INVALID_INPUT', message: 'Use POST to sign out.' })
  const cookie = readCookie(req.headers.cookie, ctx.cookie.name)
  if (cookie !== null) ctx.sessions.end(cookie)
  res.setHeader('set-cookie', expiredCookie(ctx.cookie.name, ctx.cookie.secure))
  sendValue(res, { signedOut: true })
}

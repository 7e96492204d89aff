import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Session } from '../../core/context.js'
import type { Library } from '../../core/library.js'
import type { BrowserSessions } from '../sessions.js'

/** What every route works with. */
export interface RouteContext {
  readonly library: Library
  readonly sessions: BrowserSessions
  /** The port actually listened on, known once listening (port 0 picks a free one). */
  readonly port: number
  /** Built renderer files (index.html and assets/). */
  readonly rendererDir: string
  readonly token: string
  /** The session cookie's name, and whether it is sent only over TLS. */
  readonly cookie: { name: string; secure: boolean }
  /** A team server: browsers sign in (no token link), sessions end when idle or signed out. */
  readonly team: boolean
}

export interface Request {
  req: IncomingMessage
  res: ServerResponse
  url: URL
}

/** A route that needs a browser session: the server has already checked the cookie. */
export type SessionRoute = (ctx: RouteContext, request: Request, session: Session, cookie?: string) => Promise<void> | void

import http from 'node:http'
import https from 'node:https'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { openLibrary, type Library, type OpenOptions } from '../core/index.js'
import { errorShape } from '../dispatch.js'
import { BrowserSessions } from './sessions.js'
import { LOOPBACK, cookieName, foreignRequest, hostPolicy, newSecret, readCookie, sessionCookie, type HostPolicy } from './security.js'
import { AddressLimiter } from './addressLimiter.js'
import { signOutRoute } from './routes/signOut.js'
import type { RouteContext, Request, SessionRoute } from './routes/context.js'
import { sendError } from './routes/respond.js'
import { apiRoute } from './routes/api.js'
import { eventsRoute } from './routes/events.js'
import { CONTENT_PATH, contentRoute } from './routes/content.js'
import { zipRoute } from './routes/download.js'
import { staticRoute } from './routes/staticFiles.js'
import { tokenRoute } from './routes/token.js'
import { parseRequestUrl } from './routes/requestInput.js'

/** Where `vite.renderer.config.ts` puts the built renderer. */
export const RENDERER_OUT_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url))

export interface ServerOptions {
  /** The library folder to open (or create); ignored when `library` is given. */
  libraryDir?: string
  /** An already open library; the server then leaves closing it to the caller. */
  library?: Library
  openOptions?: OpenOptions
  /** 0 (the default) picks a free port. */
  port?: number
  rendererDir?: string
  /** The address to listen on (default 127.0.0.1); beyond loopback only for a team server (serveOptions.ts checks). */
  host?: string
  /** PEM certificate and key: the server speaks HTTPS only, and its cookie is Secure. */
  tls?: { cert: Buffer; key: Buffer }
  /** The address browsers elsewhere use (https://trove.example.com): its Host and Origin are accepted. */
  publicUrl?: URL
  /**
   * A team server: no token link; every browser signs in with a password, its session ends
   * after `idleMs` without a request and on sign-out, and sign-in attempts are limited per address.
   */
  team?: { idleMs: number }
  clock?: () => number
}

export interface RunningServer {
  /** The link to open: it carries the token that signs a browser in. */
  url: string
  /** `http://127.0.0.1:<port>` (https under TLS) */
  origin: string
  port: number
  library: Library
  close(): Promise<void>
}

/**
 * Browser mode (docs/architecture.md): the main process's dispatcher behind a loopback HTTP
 * server, with the same permission checks as the desktop shell.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const ownsLibrary = !options.library
  if (!options.library && !options.libraryDir) throw new Error('startServer needs libraryDir or library.')
  const library = options.library ?? (await openLibrary(options.libraryDir!, options.openOptions))
  const clock = options.clock ?? Date.now
  const team = options.team !== undefined
  const sessions = new BrowserSessions(library, team ? { idleMs: options.team!.idleMs, signInRequired: true, clock } : { clock })
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }) : http.createServer()
  // Behind a proxy that ends TLS the browser still sees https: the cookie must stay off plain HTTP all the same.
  const secure = options.tls !== undefined || options.publicUrl?.protocol === 'https:'
  const ctx: { -readonly [K in keyof ServerContext]: ServerContext[K] } = {
    library,
    sessions,
    port: 0,
    rendererDir: path.resolve(options.rendererDir ?? RENDERER_OUT_DIR),
    token: newSecret(),
    cookie: { name: '', secure },
    team,
    hosts: { hosts: [], origins: [] },
    signIns: team ? new AddressLimiter(clock) : null,
  }
  server.on('request', (req, res) => {
    // Nothing thrown here may escape: an exception in this listener would end the process.
    Promise.resolve()
      .then(() => handle(ctx, { req, res, url: parseRequestUrl(req) }))
      .catch((error) => sendError(res, errorShape(error)))
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, options.host ?? LOOPBACK, () => resolve())
    })
  } catch (error) {
    if (ownsLibrary) await library.close()
    throw error
  }
  ctx.port = (server.address() as AddressInfo).port
  ctx.cookie = { name: cookieName(ctx.port, secure), secure }
  ctx.hosts = hostPolicy(ctx.port, { tls: secure, publicUrl: options.publicUrl })
  // Sessions that went idle are ended even when nobody makes a request, closing their event streams.
  const sweeper = team ? setInterval(() => sessions.sweep(), 30_000) : null
  sweeper?.unref()
  const origin = `${secure ? 'https' : 'http'}://${LOOPBACK}:${ctx.port}`
  const front = options.publicUrl ? options.publicUrl.origin : origin
  return {
    url: team ? `${front}/` : `${origin}/?token=${ctx.token}`,
    origin,
    port: ctx.port,
    library,
    async close() {
      if (sweeper) clearInterval(sweeper)
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Event streams never end by themselves.
      server.closeAllConnections()
      await closed
      if (ownsLibrary) await library.close()
    },
  }
}

interface ServerContext extends RouteContext {
  readonly hosts: HostPolicy
  readonly signIns: AddressLimiter | null
}

/** Channels that check a password: limited per client address on a team server. */
const PASSWORD_CHANNELS = new Set(['/api/session.signIn', '/api/session.switchUser'])

async function handle(ctx: ServerContext, request: Request): Promise<void> {
  const { req, res, url } = request
  const foreign = foreignRequest(req, ctx.hosts)
  if (foreign) return sendError(res, { code: 'FORBIDDEN', message: foreign })
  const route = sessionRouteFor(url.pathname)
  if (route) {
    const cookie = readCookie(req.headers.cookie, ctx.cookie.name)
    const session = ctx.sessions.get(cookie)
    if (!session) {
      return sendError(res, {
        code: 'UNAUTHENTICATED',
        message: ctx.team
          ? 'Your session has ended (you signed out, or it was idle too long). Reload the page to sign in again.'
          : 'This browser is not connected to Trove. Open the link that `npm run web` printed when it started.',
        details: { reason: 'noBrowserSession' },
      })
    }
    if (ctx.signIns && PASSWORD_CHANNELS.has(url.pathname)) ctx.signIns.attempt(req.socket.remoteAddress ?? 'unknown')
    return route(ctx, request, session, cookie ?? undefined)
  }
  if (url.pathname === '/session/sign-out') return signOutRoute(ctx, request)
  if (!ctx.team && url.pathname === '/' && url.searchParams.has('token')) return tokenRoute(ctx, request)
  // A team server's page load gives a browser without a live session a new, signed-out one.
  if (ctx.team && (url.pathname === '/' || url.pathname === '/index.html') && !ctx.sessions.get(readCookie(req.headers.cookie, ctx.cookie.name))) {
    res.setHeader('set-cookie', sessionCookie(ctx.cookie.name, ctx.sessions.create().cookie, ctx.cookie.secure))
  }
  return staticRoute(ctx, request)
}

function sessionRouteFor(pathname: string): SessionRoute | null {
  if (pathname === '/api/events') return eventsRoute
  if (pathname.startsWith('/api/')) return apiRoute
  if (CONTENT_PATH.test(pathname)) return contentRoute
  if (pathname === '/download/zip') return zipRoute
  return null
}

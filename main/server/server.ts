import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { openLibrary, type Library, type OpenOptions } from '../core/index.js'
import { errorShape } from '../dispatch.js'
import { BrowserSessions } from './sessions.js'
import { LOOPBACK, cookieName, foreignRequest, newSecret, readCookie } from './security.js'
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
}

export interface RunningServer {
  /** The link to open: it carries the token that signs a browser in. */
  url: string
  /** `http://127.0.0.1:<port>` */
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
  const sessions = new BrowserSessions(library)
  const server = http.createServer()
  const ctx: { -readonly [K in keyof RouteContext]: RouteContext[K] } = {
    library,
    sessions,
    port: 0,
    rendererDir: path.resolve(options.rendererDir ?? RENDERER_OUT_DIR),
    token: newSecret(),
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
      server.listen(options.port ?? 0, LOOPBACK, () => resolve())
    })
  } catch (error) {
    if (ownsLibrary) await library.close()
    throw error
  }
  ctx.port = (server.address() as AddressInfo).port
  const origin = `http://${LOOPBACK}:${ctx.port}`
  return {
    url: `${origin}/?token=${ctx.token}`,
    origin,
    port: ctx.port,
    library,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Event streams never end by themselves.
      server.closeAllConnections()
      await closed
      if (ownsLibrary) await library.close()
    },
  }
}

async function handle(ctx: RouteContext, request: Request): Promise<void> {
  const { req, res, url } = request
  const foreign = foreignRequest(req, ctx.port)
  if (foreign) return sendError(res, { code: 'FORBIDDEN', message: foreign })
  const route = sessionRouteFor(url.pathname)
  if (route) {
    const session = ctx.sessions.get(readCookie(req.headers.cookie, cookieName(ctx.port)))
    if (!session) {
      return sendError(res, {
        code: 'UNAUTHENTICATED',
        message: 'This browser is not connected to Trove. Open the link that `npm run web` printed when it started.',
        details: { reason: 'noBrowserSession' },
      })
    }
    return route(ctx, request, session)
  }
  if (url.pathname === '/' && url.searchParams.has('token')) return tokenRoute(ctx, request)
  return staticRoute(ctx, request)
}

function sessionRouteFor(pathname: string): SessionRoute | null {
  if (pathname === '/api/events') return eventsRoute
  if (pathname.startsWith('/api/')) return apiRoute
  if (CONTENT_PATH.test(pathname)) return contentRoute
  if (pathname === '/download/zip') return zipRoute
  return null
}

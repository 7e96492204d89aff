import type { EventName } from '../../../shared/contract/index.js'
import { BASE_HEADERS } from './respond.js'
import type { SessionRoute } from './context.js'

/** What a browser hears; `app.command` comes from the desktop menu, which a browser has not got. */
export const STREAMED_EVENTS: EventName[] = ['library.changed', 'session.changed', 'jobs.progress']
/** Comment lines keep idle connections from being closed by the browser or anything in between. */
const HEARTBEAT_MS = 20_000

/**
 * `GET /api/events`: server-sent events for this session, filtered by the library exactly as
 * the desktop bridge is (a change names only assets this session's actor can view).
 */
export const eventsRoute: SessionRoute = (ctx, { req, res }, session, cookie) => {
  res.writeHead(200, {
    ...BASE_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  })
  res.write('retry: 2000\n: connected\n\n')
  const unsubscribe = STREAMED_EVENTS.map((event) =>
    ctx.library.subscribe(session, event, (payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
    }),
  )
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS)
  heartbeat.unref()
  // A session that ends (sign-out, idle) is no longer told anything; the browser reconnects as whoever it is then.
  const offEnd = cookie === undefined ? () => undefined : ctx.sessions.onEnd(cookie, () => res.end())
  const stop = () => {
    clearInterval(heartbeat)
    offEnd()
    for (const off of unsubscribe) off()
  }
  req.on('close', stop)
  res.on('close', stop)
}

import { useEffect, useRef } from 'react'
import { useLocation, useSearch } from 'wouter'
import { useTrove } from '../store/index.js'
import { currentAddress } from './address.js'
import { routeOf } from './routeOf.js'
import { formatRoute, parseRoute } from './routes.js'

const addressOf = (path: string, search: string) => (search ? `${path}?${search}` : path)

/**
 * Keeps the address and the store in step, both ways (docs/browse.md). A change made in the
 * app (a folder opened, a search typed, the viewer opened) writes a new history entry; an
 * address that changes under the app (Back, Forward, a link) is opened as a route. Moving
 * through files in the viewer replaces the entry rather than adding one per file, and the
 * first place a start address resolves to replaces it, so Back leaves neither behind.
 */
export function RouteSync() {
  const [path, navigate] = useLocation()
  const search = useSearch()
  const written = useRef<string | null>(null)

  // The address changed: open it, unless it already names what is on show.
  useEffect(() => {
    const address = addressOf(path, search)
    const s = useTrove.getState()
    // The address written from the store, or the route opening now (a page just loaded).
    if (address === written.current) {
      // Written once, read back once: Back or Forward to it later opens it.
      written.current = null
      return
    }
    if (s.routePending && address === s.openedAddress) return
    const shown = routeOf(s)
    const route = parseRoute(path, search)
    if (shown && route && formatRoute(shown) === formatRoute(route)) return
    void s.openRoute(route)
  }, [path, search])

  // The store changed: name it in the address.
  useEffect(() => {
    const write = (s: ReturnType<typeof useTrove.getState>) => {
      const route = routeOf(s)
      if (!route) return
      const to = formatRoute(route)
      const now = currentAddress()
      const current = addressOf(now.path, now.search)
      if (to === current) return
      const from = parseRoute(now.path, now.search)
      const replace =
        !from || from.place.kind === 'start' || from.place.kind === 'asset' ||
        (!!from.fileId && !!route.fileId && formatRoute({ place: from.place }) === formatRoute({ place: route.place }))
      written.current = to
      // A trailing "?" clears the previous query; wouter's hash navigation keeps it otherwise.
      navigate(to.includes('?') ? to : `${to}?`, { replace })
    }
    write(useTrove.getState())
    return useTrove.subscribe(write)
  }, [navigate])

  return null
}

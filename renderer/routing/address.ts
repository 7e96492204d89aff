import { parseRoute, type Route } from './routes.js'

/**
 * The address as wouter's hash location reads it: the route's path after the "#", its
 * query in the page's own query string. The same in the desktop app (trove://app/index.html#/…)
 * and in a browser (http://127.0.0.1:port/#/…), so a link is the same in both.
 */
export function currentAddress(): { path: string; search: string } {
  if (typeof window === 'undefined') return { path: '/', search: '' }
  return { path: '/' + window.location.hash.replace(/^#?\/?/, ''), search: window.location.search.replace(/^\?/, '') }
}

export function addressRoute(): Route | null {
  const { path, search } = currentAddress()
  return parseRoute(path, search)
}

/** A link to a place that opens in another window or browser: this page's address with the route's hash. */
export function linkTo(route: string): string {
  const [path, query] = route.split('?')
  const url = new URL(window.location.href)
  url.search = query ?? ''
  url.hash = path
  return url.href
}

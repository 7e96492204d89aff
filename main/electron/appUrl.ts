import { FILE_SCHEME } from '../../shared/bridge.js'

/**
 * The renderer is served from the same privileged scheme as file bytes, under its own host,
 * rather than from file:// (which would make every local file "same origin" for the page).
 * Its origin, trove://app, is what the CSP's 'self' and the navigation guard mean.
 */
export const APP_HOST = 'app'
export const APP_ORIGIN = `${FILE_SCHEME}://${APP_HOST}`
export const APP_URL = `${APP_ORIGIN}/index.html`

/** True for a URL of the app's own pages: the only place a window may navigate to. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${FILE_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false
  }
}

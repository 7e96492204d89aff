import type { Session, WebContents, WebPreferences } from 'electron'
import { isAppUrl } from './appUrl.js'
import { CONTENT_CSP, CONTENT_SECURITY_POLICY } from './csp.js'

/**
 * The renderer gets no Node, runs in Chromium's sandbox and sees main only through the
 * preload's bridge (docs/architecture.md; Electron's security checklist). The partition gives each
 * library's window an Electron session of its own, which is what ties its trove: requests
 * to its acting user (see protocol.ts). A team library's window has no preload: its page talks
 * to its server over HTTP, not to this main process (teamWindow.ts).
 */
export function secureWebPreferences(preload: string | null, partition: string): WebPreferences {
  return {
    ...(preload === null ? {} : { preload }),
    partition,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Dropping a file on the window must reach the renderer's drop handler, not replace the app.
    navigateOnDragDrop: false,
  }
}

/** Requests that would leave the machine or read local files behind the app's back. */
const REMOTE_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file:///*']

/**
 * No remote content and no device access: every permission is refused, every request to the
 * network or to file:// is cancelled, and every response carries a CSP. The app's own pages
 * get the app's CSP, whatever they came with. Anything else (file bytes and renditions, which
 * protocol.ts serves with a sandboxing CSP) keeps its own policy and gets the sandboxing one
 * added beside it: a browser enforces every CSP a response has, so this can only tighten, and
 * an uploaded page can never be handed the app's script permissions.
 */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onBeforeRequest({ urls: REMOTE_URLS }, (_details, callback) => callback({ cancel: true }))
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.url, details.responseHeaders ?? {}) })
  })
}

/** The response headers of `url` with the CSP this session enforces on it. */
function withCsp(url: string, responseHeaders: Record<string, string[]>): Record<string, string[]> {
  const headers: Record<string, string[]> = {}
  const own: string[] = []
  for (const [name, value] of Object.entries(responseHeaders)) {
    if (name.toLowerCase() === 'content-security-policy') own.push(...value)
    else headers[name] = value
  }
  headers['Content-Security-Policy'] = isAppUrl(url) ? [CONTENT_SECURITY_POLICY] : [...own.filter((p) => p !== CONTENT_CSP), CONTENT_CSP]
  return headers
}

/** A window stays on the app: no navigation away, no new windows, no embedded webviews. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

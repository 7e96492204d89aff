import type { Session, WebContents, WebPreferences } from 'electron'
import { isAppUrl } from './appUrl.js'
import { CONTENT_SECURITY_POLICY } from './csp.js'

/**
 * The renderer gets no Node, runs in Chromium's sandbox and sees main only through the
 * preload's bridge (STYLE 4; Electron's security checklist). The partition gives each
 * library's window an Electron session of its own, which is what ties its trove: requests
 * to its acting user (see protocol.ts).
 */
export function secureWebPreferences(preload: string, partition: string): WebPreferences {
  return {
    preload,
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
 * network or to file:// is cancelled, and every response carries the app's CSP (set here as
 * well as on the app's own pages, so nothing that loads in this session escapes it).
 */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onBeforeRequest({ urls: REMOTE_URLS }, (_details, callback) => callback({ cancel: true }))
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
    callback({ responseHeaders: headers })
  })
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

import { createHash } from 'node:crypto'
import { BrowserWindow, session as electronSessions, type WebContents } from 'electron'
import { secureWebPreferences } from './hardening.js'

/** Each server's cookies and storage apart from every other's and from the local libraries'. */
export function teamPartition(origin: string): string {
  return `persist:team-${createHash('sha256').update(origin).digest('hex').slice(0, 16)}`
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin
  } catch {
    return false
  }
}

/**
 * A window on a team server (docs/team.md): the page the server serves, using the renderer's
 * HTTP transport exactly as a browser does, and signing in there. It gets no preload and no
 * bridge (the server is not this machine's main process), talks to its own server only, may
 * not navigate or open windows elsewhere, and is refused every device permission.
 */
export async function openTeamWindow(url: URL): Promise<BrowserWindow> {
  const origin = url.origin
  const partition = teamPartition(origin)
  const ses = electronSessions.fromPartition(partition)
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => callback({ cancel: !sameOrigin(details.url, origin) }))
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: `Trove — ${url.host}`,
    webPreferences: secureWebPreferences(null, partition),
  })
  guardTeamContents(window.webContents, origin)
  window.once('ready-to-show', () => window.show())
  window.on('page-title-updated', (event) => event.preventDefault())
  await window.loadURL(`${origin}/`)
  return window
}

function guardTeamContents(contents: WebContents, origin: string): void {
  const stayHome = (event: { url: string; preventDefault(): void }) => {
    if (!sameOrigin(event.url, origin)) event.preventDefault()
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-redirect', stayHome)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

import { BrowserWindow, type BaseWindow } from 'electron'

/** The form posts here; the navigation is caught and never happens. */
export const CONNECT_ANSWER = 'trove-connect:answer'

const FORM = `<!doctype html><html><head><meta charset="utf-8"><title>Connect to a Team Library</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action trove-connect:">
<style>body{font:14px system-ui,sans-serif;margin:20px}input{width:100%;box-sizing:border-box;padding:6px;margin:8px 0}</style></head>
<body><form action="${CONNECT_ANSWER}" method="get"><label for="u">Address of the team library</label>
<input id="u" name="url" type="text" placeholder="https://trove.example.com" autofocus required>
<button type="submit">Connect</button></form></body></html>`

/**
 * Asks for a team server's address in a small window of plain HTML, with no script and no
 * bridge: its form "navigates" to trove-connect:answer?url=…, which is caught here. Resolves
 * to what was typed, or null when the window is closed.
 */
export function askTeamUrl(parent?: BaseWindow): Promise<string | null> {
  const window = new BrowserWindow({
    width: 460,
    height: 180,
    parent,
    modal: parent !== undefined,
    resizable: false,
    title: 'Connect to a Team Library',
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, partition: 'connect-prompt' },
  })
  return new Promise((resolve) => {
    let answered = false
    window.webContents.on('will-navigate', (event: { url: string; preventDefault(): void }) => {
      event.preventDefault()
      if (answered || !event.url.startsWith(`${CONNECT_ANSWER}?`)) return
      answered = true
      resolve(new URLSearchParams(event.url.slice(CONNECT_ANSWER.length + 1)).get('url') ?? '')
      window.destroy()
    })
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
    window.once('closed', () => {
      if (!answered) resolve(null)
    })
    void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(FORM)}`)
  })
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { vi } from 'vitest'
import { electronModule, fake, FakeBrowserWindow } from './fakeElectron.js'

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule)

const { DesktopApp } = await import('../../../main/electron/desktopApp.js')
const { parseTeamUrl } = await import('../../../main/electron/teamUrl.js')
const { teamPartition } = await import('../../../main/electron/teamWindow.js')
const { CONNECT_ANSWER } = await import('../../../main/electron/connectPrompt.js')

const PATHS = { renderer: '/nowhere/renderer', preload: '/nowhere/preload.cjs' }

let root: string
let shell: InstanceType<typeof DesktopApp>
const recentFile = () => path.join(root, 'user-data', 'recent-libraries.json')
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-team-app-'))
  shell = new DesktopApp(PATHS, { recentFile: recentFile() })
  shell.start()
  electronModule.dialog.showErrorBox.mockClear()
})
afterEach(async () => {
  await shell.closeAll()
  fake.ipcHandlers.clear()
  fs.rmSync(root, { recursive: true, force: true })
})

function fileMenu(): MenuItemConstructorOptions[] {
  const template = electronModule.Menu.setApplicationMenu.mock.calls.at(-1)![0] as MenuItemConstructorOptions[]
  return template.find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[]
}
const recentMenu = () => fileMenu().find((m) => m.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[]

/** Types `text` into the connect window, as its form's submission reaches main. */
function answerPrompt(text: string): void {
  const prompt = FakeBrowserWindow.instances.at(-1)!
  expect(prompt.options.title).toBe('Connect to a Team Library')
  expect(prompt.options.webPreferences?.preload).toBeUndefined()
  let prevented = false
  prompt.webContents.emit('will-navigate', { url: `${CONNECT_ANSWER}?url=${encodeURIComponent(text)}`, preventDefault: () => (prevented = true) })
  expect(prevented, 'the form never navigates anywhere').toBe(true)
}

describe('a team server address', () => {
  it.each([
    ['https://trove.example.com', 'https://trove.example.com'],
    ['trove.example.com:8443/some/page', 'https://trove.example.com:8443'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ])('%s opens %s', (typed, origin) => {
    expect(parseTeamUrl(typed).origin).toBe(origin)
  })

  it.each([
    ['', /Enter the address/],
    ['http://trove.example.com', /plain http.*https:\/\/trove.example.com/],
    ['ftp://trove.example.com', /over https, not ftp/],
    ['https://ada:secret@trove.example.com', /Leave the user name and password out/],
    ['https://exa mple.com', /not a web address/],
  ])('%j is refused: %s', (typed, message) => {
    expect(() => parseTeamUrl(typed)).toThrow(message)
  })
})

describe('connecting the desktop app to a team library', () => {
  it('asks for the address, opens the server page with no bridge, and remembers it among the recent libraries', async () => {
    expect(fileMenu().map((m) => m.label)).toContain('Connect to a Team Library…')
    const connecting = shell.connectToTeam()
    answerPrompt('trove.example.com')
    await connecting
    const window = FakeBrowserWindow.instances.at(-1)!
    expect(window.loadedUrl).toBe('https://trove.example.com/')
    const prefs = window.options.webPreferences!
    expect(prefs).toMatchObject({ partition: teamPartition('https://trove.example.com'), contextIsolation: true, sandbox: true, nodeIntegration: false })
    // No preload: the page uses the renderer's HTTP transport, as in a browser, and signs in there.
    expect(prefs.preload).toBeUndefined()
    expect(shell.recentLibraries()).toEqual([{ kind: 'team', url: 'https://trove.example.com' }])
    expect(recentMenu().map((m) => m.label)).toEqual(['https://trove.example.com (team)'])
  })

  it('keeps the window on its server: other origins are neither requested nor navigated to', async () => {
    await shell.openTeamAt('https://trove.example.com')
    const window = FakeBrowserWindow.instances.at(-1)!
    const ses = fake.sessions.get(teamPartition('https://trove.example.com'))!
    const decide = (url: string) => new Promise<boolean | undefined>((resolve) => ses.beforeRequest!.listener({ url }, (r) => resolve(r.cancel)))
    expect(await decide('https://trove.example.com/api/session.current')).toBe(false)
    expect(await decide('https://tracker.example.net/pixel.gif')).toBe(true)
    expect(await decide('file:///etc/passwd')).toBe(true)
    const navigate = (url: string) => {
      let prevented = false
      window.webContents.emit('will-navigate', { url, preventDefault: () => (prevented = true) })
      return prevented
    }
    expect(navigate('https://trove.example.com/?view=grid')).toBe(false)
    expect(navigate('https://phish.example.net/')).toBe(true)
    expect(window.webContents.windowOpenHandler!({ url: 'https://trove.example.com/x' })).toEqual({ action: 'deny' })
    const granted = await new Promise<boolean>((resolve) => ses.permissionRequest!(null, 'media', resolve, {}))
    expect(granted).toBe(false)
  })

  it('explains a bad address and opens nothing, remembering nothing', async () => {
    const windows = FakeBrowserWindow.instances.length
    const connecting = shell.connectToTeam()
    answerPrompt('http://trove.example.com')
    expect(await connecting).toBeNull()
    expect(electronModule.dialog.showErrorBox).toHaveBeenCalledWith('Trove', expect.stringMatching(/plain http/))
    expect(FakeBrowserWindow.instances.length).toBe(windows + 1) // the prompt only
    expect(shell.recentLibraries()).toEqual([])
    expect(recentMenu().map((m) => m.label)).toEqual(['No Recent Libraries'])
  })

  it('lists local and team libraries at the next start, newest first, and opens one from the list', async () => {
    const dir = path.join(root, 'Studio Library')
    await shell.openLibraryAt(dir)
    await shell.openTeamAt('https://trove.example.com')
    await shell.closeAll()
    fake.ipcHandlers.clear()
    const next = new DesktopApp(PATHS, { recentFile: recentFile() })
    next.start()
    try {
      expect(next.recentLibraries()).toEqual([
        { kind: 'team', url: 'https://trove.example.com' },
        { kind: 'local', dir },
      ])
      expect(recentMenu().map((m) => m.label)).toEqual(['https://trove.example.com (team)', dir])
      ;(recentMenu()[1].click as () => void)()
      // The click's open is under way; asking again joins it.
      expect((await next.openLibraryAt(dir))?.dir).toBe(path.resolve(dir))
    } finally {
      await next.closeAll()
    }
  })

  it('starts with an empty list when the file of recent libraries is damaged', () => {
    fs.mkdirSync(path.dirname(recentFile()), { recursive: true })
    fs.writeFileSync(recentFile(), '{ not json')
    fake.ipcHandlers.clear()
    const next = new DesktopApp(PATHS, { recentFile: recentFile() })
    next.start()
    expect(next.recentLibraries()).toEqual([])
  })
})

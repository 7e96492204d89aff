import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_EVENT, IPC_INVOKE } from '../../../shared/bridge.js'
import { openLibrary } from '../../../main/core/index.js'
import { electronModule, fake, FakeBrowserWindow } from './fakeElectron.js'

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule)

const { DesktopApp } = await import('../../../main/electron/desktopApp.js')
const { menuTemplate } = await import('../../../main/electron/menu.js')

const PATHS = { renderer: '/nowhere/renderer', preload: '/nowhere/preload.cjs' }

let dirs: string[]
let shell: InstanceType<typeof DesktopApp>
beforeEach(() => {
  dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'trove-app-')))
  shell = new DesktopApp(PATHS, { recentFile: path.join(dirs[1], 'recent.json') })
  shell.start()
})
afterEach(async () => {
  await shell.closeAll()
  fake.ipcHandlers.clear()
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

/** The application menu the app installed, and a way to click one of its items. */
function installedMenu() {
  const template = electronModule.Menu.setApplicationMenu.mock.calls.at(-1)![0] as MenuItemConstructorOptions[]
  const item = (top: string, label: string) => {
    const menu = template.find((m) => m.label === top)!.submenu as MenuItemConstructorOptions[]
    return menu.find((m) => m.label === label)!
  }
  const click = (top: string, label: string, window: unknown) => (item(top, label).click as (...a: unknown[]) => void)({}, window, {})
  return { template, click }
}

describe('the desktop app', () => {
  it('runs background removal in an Electron utility process, since the packaged app cannot run itself as Node', async () => {
    const entry = (await shell.openLibraryAt(dirs[0]))!
    const input = path.join(dirs[1], 'in.png')
    fs.writeFileSync(input, 'not really a picture')
    const progress: unknown[] = []
    const controller = new AbortController()
    const jc = { signal: controller.signal, progress: (p: unknown) => void progress.push(p) }
    const running = entry.library.core.tools.removeBackground(input, 'image/png', jc as never)
    const child = fake.utilityProcesses.at(-1)!
    expect(path.basename(child.modulePath)).toBe('removeBackground.child.mjs')
    expect(child.args.slice(0, 2)).toEqual([input, 'image/png'])
    expect(child.args[3]).toBe('medium')
    expect(JSON.stringify(child.options)).not.toContain('ELECTRON_RUN_AS_NODE')
    child.emit('message', { type: 'progress', key: 'fetch:/models/medium', current: 1, total: 4 })
    fs.writeFileSync(child.args[2], 'the cut-out')
    child.emit('exit', 0)
    expect((await running).toString()).toBe('the cut-out')
    expect(progress).toEqual([{ stage: 'Loading the model', done: 1, total: 4 }])

    // Cancelling kills it.
    const cancelled = entry.library.core.tools.removeBackground(input, 'image/png', jc as never)
    const second = fake.utilityProcesses.at(-1)!
    controller.abort()
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(second.killed).toBe(true)
  })

  it('opens one window per library, and focuses it when asked again', async () => {
    const first = await shell.openLibraryAt(dirs[0])
    const again = await shell.openLibraryAt(path.join(dirs[0], '.'))
    const other = await shell.openLibraryAt(dirs[1])
    expect(again).toBe(first)
    expect(other).not.toBe(first)
    expect(shell.registry.size).toBe(2)
    expect((first!.window as unknown as FakeBrowserWindow).focusCount).toBe(1)
    expect(fake.ipcHandlers.has(IPC_INVOKE)).toBe(true)
  })

  it('sends menu commands that need the renderer as app.command to that window only', async () => {
    const a = (await shell.openLibraryAt(dirs[0]))!
    const b = (await shell.openLibraryAt(dirs[1]))!
    const { click } = installedMenu()
    click('File', 'Import Files…', a.window)
    click('File', 'Import Folder…', a.window)
    click('User', 'Switch User…', b.window)
    const sent = (w: typeof a) => (w.window as unknown as FakeBrowserWindow).webContents.sent.filter((m) => m[1] === 'app.command')
    expect(sent(a)).toEqual([
      [IPC_EVENT, 'app.command', { command: 'importFiles' }],
      [IPC_EVENT, 'app.command', { command: 'importFolder' }],
    ])
    expect(sent(b)).toEqual([[IPC_EVENT, 'app.command', { command: 'switchUser' }]])
  })

  it("signs the window's session out in main, and tells its renderer", async () => {
    const a = (await shell.openLibraryAt(dirs[0]))!
    expect(a.session.userId).not.toBeNull()
    installedMenu().click('User', 'Sign Out', a.window)
    expect(a.session.userId).toBeNull()
    const sent = (a.window as unknown as FakeBrowserWindow).webContents.sent
    expect(sent).toContainEqual([IPC_EVENT, 'session.changed', { userId: null }])
    const answer = await fake.ipcHandlers.get(IPC_INVOKE)!({ sender: (a.window as unknown as FakeBrowserWindow).webContents, senderFrame: { url: 'trove://app/index.html' } }, 'assets.roots', undefined)
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('closes the library when its window closes, so another process may open it', async () => {
    const a = (await shell.openLibraryAt(dirs[0]))!
    ;(a.window as unknown as FakeBrowserWindow).destroy()
    await shell.closeAll()
    expect(shell.busy).toBe(false)
    const again = await openLibrary(dirs[0])
    await again.close()
  })
})

describe('the menu', () => {
  const actions = { openLibrary: vi.fn(), newLibrary: vi.fn(), connectTeam: vi.fn(), openRecent: vi.fn(), command: vi.fn(), signOut: vi.fn() }
  const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role)

  it('has File and User menus and the standard Edit, View and Window menus', () => {
    const template = menuTemplate(actions, 'linux')
    expect(labels(template)).toEqual(['File', 'editMenu', 'viewMenu', 'User', 'windowMenu'])
    const file = template[0].submenu as MenuItemConstructorOptions[]
    expect(labels(file).filter(Boolean)).toEqual(['Open Library…', 'New Library…', 'Connect to a Team Library…', 'Open Recent', 'New Folder', 'Import Files…', 'Import Folder…', 'quit'])
    const user = template[3].submenu as MenuItemConstructorOptions[]
    expect(labels(user)).toEqual(['Switch User…', 'Sign Out'])
    expect(labels(menuTemplate(actions, 'darwin'))[0]).toBe('appMenu')
  })

  it('calls the app for library actions', () => {
    const file = menuTemplate(actions, 'linux')[0].submenu as MenuItemConstructorOptions[]
    ;(file[0].click as () => void)()
    ;(file[1].click as () => void)()
    expect(actions.openLibrary).toHaveBeenCalledTimes(1)
    expect(actions.newLibrary).toHaveBeenCalledTimes(1)
  })
})

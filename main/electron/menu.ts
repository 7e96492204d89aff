import type { BaseWindow, MenuItemConstructorOptions } from 'electron'
import type { Events } from '../../shared/contract/index.js'
import { recentLabel, type RecentLibrary } from './recentLibraries.js'

export type AppCommand = Events['app.command']['command']

/** What the menu can ask of the app; `window` is the window the menu acted on, if any. */
export interface MenuActions {
  openLibrary(): void
  newLibrary(): void
  /** Asks for a team server's address and opens a window on it. */
  connectTeam(): void
  openRecent(entry: RecentLibrary): void
  /** Work the renderer carries out (it owns the forms and progress), sent as `app.command`. */
  command(window: BaseWindow | undefined, command: AppCommand): void
  /** Signing out needs no renderer: main owns the session. */
  signOut(window: BaseWindow | undefined): void
}

export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform, recent: RecentLibrary[] = []): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const send = (command: AppCommand) => (_item: unknown, window: BaseWindow | undefined) => actions.command(window, command)
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Library…', accelerator: 'CmdOrCtrl+O', click: () => actions.openLibrary() },
      { label: 'New Library…', click: () => actions.newLibrary() },
      { label: 'Connect to a Team Library…', click: () => actions.connectTeam() },
      {
        label: 'Open Recent',
        submenu: recent.length
          ? recent.map((entry) => ({ label: recentLabel(entry), click: () => actions.openRecent(entry) }))
          : [{ label: 'No Recent Libraries', enabled: false }],
      },
      { type: 'separator' },
      { label: 'New Folder', accelerator: 'CmdOrCtrl+Shift+N', click: send('newFolder') },
      { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: send('importFiles') },
      { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Alt+I', click: send('importFolder') },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const user: MenuItemConstructorOptions = {
    label: 'User',
    submenu: [
      { label: 'Switch User…', accelerator: 'CmdOrCtrl+Shift+U', click: send('switchUser') },
      { label: 'Sign Out', click: (_item, window) => actions.signOut(window) },
    ],
  }
  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, { role: 'editMenu' }, { role: 'viewMenu' }, user, { role: 'windowMenu' }]
}

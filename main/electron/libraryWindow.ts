import { createHash } from 'node:crypto'
import path from 'node:path'
import { BrowserWindow, session as electronSessions } from 'electron'
import type { Id } from '../../shared/domain.js'
import type { Library } from '../core/library.js'
import { APP_URL } from './appUrl.js'
import { guardWebContents, lockDownSession, secureWebPreferences } from './hardening.js'
import { forwardEvents } from './ipc.js'
import { PathGrants } from './pathGrants.js'
import { serveTroveScheme } from './protocol.js'
import type { LibraryWindow, WindowRegistry } from './windowRegistry.js'

/** Where the built renderer and preload are (next to the built main). */
export interface ShellPaths {
  renderer: string
  preload: string
}

/**
 * A window starts signed in as the first admin only while that admin has no password: on a
 * fresh library the owner of the machine is let in at once; once a password is set, someone
 * must sign in (docs/accounts.md).
 */
export function initialUserId(library: Library): Id | null {
  const id = library.firstAdminId
  const admin = id ? library.core.store.tables.users.get(id) : undefined
  return admin && !admin.passwordHash ? admin.id : null
}

/**
 * An Electron session per library folder: the window's trove: requests are answered by a
 * handler bound to its own acting session (protocol.ts), and its storage (the renderer's
 * remembered layout) is kept per library.
 */
export function partitionFor(dir: string): string {
  return `persist:library-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`
}

export async function createLibraryWindow(library: Library, paths: ShellPaths, registry: WindowRegistry, onClosed: (entry: LibraryWindow) => void): Promise<LibraryWindow> {
  const partition = partitionFor(library.dir)
  const electronSession = electronSessions.fromPartition(partition)
  lockDownSession(electronSession)
  const grants = new PathGrants()
  const session = library.session(initialUserId(library), (p, purpose) => grants.allows(p, purpose))
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: `Trove — ${path.basename(library.dir)}`,
    webPreferences: secureWebPreferences(paths.preload, partition),
  })
  guardWebContents(window.webContents)
  const entry: LibraryWindow = { dir: library.dir, library, session, window, grants, webContentsId: window.webContents.id }
  const stopServing = serveTroveScheme(electronSession, { library, session, rendererDir: paths.renderer })
  const stopEvents = forwardEvents(entry, window.webContents)
  registry.add(entry)
  window.once('ready-to-show', () => window.show())
  // The title names the library, so two open libraries can be told apart.
  window.on('page-title-updated', (event) => event.preventDefault())
  window.once('closed', () => {
    stopEvents()
    stopServing()
    registry.remove(entry)
    onClosed(entry)
  })
  await window.loadURL(APP_URL)
  return entry
}

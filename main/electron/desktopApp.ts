import fs from 'node:fs'
import path from 'node:path'
import { app, BrowserWindow, dialog, Menu, type BaseWindow } from 'electron'
import { openLibrary } from '../core/library.js'
import { removeBackgroundToPng } from '../core/extensions/removeBackground.js'
import type { JobContext } from '../jobs/runner.js'
import { utilityChild } from './utilityChild.js'
import { nativeDialogHandlers } from './dialogs.js'
import { registerIpc } from './ipc.js'
import { createLibraryWindow, type ShellPaths } from './libraryWindow.js'
import { menuTemplate, type AppCommand } from './menu.js'
import { openWithRecovery } from './openRecovery.js'
import { recoveryDialogs } from './recoveryDialogs.js'
import { WindowRegistry, type LibraryWindow } from './windowRegistry.js'

/** The desktop shell: one window per open library, the menu, and closing libraries cleanly. */
export class DesktopApp {
  readonly registry = new WindowRegistry()
  private readonly opening = new Map<string, Promise<LibraryWindow | null>>()
  private readonly closing = new Set<Promise<void>>()

  constructor(private readonly paths: ShellPaths) {}

  /** After `ready`: IPC and the menu, which serve every window. */
  start(): void {
    registerIpc((sender) => this.registry.forWebContents(sender))
    const template = menuTemplate(
      {
        openLibrary: () => void this.chooseLibrary(),
        newLibrary: () => void this.createLibrary(),
        command: (window, command) => this.sendCommand(window, command),
        signOut: (window) => this.signOut(window),
      },
      process.platform,
    )
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  /** Windows are open or libraries are still closing: quitting must wait. */
  get busy(): boolean {
    return this.registry.size > 0 || this.closing.size > 0
  }

  /** Shows the library's window, opening it first if needed (one window per library). */
  openLibraryAt(dir: string): Promise<LibraryWindow | null> {
    const absolute = path.resolve(dir)
    const existing = this.registry.forDir(absolute)
    if (existing) {
      focus(existing.window)
      return Promise.resolve(existing)
    }
    const pending = this.opening.get(absolute)
    if (pending) return pending
    const opened = this.open(absolute).finally(() => this.opening.delete(absolute))
    this.opening.set(absolute, opened)
    return opened
  }

  focusAny(): void {
    const last = this.registry.all().at(-1)
    if (last) focus(last.window)
  }

  /** Closes every window and waits until each library has written its snapshot and unlocked. */
  async closeAll(): Promise<void> {
    for (const entry of this.registry.all()) entry.window.destroy()
    await Promise.all([...this.closing])
  }

  private async open(dir: string): Promise<LibraryWindow | null> {
    const prompts = recoveryDialogs(() => (this.registry.size === 0 ? 'Quit' : 'Cancel'))
    const overrides = nativeDialogHandlers((session) => this.registry.forSession(session))
    // Heavy image work runs in a utility process: the packaged app cannot fork itself as Node.
    const tools = { removeBackground: (input: string, mime: string, jc: JobContext) => removeBackgroundToPng(input, mime, jc, 'medium', utilityChild) }
    const library = await openWithRecovery(dir, (d) => openLibrary(d, { overrides, tools }), prompts)
    if (!library) return null
    try {
      return await createLibraryWindow(library, this.paths, this.registry, (entry) => this.track(entry.library.close()))
    } catch (error) {
      this.registry.forDir(dir)?.window.destroy()
      await library.close().catch(() => undefined)
      dialog.showErrorBox('Trove', `The window for ${dir} could not be shown.\n\n${(error as Error).message}`)
      return null
    }
  }

  private track(closing: Promise<void>): void {
    const settled = closing.catch((error: unknown) => console.error('[trove] closing a library failed:', error))
    this.closing.add(settled)
    void settled.finally(() => this.closing.delete(settled))
  }

  private async chooseLibrary(): Promise<void> {
    const parent = BrowserWindow.getFocusedWindow()
    const options = { title: 'Open Library', buttonLabel: 'Open', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] }
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
    const dir = result.canceled ? undefined : result.filePaths[0]
    if (!dir) return
    if (!isLibraryOrEmpty(dir)) {
      const { response } = await dialog.showMessageBox({
        type: 'question',
        title: 'Trove',
        message: 'This folder is not a Trove library.',
        detail: `${dir}\n\nCreate a new library in it? Its present contents are left as they are.`,
        buttons: ['Create Library Here', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      })
      if (response !== 0) return
    }
    await this.openLibraryAt(dir)
  }

  private async createLibrary(): Promise<void> {
    const parent = BrowserWindow.getFocusedWindow()
    const options = { title: 'New Library', buttonLabel: 'Create', defaultPath: path.join(app.getPath('documents'), 'Trove Library') }
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) return
    if (!isLibraryOrEmpty(result.filePath) || fs.existsSync(path.join(result.filePath, 'library.json'))) {
      dialog.showErrorBox('Trove', `${result.filePath} already exists. Choose a new name for the library, or use Open Library… for an existing one.`)
      return
    }
    await this.openLibraryAt(result.filePath)
  }

  private target(window: BaseWindow | undefined): LibraryWindow | undefined {
    return this.registry.forWindow(window) ?? this.registry.forWindow(BrowserWindow.getFocusedWindow())
  }

  private sendCommand(window: BaseWindow | undefined, command: AppCommand): void {
    const entry = this.target(window)
    if (entry) entry.library.emitTo(entry.session, 'app.command', { command })
  }

  private signOut(window: BaseWindow | undefined): void {
    const entry = this.target(window)
    if (!entry) return
    entry.session.viewAsId = null
    entry.session.userId = null
    entry.library.emitTo(entry.session, 'session.changed', { userId: null })
    // The renderer also drops what it holds of the previous user (open dialogs, selections).
    entry.library.emitTo(entry.session, 'app.command', { command: 'signOut' })
  }
}

function focus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

/** A folder that does not exist yet, is empty, or already holds a library. */
function isLibraryOrEmpty(dir: string): boolean {
  try {
    const names = fs.readdirSync(dir)
    return names.length === 0 || names.includes('library.json')
  } catch {
    return !fs.existsSync(dir)
  }
}

import fs from 'node:fs'
import path from 'node:path'
import { app, BrowserWindow, dialog, Menu, type BaseWindow } from 'electron'
import { askTeamUrl } from './connectPrompt.js'
import { RecentLibraries, type RecentLibrary } from './recentLibraries.js'
import { openTeamWindow } from './teamWindow.js'
import { parseTeamUrl } from './teamUrl.js'
import { openLibrary } from '../core/library.js'
import { removeBackgroundToPng } from '../core/extensions/removeBackground.js'
import type { JobContext } from '../core/jobs/runner.js'
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
  /** Windows on team servers, by origin: one each, as for local libraries. */
  private readonly teamWindows = new Map<string, BrowserWindow>()
  private recents: RecentLibraries | null = null

  constructor(
    private readonly paths: ShellPaths,
    private readonly options: { recentFile?: string } = {},
  ) {}

  /** After `ready`: IPC and the menu, which serve every window. */
  start(): void {
    registerIpc((sender) => this.registry.forWebContents(sender))
    this.recents = new RecentLibraries(this.options.recentFile ?? path.join(app.getPath('userData'), 'recent-libraries.json'))
    this.installMenu(this.recents.list())
  }

  /** The libraries opened lately, local and team, newest first (File > Open Recent). */
  recentLibraries(): RecentLibrary[] {
    return this.recents?.list() ?? []
  }

  private installMenu(recent: RecentLibrary[]): void {
    const template = menuTemplate(
      {
        openLibrary: () => void this.chooseLibrary(),
        newLibrary: () => void this.createLibrary(),
        connectTeam: () => void this.connectToTeam(),
        openRecent: (entry) => void (entry.kind === 'local' ? this.openLibraryAt(entry.dir) : this.openTeamAt(entry.url)),
        command: (window, command) => this.sendCommand(window, command),
        signOut: (window) => this.signOut(window),
      },
      process.platform,
      recent,
    )
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  private remember(entry: RecentLibrary): void {
    if (this.recents) this.installMenu(this.recents.add(entry))
  }

  /** Asks for a team server's address, then opens it. */
  async connectToTeam(): Promise<BrowserWindow | null> {
    const typed = await askTeamUrl(BrowserWindow.getFocusedWindow() ?? undefined)
    return typed === null ? null : this.openTeamAt(typed)
  }

  /**
   * A window on the team server at `address` (docs/team.md), focused if one is open. A bad
   * address is explained and opens nothing; the server's page asks for the password.
   */
  async openTeamAt(address: string): Promise<BrowserWindow | null> {
    let url: URL
    try {
      url = parseTeamUrl(address)
    } catch (error) {
      dialog.showErrorBox('Trove', (error as Error).message)
      return null
    }
    const existing = this.teamWindows.get(url.origin)
    if (existing) {
      focus(existing)
      return existing
    }
    let window: BrowserWindow
    try {
      window = await openTeamWindow(url)
    } catch (error) {
      dialog.showErrorBox('Trove', `${url.origin} could not be opened.\n\n${(error as Error).message}`)
      return null
    }
    this.teamWindows.set(url.origin, window)
    window.once('closed', () => this.teamWindows.delete(url.origin))
    this.remember({ kind: 'team', url: url.origin })
    return window
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
    for (const window of [...this.teamWindows.values()]) window.destroy()
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
      const entry = await createLibraryWindow(library, this.paths, this.registry, (closed) => this.track(closed.library.close()))
      this.remember({ kind: 'local', dir })
      return entry
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

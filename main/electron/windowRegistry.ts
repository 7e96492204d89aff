import type { BaseWindow, BrowserWindow, WebContents } from 'electron'
import type { Session } from '../core/context.js'
import type { Library } from '../core/library.js'
import type { PathGrants } from './pathGrants.js'

/** One open library and the one window that shows it. */
export interface LibraryWindow {
  readonly dir: string
  readonly library: Library
  /** Who acts through this window: set by sign-in and switching, never by a request. */
  readonly session: Session
  readonly window: BrowserWindow
  readonly grants: PathGrants
  /** Kept apart from `window`: a destroyed window's webContents can no longer be read. */
  readonly webContentsId: number
}

/** The open library windows, found by folder, by IPC sender, by session or by window. */
export class WindowRegistry {
  private readonly byDir = new Map<string, LibraryWindow>()

  add(entry: LibraryWindow): void {
    this.byDir.set(entry.dir, entry)
  }

  remove(entry: LibraryWindow): void {
    if (this.byDir.get(entry.dir) === entry) this.byDir.delete(entry.dir)
  }

  get size(): number {
    return this.byDir.size
  }

  all(): LibraryWindow[] {
    return [...this.byDir.values()]
  }

  forDir(dir: string): LibraryWindow | undefined {
    return this.byDir.get(dir)
  }

  forWebContents(contents: WebContents): LibraryWindow | undefined {
    return this.all().find((e) => e.webContentsId === contents.id)
  }

  forSession(session: Session): LibraryWindow | undefined {
    return this.all().find((e) => e.session === session)
  }

  forWindow(window: BaseWindow | null | undefined): LibraryWindow | undefined {
    return window ? this.all().find((e) => e.window === window) : undefined
  }
}

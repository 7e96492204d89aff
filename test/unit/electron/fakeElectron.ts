/**
 * A stand-in for the 'electron' module, so the desktop shell's wiring runs in plain Node.
 * Each test file mocks 'electron' with `electronModule`; `fake` records what the shell did.
 */
import { EventEmitter } from 'node:events'
import os from 'node:os'
import { vi } from 'vitest'

type ProtocolHandler = (request: Request) => Response | Promise<Response>
type HeadersListener = (details: { url: string; resourceType: string; responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void
type BeforeRequestListener = (details: { url: string }, callback: (r: { cancel?: boolean }) => void) => void

let nextContentsId = 1

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++
  readonly sent: unknown[][] = []
  destroyed = false
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args])
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
}

export class FakeSession {
  readonly handlers = new Map<string, ProtocolHandler>()
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null
  permissionCheck: ((...args: unknown[]) => boolean) | null = null
  headersListener: HeadersListener | null = null
  beforeRequest: { filter: { urls: string[] }; listener: BeforeRequestListener } | null = null
  readonly protocol = {
    handle: (scheme: string, handler: ProtocolHandler) => {
      if (this.handlers.has(scheme)) throw new Error(`${scheme} is already handled`)
      this.handlers.set(scheme, handler)
    },
    unhandle: (scheme: string) => void this.handlers.delete(scheme),
    isProtocolHandled: (scheme: string) => this.handlers.has(scheme),
  }
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => void (this.headersListener = listener),
    onBeforeRequest: (filter: { urls: string[] }, listener: BeforeRequestListener) => void (this.beforeRequest = { filter, listener }),
  }
  setPermissionRequestHandler(handler: FakeSession['permissionRequest']): void {
    this.permissionRequest = handler
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheck']): void {
    this.permissionCheck = handler
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = []
  static focused: FakeBrowserWindow | null = null
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focused
  }
  readonly webContents = new FakeWebContents()
  loadedUrl: string | null = null
  focusCount = 0
  destroyed = false
  constructor(readonly options: { webPreferences?: Record<string, unknown>; [key: string]: unknown }) {
    super()
    FakeBrowserWindow.instances.push(this)
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url
  }
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
  show(): void {}
  focus(): void {
    this.focusCount++
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
  }
}

/** A utility process that never starts: a test sends its messages and its exit by hand. */
export class FakeUtilityProcess extends EventEmitter {
  killed = false
  readonly stderr = null
  constructor(readonly modulePath: string, readonly args: string[], readonly options: Record<string, unknown>) {
    super()
  }
  kill(): boolean {
    this.killed = true
    this.emit('exit', null)
    return true
  }
}

export const fake = {
  utilityProcesses: [] as FakeUtilityProcess[],
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  sessions: new Map<string, FakeSession>(),
  privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  exposed: new Map<string, unknown>(),
  rendererListeners: new Map<string, ((...args: unknown[]) => void)[]>(),
}

export const electronModule = {
  app: Object.assign(new EventEmitter(), {
    getPath: vi.fn((_name: string) => os.tmpdir()),
    quit: vi.fn(),
    exit: vi.fn(),
    requestSingleInstanceLock: vi.fn((_data?: unknown) => true),
    whenReady: vi.fn(() => Promise.resolve()),
  }),
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => unknown) => {
      if (fake.ipcHandlers.has(channel)) throw new Error(`a second handler for ${channel}`)
      fake.ipcHandlers.set(channel, handler)
    },
    removeHandler: (channel: string) => void fake.ipcHandlers.delete(channel),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => void fake.privilegedSchemes.push(...schemes),
  },
  session: {
    fromPartition: (partition: string) => {
      const existing = fake.sessions.get(partition)
      if (existing) return existing
      const created = new FakeSession()
      fake.sessions.set(partition, created)
      return created
    },
  },
  BrowserWindow: FakeBrowserWindow,
  utilityProcess: {
    fork: (modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => {
      const child = new FakeUtilityProcess(modulePath, args, options)
      fake.utilityProcesses.push(child)
      return child
    },
  },
  dialog: {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    showErrorBox: vi.fn(),
  },
  shell: {
    showItemInFolder: vi.fn((_path: string) => undefined),
  },
  Menu: {
    buildFromTemplate: vi.fn((template: unknown) => template),
    setApplicationMenu: vi.fn(),
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => void fake.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      fake.rendererListeners.set(channel, [...(fake.rendererListeners.get(channel) ?? []), listener])
    },
  },
}

/** What an `event` argument of a webContents or IPC listener looks like, with a spy on preventDefault. */
export function fakeEvent(props: Record<string, unknown> = {}) {
  return { preventDefault: vi.fn(), ...props }
}

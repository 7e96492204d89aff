import { afterEach, describe, expect, it, vi } from 'vitest'
import { IPC_EVENT, IPC_INVOKE } from '../../../shared/bridge.js'
import type { Events } from '../../../shared/contract/index.js'
import { AppError } from '../../../shared/errors.js'
import { ApiClient } from '../../../renderer/api/client.js'
import { bridgeTransport } from '../../../renderer/api/bridgeTransport.js'
import { httpTransport } from '../../../renderer/api/httpTransport.js'
import { createBridge } from '../../../main/electron/preloadBridge.js'
import type { Caller } from '../../../main/core/index.js'
import { tempLibrary } from '../../support/tempLibrary.js'
import { serve } from '../server/harness.js'
import { fake, FakeWebContents } from '../electron/fakeElectron.js'
import { eventSourceWithCookie } from './eventSource.js'

vi.mock('electron', async () => (await import('../electron/fakeElectron.js')).electronModule)

const { registerIpc, forwardEvents } = await import('../../../main/electron/ipc.js')

/**
 * The renderer's API client against a real temp library, through each transport the app
 * uses: the Electron bridge (the preload's bridge on a stand-in ipcRenderer, main's IPC
 * handler on a stand-in ipcMain) and browser mode's HTTP server. The same cases run on both,
 * so a value, a refusal or an event crosses either the same way.
 */

interface Connected {
  client: ApiClient
  /** Ada, straight through the core, for comparing with what came across. */
  admin: Caller
  homeId: string
  /** Resolves once events sent from now on reach the client's subscribers. */
  listening(): Promise<void>
  close(): Promise<void>
}

const APP_FRAME = { url: 'trove://app/index.html' }

async function overBridge(): Promise<Connected> {
  const t = await tempLibrary()
  const contents = new FakeWebContents()
  const target = { library: t.library, session: t.admin.session }
  const stopIpc = registerIpc((sender) => (sender === (contents as unknown) ? target : undefined))
  const handler = fake.ipcHandlers.get(IPC_INVOKE)!
  const rendererListeners: ((event: unknown, ...args: unknown[]) => void)[] = []
  // What main sends to the window arrives at the preload's ipcRenderer listeners.
  contents.send = (channel: string, ...args: unknown[]) => {
    if (channel === IPC_EVENT) for (const l of rendererListeners) l({}, ...args)
  }
  const stopEvents = forwardEvents(target, contents as never)
  const bridge = createBridge({
    invoke: (channel: string, ...args: unknown[]) => Promise.resolve(handler({ sender: contents, senderFrame: APP_FRAME }, ...args)),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      if (channel === IPC_EVENT) rendererListeners.push(listener)
      return undefined as never
    },
  } as never)
  return {
    client: new ApiClient(bridgeTransport(bridge)),
    admin: t.admin,
    homeId: t.homeId,
    listening: async () => undefined,
    async close() {
      stopEvents()
      stopIpc()
      await t.close()
    },
  }
}

async function overHttp(): Promise<Connected> {
  const served = await serve()
  const cookie = await served.connect()
  const base = `http://127.0.0.1:${served.port}`
  const realFetch = globalThis.fetch
  // A browser sends the session cookie by itself; Node's fetch keeps no cookies.
  vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => realFetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } }))
  const { CookieEventSource, opened } = eventSourceWithCookie(cookie)
  vi.stubGlobal('EventSource', CookieEventSource)
  return {
    client: new ApiClient(httpTransport(base)),
    admin: served.admin,
    homeId: served.homeId,
    listening: () => Promise.all(opened.map((s) => s.ready)).then(() => undefined),
    async close() {
      for (const s of opened) s.close()
      vi.unstubAllGlobals()
      await served.close()
    },
  }
}

let open: Connected | null = null
afterEach(async () => {
  await open?.close()
  open = null
})

describe.each([
  ['the Electron bridge', overBridge],
  ['HTTP', overHttp],
])('the API client through %s', (_name, connect) => {
  it('returns what the core returns, for a call with input and one without', async () => {
    open = await connect()
    const { client, admin, homeId } = open
    expect(await client.call('assets.roots')).toEqual(await admin.call('assets.roots'))
    const made = await client.call('folders.create', { parentId: homeId, name: 'Brand' })
    expect(made).toEqual(await admin.call('assets.get', { id: made.id }))
    expect(await client.call('assets.list', { folderId: homeId })).toEqual(await admin.call('assets.list', { folderId: homeId }))
  })

  it('gives a refusal as an AppError with its code, message and details, and changes nothing', async () => {
    open = await connect()
    const { client, admin, homeId } = open
    const before = await admin.call('assets.list', { folderId: homeId })
    const missing = await client.call('assets.get', { id: 'no-such-asset' }).catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(AppError)
    expect(missing).toMatchObject({ code: 'NOT_FOUND' })
    const invalid = await client.call('folders.create', { parentId: homeId, name: '' }).catch((e: unknown) => e)
    expect(invalid).toMatchObject({ code: 'INVALID_INPUT', details: { channel: 'folders.create' } })
    expect((invalid as AppError).message).not.toBe('')
    expect(await admin.call('assets.list', { folderId: homeId })).toEqual(before)
  })

  it('hands a committed change to subscribers, and stops after unsubscribing', async () => {
    open = await connect()
    const { client, admin, homeId } = open
    const seen: Events['library.changed'][] = []
    let unsubscribe = client.subscribe('library.changed', (payload) => seen.push(payload))
    await open.listening()
    const made = await admin.call('folders.create', { parentId: homeId, name: 'Seen' })
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0), { timeout: 10_000 })
    expect(JSON.stringify(seen)).toContain(made.id)
    unsubscribe()
    const count = seen.length
    // A second subscriber still hears the next change; the first does not.
    const later: unknown[] = []
    unsubscribe = client.subscribe('library.changed', (payload) => later.push(payload))
    await admin.call('folders.create', { parentId: homeId, name: 'Unseen' })
    await vi.waitFor(() => expect(later.length).toBeGreaterThan(0), { timeout: 10_000 })
    expect(seen.length).toBe(count)
    unsubscribe()
  })
})

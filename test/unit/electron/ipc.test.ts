import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_EVENT, IPC_INVOKE, type Envelope } from '../../../shared/bridge.js'
import { channelNames } from '../../../shared/contract/index.js'
import type { Session } from '../../../main/core/context.js'
import type { Library } from '../../../main/core/library.js'
import { recordsOf, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { fake, FakeWebContents } from './fakeElectron.js'

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule)

const { registerIpc, forwardEvents } = await import('../../../main/electron/ipc.js')
type IpcTarget = import('../../../main/electron/ipc.js').IpcTarget

const APP_FRAME = { url: 'trove://app/index.html' }

/** Wires the one IPC handler to a fixed set of windows; returns a way to call it as a given window. */
function wire(targets: Map<FakeWebContents, IpcTarget>) {
  const stop = registerIpc((sender) => targets.get(sender as unknown as FakeWebContents))
  const handler = fake.ipcHandlers.get(IPC_INVOKE)!
  const call = (sender: FakeWebContents, channel: unknown, input?: unknown, frame: { url: string } | null = APP_FRAME) =>
    handler({ sender, senderFrame: frame }, channel, input) as Promise<Envelope>
  return { call, stop }
}

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => {
  fake.ipcHandlers.clear()
  await t.close()
})

describe('the IPC handler', () => {
  it('is one handler on IPC_INVOKE, and every contract channel goes through it to the dispatcher', async () => {
    const session = t.library.session(null)
    const dispatch = vi.fn(async (_s: Session, channel: string, _input: unknown) => ({ echoed: channel }))
    const contents = new FakeWebContents()
    const { call } = wire(new Map([[contents, { library: { dispatch } as unknown as Library, session }]]))
    expect([...fake.ipcHandlers.keys()]).toEqual([IPC_INVOKE])
    expect(channelNames.length).toBeGreaterThan(40)
    for (const channel of channelNames) {
      expect(await call(contents, channel, { some: 'input' })).toEqual({ ok: true, value: { echoed: channel } })
    }
    expect(dispatch.mock.calls.map((c) => c[1])).toEqual(channelNames)
    for (const c of dispatch.mock.calls) {
      expect(c[0]).toBe(session)
      expect(c[2]).toEqual({ some: 'input' })
    }
  })

  it('answers an unknown channel with INVALID_INPUT in the envelope, and runs nothing', async () => {
    const contents = new FakeWebContents()
    const { call } = wire(new Map([[contents, { library: t.library, session: t.admin.session }]]))
    const before = recordsOf(t.library)
    for (const channel of ['fs.readFile', 'users.list ', '__proto__', 'constructor', 42]) {
      const answer = await call(contents, channel, {})
      expect(answer.ok).toBe(false)
      if (!answer.ok) expect(answer.error.code, String(channel)).toBe('INVALID_INPUT')
    }
    expect(recordsOf(t.library)).toEqual(before)
  })

  it('keeps the code and details of an error', async () => {
    const contents = new FakeWebContents()
    const { call } = wire(new Map([[contents, { library: t.library, session: t.admin.session }]]))
    const answer = await call(contents, 'assets.get', { id: 'no-such-asset' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const invalid = await call(contents, 'folders.create', { parentId: t.homeId, name: '' })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { channel: 'folders.create' } } })
  })

  it('refuses an input that names an actor, and changes nothing', async () => {
    const contents = new FakeWebContents()
    const { call } = wire(new Map([[contents, { library: t.library, session: t.admin.session }]]))
    const other = await t.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    const before = recordsOf(t.library)
    for (const extra of [{ actor: other.id }, { userId: other.id }, { actorId: other.id }, { session: { userId: other.id } }]) {
      const answer = await call(contents, 'folders.create', { parentId: t.homeId, name: 'Sneaky', ...extra })
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(recordsOf(t.library)).toEqual(before)
  })

  it('acts as the session of the window that sent the call', async () => {
    const rita = await t.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    const adminWindow = new FakeWebContents()
    const ritaWindow = new FakeWebContents()
    const strangerWindow = new FakeWebContents()
    const { call } = wire(
      new Map([
        [adminWindow, { library: t.library, session: t.library.session(t.library.firstAdminId) }],
        [ritaWindow, { library: t.library, session: t.library.session(rita.id) }],
      ]),
    )
    expect(await call(adminWindow, 'session.current')).toMatchObject({ ok: true, value: { user: { email: 'ada@example.com' } } })
    expect(await call(ritaWindow, 'session.current')).toMatchObject({ ok: true, value: { user: { email: 'rita@example.com' } } })
    const roots = await call(ritaWindow, 'assets.roots')
    expect(roots).toEqual({ ok: true, value: [] })
    expect(await call(strangerWindow, 'session.current')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // A frame that is not the app's own page (an injected iframe, a navigated frame) may not call.
    expect(await call(adminWindow, 'session.current', undefined, { url: 'https://example.com/' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a call whose sending frame is gone (navigated away or destroyed), and runs nothing', async () => {
    const dispatch = vi.fn(async () => ({ ran: true }))
    const contents = new FakeWebContents()
    const { call } = wire(new Map([[contents, { library: { dispatch } as unknown as Library, session: t.admin.session }]]))
    expect(await call(contents, 'session.current', undefined, null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(contents, 'folders.create', { parentId: t.homeId, name: 'Sneaky' }, null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(dispatch).not.toHaveBeenCalled()
    expect(await call(contents, 'session.current')).toEqual({ ok: true, value: { ran: true } })
  })
})

describe('event forwarding', () => {
  it("sends the window's own session events on IPC_EVENT, and stops when told", async () => {
    const mine = t.library.session(t.library.firstAdminId)
    const theirs = t.library.session(t.library.firstAdminId)
    const contents = new FakeWebContents()
    const stop = forwardEvents({ library: t.library, session: mine }, contents as never)
    t.library.emitTo(mine, 'app.command', { command: 'importFolder' })
    t.library.emitTo(theirs, 'app.command', { command: 'switchUser' })
    await t.library.caller(mine).call('folders.create', { parentId: t.homeId, name: 'Brand' })
    expect(contents.sent[0]).toEqual([IPC_EVENT, 'app.command', { command: 'importFolder' }])
    expect(contents.sent.filter((m) => m[1] === 'app.command')).toHaveLength(1)
    expect(contents.sent.some((m) => m[0] === IPC_EVENT && m[1] === 'library.changed')).toBe(true)
    stop()
    const count = contents.sent.length
    t.library.emitTo(mine, 'app.command', { command: 'newFolder' })
    expect(contents.sent).toHaveLength(count)
  })
})

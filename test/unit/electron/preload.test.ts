import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_EVENT, IPC_INVOKE, type TroveBridge } from '../../../shared/bridge.js'
import { channelNames, eventNames } from '../../../shared/contract/index.js'
import { electronModule, fake } from './fakeElectron.js'

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule)

await import('../../../main/electron/preload.js')
const bridge = fake.exposed.get('trove') as TroveBridge
const invoke = electronModule.ipcRenderer.invoke

/** What main would send on the event channel. */
function pushEvent(name: unknown, payload: unknown) {
  for (const listener of fake.rendererListeners.get(IPC_EVENT) ?? []) listener({ sender: 'ipc internals' }, name, payload)
}

beforeEach(() => invoke.mockClear())

describe('the preload', () => {
  it('exposes window.trove with exactly invoke and subscribe, and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['trove'])
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe'])
    expect(typeof bridge.invoke).toBe('function')
    expect(typeof bridge.subscribe).toBe('function')
  })

  it('sends a contract channel on IPC_INVOKE and passes the envelope back', async () => {
    invoke.mockResolvedValueOnce({ ok: true, value: { answer: 1 } })
    expect(await bridge.invoke('assets.list', { folderId: 'f1' })).toEqual({ ok: true, value: { answer: 1 } })
    expect(invoke).toHaveBeenCalledWith(IPC_INVOKE, 'assets.list', { folderId: 'f1' })
    for (const channel of channelNames) await bridge.invoke(channel, undefined)
    expect(invoke).toHaveBeenCalledTimes(channelNames.length + 1)
  })

  it('refuses a channel outside the contract without sending anything', async () => {
    for (const channel of ['trove:invoke', 'fs.readFile', 'hasOwnProperty', '', 7 as unknown as string]) {
      const answer = await bridge.invoke(channel, {})
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(invoke).not.toHaveBeenCalled()
  })

  it('hands events to their subscribers with the payload only, until unsubscribed', () => {
    expect(fake.rendererListeners.get(IPC_EVENT)).toHaveLength(1)
    const changed = vi.fn()
    const command = vi.fn()
    const stopChanged = bridge.subscribe('library.changed', changed)
    bridge.subscribe('app.command', command)
    pushEvent('library.changed', { seq: 3 })
    pushEvent('app.command', { command: 'importFiles' })
    expect(changed).toHaveBeenCalledTimes(1)
    expect(changed.mock.calls[0]).toEqual([{ seq: 3 }])
    expect(command).toHaveBeenCalledWith({ command: 'importFiles' })
    stopChanged()
    pushEvent('library.changed', { seq: 4 })
    expect(changed).toHaveBeenCalledTimes(1)
  })

  it('keeps delivering when one subscriber throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const after = vi.fn()
    bridge.subscribe('jobs.progress', () => {
      throw new Error('boom')
    })
    bridge.subscribe('jobs.progress', after)
    pushEvent('jobs.progress', { id: 'j' })
    expect(after).toHaveBeenCalledWith({ id: 'j' })
    error.mockRestore()
  })

  it('refuses to subscribe to an event outside the contract', () => {
    expect(eventNames).toContain('app.command')
    for (const name of ['ipc-message', 'toString', '']) expect(() => bridge.subscribe(name, () => undefined)).toThrow(/no event named/)
  })
})

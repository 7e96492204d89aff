import type { IpcRenderer } from 'electron'
import { IPC_EVENT, IPC_INVOKE, type Envelope, type TroveBridge } from '../../shared/bridge.js'
import { events, isChannelName } from '../../shared/contract/index.js'

type Listener = (payload: unknown) => void

/**
 * What the preload puts on `window.trove`: `invoke` and `subscribe`, nothing else (docs/architecture.md).
 * A channel or event outside the contract is refused here, before anything crosses to main,
 * so a compromised page cannot use the bridge to reach other IPC channels. The raw IPC event
 * object never reaches the page.
 */
export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on'>): TroveBridge {
  const listeners = new Map<string, Set<{ fn: Listener }>>()
  ipc.on(IPC_EVENT, (_event, name: unknown, payload: unknown) => {
    if (typeof name !== 'string') return
    for (const entry of [...(listeners.get(name) ?? [])]) {
      try {
        entry.fn(payload)
      } catch (error) {
        // One failing subscriber must not keep the event from the others.
        console.error(`[trove] a listener for ${name} failed:`, error)
      }
    }
  })
  return {
    invoke(channel: string, input: unknown): Promise<Envelope> {
      if (typeof channel !== 'string' || !isChannelName(channel)) {
        const shown = String(channel).slice(0, 80)
        return Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message: `There is no channel named ${JSON.stringify(shown)}.`, details: { channel: shown } } })
      }
      return ipc.invoke(IPC_INVOKE, channel, input) as Promise<Envelope>
    },
    subscribe(event: string, listener: Listener): () => void {
      if (typeof event !== 'string' || !Object.prototype.hasOwnProperty.call(events, event)) {
        throw new TypeError(`There is no event named ${JSON.stringify(String(event).slice(0, 80))}.`)
      }
      if (typeof listener !== 'function') throw new TypeError('subscribe needs a listener function.')
      const entry = { fn: listener }
      const set = listeners.get(event) ?? new Set()
      set.add(entry)
      listeners.set(event, set)
      return () => {
        set.delete(entry)
      }
    },
  }
}

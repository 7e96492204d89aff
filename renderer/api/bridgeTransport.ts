import type { TroveBridge } from '../../shared/bridge.js'
import type { Transport } from './transport.js'

declare global {
  interface Window {
    /** Put there by the desktop shell's preload; absent in a browser. */
    trove?: TroveBridge
  }
}

export function bridgeTransport(bridge: TroveBridge): Transport {
  return {
    electron: true,
    invoke: (channel, input) => bridge.invoke(channel, input),
    subscribe: (event, listener) => bridge.subscribe(event, listener),
  }
}

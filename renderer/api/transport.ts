import type { Envelope } from '../../shared/bridge.js'

/** How the api client reaches main: the Electron bridge, HTTP, or a test's handler map. */
export interface Transport {
  /** File URLs differ: a custom protocol in Electron, same-origin paths in a browser. */
  readonly electron: boolean
  invoke(channel: string, input: unknown): Promise<Envelope>
  /** Returns an unsubscribe function. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void
}

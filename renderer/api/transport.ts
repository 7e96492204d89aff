import type { Envelope } from '../../shared/bridge.js'

/** How the api client reaches main: the Electron bridge, HTTP, or a test's handler map. */
export interface Transport {
  /** File URLs differ: a custom protocol in Electron, same-origin paths in a browser. */
  readonly electron: boolean
  invoke(channel: string, input: unknown): Promise<Envelope>
  /** Returns an unsubscribe function. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void
  /**
   * Ends this browser's session on the server (its cookie is worth nothing afterwards); true
   * when it did. Only HTTP has it: the desktop menu signs a window out.
   */
  signOut?(): Promise<boolean>
}

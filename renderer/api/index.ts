import { ApiClient } from './client.js'
import { bridgeTransport } from './bridgeTransport.js'
import { httpTransport } from './httpTransport.js'

export { ApiClient, type FileKind } from './client.js'
export type { Transport } from './transport.js'

/** The Electron bridge when the preload put one there, HTTP otherwise: the rest of the renderer cannot tell. */
export const api = new ApiClient(typeof window !== 'undefined' && window.trove ? bridgeTransport(window.trove) : httpTransport())

/**
 * Runs in the sandboxed renderer before the page (bundled as CommonJS: a sandboxed preload
 * cannot load modules). It gives the page `window.trove` and nothing more.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './preloadBridge.js'

const bridge = createBridge(ipcRenderer)
// Plain functions only: contextBridge copies the object, so the page cannot reach ipcRenderer.
contextBridge.exposeInMainWorld('trove', {
  invoke: (channel: string, input: unknown) => bridge.invoke(channel, input),
  subscribe: (event: string, listener: (payload: unknown) => void) => bridge.subscribe(event, listener),
})

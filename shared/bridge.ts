/**
 * How the renderer reaches main. In Electron the preload puts a `TroveBridge` on
 * `window.trove`; in browser mode the api client speaks HTTP to the same dispatcher.
 */
import type { ErrorShape } from './errors.js'

/** Results cross as data, so an error keeps its code and details on every transport (docs/architecture.md). */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ErrorShape }

export interface TroveBridge {
  invoke(channel: string, input: unknown): Promise<Envelope>
  /** Returns an unsubscribe function. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void
}

/** The Electron protocol for file bytes and thumbnails; browser mode serves the same paths over HTTP. */
export const FILE_SCHEME = 'trove'

/** `trove://file/<id>?v=<n>` in Electron, `/file/<id>?v=<n>` in a browser. */
export function fileUrl(kind: 'file' | 'thumb' | 'preview', fileId: string, options: { version?: number; electron: boolean }): string {
  const query = options.version === undefined ? '' : `?v=${options.version}`
  return options.electron ? `${FILE_SCHEME}://${kind}/${encodeURIComponent(fileId)}${query}` : `/${kind}/${encodeURIComponent(fileId)}${query}`
}

/** Page `page` (from 1) of a PDF: `trove://page/<id>?p=<page>&v=<n>`, `/page/<id>?p=<page>&v=<n>` in a browser. */
export function pageUrl(fileId: string, page: number, options: { version?: number; electron: boolean }): string {
  const query = `?p=${page}${options.version === undefined ? '' : `&v=${options.version}`}`
  return options.electron ? `${FILE_SCHEME}://page/${encodeURIComponent(fileId)}${query}` : `/page/${encodeURIComponent(fileId)}${query}`
}

/** Electron IPC channel names: one for calls, one for events. */
export const IPC_INVOKE = 'trove:invoke'
export const IPC_EVENT = 'trove:event'

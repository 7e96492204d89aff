import { api, type FileKind } from '../api/client.js'

/**
 * What components need of the shell under the store, without holding the api client
 * (docs/architecture.md): where a file's bytes are served, and what the desktop shell offers.
 */
export const fileUrl = (kind: FileKind, fileId: string, version?: number): string => api.fileUrl(kind, fileId, version)
/** Page `page` (from 1) of a PDF, as a picture. */
export const pageUrl = (fileId: string, page: number, version?: number): string => api.pageUrl(fileId, page, version)
/** The desktop app (native pickers, paths on this machine), not a browser. */
export const isDesktop = (): boolean => api.desktop
export const canSignOut = (): boolean => api.canSignOut
/** Ends the browser's session on the server; true when the page should reload. */
export const signOut = (): Promise<boolean> => api.signOut()

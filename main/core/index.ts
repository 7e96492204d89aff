/** The headless entry point (docs/architecture.md): no Electron here, usable by the app, tests and scripts. */
export { openLibrary, Library, Caller, SYSTEM_ID, type OpenOptions } from './library.js'
export { Session, type Core } from './context.js'
export { listBackups, restoreBackup } from './store/backups.js'
export { openContent, type OpenedContent } from './files/contentAccess.js'
export { openRendition } from './files/renditionAccess.js'

/** Browser mode: the dispatcher on loopback HTTP (docs/architecture.md). */
export { startServer, RENDERER_OUT_DIR, type RunningServer, type ServerOptions } from './server.js'
export { defaultLibraryDir, chooseLibraryDir } from './defaultLibraryDir.js'

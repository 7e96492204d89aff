/** Browser mode: the dispatcher on loopback HTTP (SPEC section 1). */
export { startServer, RENDERER_OUT_DIR, type RunningServer, type ServerOptions } from './server.js'
export { defaultLibraryDir, chooseLibraryDir } from './defaultLibraryDir.js'

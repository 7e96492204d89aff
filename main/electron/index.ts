/**
 * The desktop app's main process. Everything that imports 'electron' lives in this folder;
 * the library itself is the same core that browser mode and scripts use.
 */
import { fileURLToPath } from 'node:url'
import { app, dialog } from 'electron'
import { DesktopApp } from './desktopApp.js'
import { libraryDirFromArgs, requestedLibraryDir, startupLibraryDir } from './libraryDir.js'
import { registerTroveScheme } from './protocol.js'

// Privileges for trove: can only be granted before the app is ready.
registerTroveScheme()

const requested = requestedLibraryDir(process.argv, process.env, process.cwd())

// One process per machine user: a second launch hands its library to this one and exits, so
// two processes never fight over one library's lock.
if (!app.requestSingleInstanceLock({ libraryDir: requested ?? null })) {
  app.quit()
} else {
  const shell = new DesktopApp({
    renderer: fileURLToPath(new URL('../renderer', import.meta.url)),
    preload: fileURLToPath(new URL('../preload/preload.cjs', import.meta.url)),
  })

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const sent = (additionalData as { libraryDir?: unknown } | null)?.libraryDir
    const dir = typeof sent === 'string' ? sent : libraryDirFromArgs(argv, workingDirectory)
    if (dir) void shell.openLibraryAt(dir)
    else shell.focusAny()
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  // Closing a library writes its snapshot and releases its lock (docs/store.md): quitting waits for it.
  let quitting = false
  app.on('before-quit', (event) => {
    if (!shell.busy) return
    event.preventDefault()
    if (quitting) return
    quitting = true
    void shell.closeAll().finally(() => app.quit())
  })

  const startDir = () => startupLibraryDir(process.argv, process.env, process.cwd(), app.getPath('userData'))

  app.on('activate', () => {
    if (!shell.busy) void shell.openLibraryAt(startDir())
  })

  app
    .whenReady()
    .then(async () => {
      shell.start()
      const opened = await shell.openLibraryAt(startDir())
      if (!opened && !shell.busy) app.quit()
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Trove', `Trove could not start.\n\n${error instanceof Error ? error.message : String(error)}`)
      app.exit(1)
    })
}

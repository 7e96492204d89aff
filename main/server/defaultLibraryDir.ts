import os from 'node:os'
import path from 'node:path'

/**
 * Where the library lives when neither `--library` nor `DAM_LIBRARY` says (docs/store.md:
 * the app's user-data folder). This is the folder Electron's `app.getPath('userData')`
 * gives for an app named Trove, so the desktop app and browser mode open the same library.
 */
export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  return path.join(appDataDir(env, platform, home), 'Trove', 'library')
}

function appDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') return env.APPDATA || path.join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME || path.join(home, '.config')
}

/** `--library DIR` wins over `DAM_LIBRARY`, which wins over the default (docs/store.md). */
export function chooseLibraryDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag)
  if (env.DAM_LIBRARY) return path.resolve(env.DAM_LIBRARY)
  return defaultLibraryDir(env)
}

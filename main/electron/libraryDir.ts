import path from 'node:path'

/** `--library DIR` or `--library=DIR` anywhere on the command line, resolved against `cwd`. */
export function libraryDirFromArgs(argv: readonly string[], cwd: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--library' && argv[i + 1] && !argv[i + 1].startsWith('--')) return path.resolve(cwd, argv[i + 1])
    if (arg.startsWith('--library=') && arg.length > '--library='.length) return path.resolve(cwd, arg.slice('--library='.length))
  }
  return undefined
}

/**
 * The library a launch asked for explicitly (docs/store.md): the flag wins over
 * `DAM_LIBRARY`. Undefined when neither is given.
 */
export function requestedLibraryDir(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  return libraryDirFromArgs(argv, cwd) ?? (env.DAM_LIBRARY ? path.resolve(cwd, env.DAM_LIBRARY) : undefined)
}

/** The library to open at start: the one asked for, else `library` in the app's user-data folder. */
export function startupLibraryDir(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string, userDataDir: string): string {
  return requestedLibraryDir(argv, env, cwd) ?? path.join(userDataDir, 'library')
}

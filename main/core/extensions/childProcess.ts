import { fork } from 'node:child_process'

/** A child process running one of the core's `*.child.mjs` scripts, however it was started. */
export interface ChildHandle {
  /** Messages the script sends (`process.send`, or `process.parentPort.postMessage` in Electron). */
  onMessage(listener: (message: unknown) => void): void
  onExit(listener: (code: number | null) => void): void
  /** Its standard error, for the reason it failed. */
  readonly stderr: NodeJS.ReadableStream | null
  kill(): void
}

/** Starts `script` with `args` (the script reads them from the end of its argv). */
export type LaunchChild = (script: string, args: string[]) => ChildHandle

/**
 * Node's fork, for scripts, tests and browser mode. Under an Electron binary that still honours
 * ELECTRON_RUN_AS_NODE (a development build) it runs the script as Node too; the packaged app
 * turns that fuse off and starts children with Electron's utilityProcess instead
 * (main/electron/utilityChild.ts).
 */
export const forkChild: LaunchChild = (script, args) => {
  const child = fork(script, args, {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    // Not the parent's flags: a test runner's or bundler's loaders have no business in the child.
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  return {
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code)),
    stderr: child.stderr,
    kill: () => void child.kill('SIGKILL'),
  }
}

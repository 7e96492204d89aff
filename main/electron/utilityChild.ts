import { utilityProcess } from 'electron'
import type { LaunchChild } from '../core/extensions/childProcess.js'

/**
 * Child scripts started as Electron utility processes. The packaged app's RunAsNode fuse is
 * off (electron-builder.yml), so its binary ignores ELECTRON_RUN_AS_NODE and a fork would
 * start a second copy of the app instead of running the script.
 */
export const utilityChild: LaunchChild = (script, args) => {
  const child = utilityProcess.fork(script, args, { stdio: ['ignore', 'ignore', 'pipe'], serviceName: 'Trove worker' })
  return {
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code)),
    stderr: child.stderr,
    kill: () => void child.kill(),
  }
}

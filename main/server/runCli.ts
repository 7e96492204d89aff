/** What the two command lines (`npm run web`, `npm run serve`) share: running until stopped, and the exit code. */

/** Resolves on Ctrl+C or a termination signal, so the caller can close what it serves. */
export function untilStopped(): Promise<void> {
  console.log('Press Ctrl+C to stop.')
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
}

/** Runs a command line's main and exits with its code; anything it throws is printed and exits 1. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}

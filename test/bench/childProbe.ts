/**
 * Ends a forked probe: its result goes to the parent over IPC and the child exits 0; a
 * failure is printed and exits 1. Shared by the probes the scale and open benches fork.
 */
export function reportToParent(work: Promise<unknown>): void {
  work.then(
    (result) => {
      process.send!(result)
      process.disconnect()
      process.exit(0)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}

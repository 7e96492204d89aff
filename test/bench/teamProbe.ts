/**
 * Run in a fresh process by teamFigures.ts. `load-files DIR` and `load-pg URL DIR` time the open
 * of one library from its files or from PostgreSQL, from an empty heap as the app starts;
 * `follow URL` follows a team library and reports when each change is in its memory, for the
 * follower lag between two processes.
 */
import { openLibrary } from '../../main/core/library.js'
import { openPgRecordLog } from '../../main/core/store/pgRecordLog.js'
import { Store } from '../../main/core/store/store.js'
import { gc, now, wallMs } from './measure.js'

export type TeamProbeMessage = { seconds: number; records: number } | { ready: true } | { seq: number; at: number }

const send = (message: TeamProbeMessage) => process.send!(message)
const [mode, ...args] = process.argv.slice(2)

async function main(): Promise<void> {
  if (mode === 'follow') {
    const store = await Store.openLog(await openPgRecordLog({ url: args[0] }))
    store.onCommit((change) => send({ seq: change.seq, at: wallMs() }))
    send({ ready: true })
    process.on('disconnect', () => void store.close().then(() => process.exit(0)))
    return
  }
  gc()
  const start = now()
  const library = mode === 'load-pg' ? await openLibrary(args[1], { recordLog: await openPgRecordLog({ url: args[0], migrate: false }) }) : await openLibrary(args[0])
  const seconds = (now() - start) / 1000
  let records = 0
  for (const table of Object.values(library.core.store.tables)) records += table.size
  send({ seconds, records })
  // Not closed: closing would fold the file engine's journal, and the next open would replay nothing.
  process.disconnect()
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

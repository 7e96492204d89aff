/**
 * `npm run library -- export-to-server --from DIR --database URL --blobs DIR`: copies a local
 * library into an empty team library (docs/team.md). Run it again after an interruption: it
 * goes on from where it stopped, and checks every record and blob at the end.
 */
import { parseArgs } from 'node:util'
import { isErrorShape } from '../../shared/errors.js'
import { exportToServer } from './exportToServer.js'

const USAGE = `Usage: npm run library -- export-to-server --from DIR --database URL --blobs DIR|s3://bucket

  --from DIR       the local library folder (locked while the export runs)
  --database URL   the PostgreSQL database of the team library (empty, or an export cut short)
  --blobs DIR      the team library's blob store: a folder (contents go to DIR/sha256/ab/cdef...)
                   or s3://bucket[/prefix] (endpoint and credentials from the AWS_* environment)`

async function main(): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { from: { type: 'string' }, database: { type: 'string' }, blobs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    })
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  if (positionals[0] !== 'export-to-server' || positionals.length !== 1 || !values.from || !values.database || !values.blobs) {
    console.error(USAGE)
    return 2
  }
  try {
    const result = await exportToServer({ from: values.from, database: values.database, blobs: values.blobs, log: (line) => console.log(line) })
    console.log(`Exported library ${result.libraryId} at change ${result.seq}${result.resumed ? ' (resumed)' : ''}: ${result.records} records, ${result.blobs} blobs.`)
    return 0
  } catch (error) {
    console.error(isErrorShape(error) ? error.message : error)
    return 1
  }
}

process.exitCode = await main()

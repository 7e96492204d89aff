/**
 * `npm run web [-- --library DIR] [-- --port N]`: builds the renderer when needed, opens the
 * library and serves the app on loopback, printing the link that signs a browser in.
 */
import { parseArgs } from 'node:util'
import { isErrorShape } from '../../shared/errors.js'
import { runCli, untilStopped } from './runCli.js'
import { chooseLibraryDir } from './defaultLibraryDir.js'
import { ensureRendererBuilt } from './buildRenderer.js'
import { startServer } from './server.js'

const USAGE = `Usage: npm run web -- [--library DIR] [--port N] [--rebuild]

  --library DIR  the library folder (default: $DAM_LIBRARY, else Trove/library in your app-data folder)
  --port N       the port on 127.0.0.1 (default: a free one)
  --rebuild      build the renderer even if it looks up to date`

async function main(): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      options: { library: { type: 'string' }, port: { type: 'string' }, rebuild: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }))
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, not ${values.port}.`)
    return 2
  }
  const libraryDir = chooseLibraryDir(values.library)
  const { built } = await ensureRendererBuilt({ force: values.rebuild })
  if (built) console.log('Built the renderer into out/renderer.')
  let server
  try {
    server = await startServer({ libraryDir, port })
  } catch (error) {
    // Library errors (locked, corrupt, too new) carry a message meant for the person running this.
    console.error(isErrorShape(error) ? error.message : error)
    return 1
  }
  console.log(`Trove library: ${libraryDir}`)
  console.log(`Open this link in your browser (it signs the browser in; keep it private):\n\n  ${server.url}\n`)
  await untilStopped()
  // Closing writes a fresh snapshot and releases the lock (docs/store.md).
  await server.close()
  return 0
}

runCli(main)

/**
 * `npm run serve -- --database URL --blobs DIR|s3://bucket ...`: a team server (docs/team.md).
 * Every flag is checked before anything is opened; then the renderer is built when needed,
 * the library opened (an empty database gets its schema and first admin) and served.
 */
import { isErrorShape } from '../../shared/errors.js'
import { runCli, untilStopped } from './runCli.js'
import { ensureRendererBuilt } from './buildRenderer.js'
import { SERVE_USAGE, UsageError, parseServeArgs, type ServeConfig } from './serveOptions.js'
import { startTeamServer } from './teamServer.js'

async function main(): Promise<number> {
  let config: ServeConfig | 'help'
  try {
    config = parseServeArgs(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`${error.message}\n\n${SERVE_USAGE}`)
    return 2
  }
  if (config === 'help') {
    console.log(SERVE_USAGE)
    return 0
  }
  const { built } = await ensureRendererBuilt({ force: config.rebuild })
  if (built) console.log('Built the renderer into out/renderer.')
  let server
  try {
    server = await startTeamServer(config)
  } catch (error) {
    // Database, blob store and library errors carry a message meant for the person running this.
    console.error(isErrorShape(error) ? error.message : error)
    return 1
  }
  console.log(`Trove team library on ${config.host}:${server.port}; browsers use ${server.url}`)
  await untilStopped()
  await server.close()
  return 0
}

runCli(main)

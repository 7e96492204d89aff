import fs from 'node:fs'
import { openLibrary } from '../core/index.js'
import { openBlobStore } from '../core/blobs/openBlobStore.js'
import { openPgRecordLog } from '../core/store/pgRecordLog.js'
import type { ServeConfig } from './serveOptions.js'
import { startServer, type RunningServer } from './server.js'

/**
 * How long an unreferenced blob's lease keeps it (docs/team.md): far longer than it takes a
 * change to reach every server, and than any clock skew between them.
 */
export const BLOB_GRACE_MS = 60 * 60_000

/**
 * A team server (docs/team.md): the library's records in PostgreSQL, its contents in a shared
 * folder or a bucket, this machine's caches in `cacheDir`, and the same routes as browser
 * mode behind sign-in. Several may run against one database and one blob store.
 */
export async function startTeamServer(config: ServeConfig, extra: { rendererDir?: string; clock?: () => number } = {}): Promise<RunningServer> {
  fs.mkdirSync(config.cacheDir, { recursive: true })
  const recordLog = await openPgRecordLog({ url: config.databaseUrl })
  let blobs
  try {
    blobs = openBlobStore(config.blobs, { graceMs: BLOB_GRACE_MS, cacheDir: config.cacheDir })
  } catch (error) {
    await recordLog.close().catch(() => undefined)
    throw error
  }
  let library
  try {
    library = await openLibrary(config.cacheDir, {
      recordLog,
      blobs,
      passwordsRequired: true,
      admin: config.admin && { email: config.admin.email, password: config.admin.password },
    })
  } catch (error) {
    // Closing what a failed open may already have closed is harmless.
    await blobs.close().catch(() => undefined)
    await recordLog.close().catch(() => undefined)
    throw error
  }
  try {
    const server = await startServer({
      library,
      host: config.host,
      port: config.port,
      tls: config.tls,
      publicUrl: config.publicUrl,
      team: { idleMs: config.idleMs },
      rendererDir: extra.rendererDir,
      clock: extra.clock,
    })
    return {
      ...server,
      async close() {
        await server.close()
        await library.close()
      },
    }
  } catch (error) {
    await library.close().catch(() => undefined)
    throw error
  }
}

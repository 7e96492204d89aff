import type { TestProject } from 'vitest/node'
import { startPostgres } from './postgres.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The `postgres` database of the run's private server: where test databases are created from. */
    postgresAdminUrl: string
  }
}

/** One private PostgreSQL server for the run of the suites on the PostgreSQL engine; each library gets a fresh database. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres()
  project.provide('postgresAdminUrl', server.url('postgres'))
  return () => server.stop()
}

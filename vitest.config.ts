import { defineConfig } from 'vitest/config'
import { postgresMissing } from './test/support/postgres.js'
import { WAIT_TIMEOUT } from './test/support/waitTimeout.js'

/** Tests whose results must not depend on the machine's time zone run again under these. */
const ZONE_SENSITIVE = ['test/unit/media/embedded.test.ts', 'test/unit/media/embeddedFormats.test.ts']
const OTHER_ZONES = ['America/New_York', 'Asia/Tokyo']
/** Suites that run again with each library in PostgreSQL (a team library, docs/team.md): the same cases on both engines. */
const BOTH_ENGINES = ['test/unit/permissions/**/*.test.ts', 'test/unit/input/**/*.test.ts']
const noPostgres = postgresMissing()
if (noPostgres) console.warn(`[trove] Skipping the PostgreSQL runs of ${BOTH_ENGINES.join(', ')}: ${noPostgres}.`)

export default defineConfig({
  test: {
    exclude: ['test/bench/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    expect: { poll: { timeout: WAIT_TIMEOUT } },
    setupFiles: ['test/support/waitsSetup.ts'],
    // Two cores here: more workers only fight over them.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'all', include: ['test/**/*.test.{ts,tsx}'] } },
      ...(noPostgres
        ? []
        : [{ extends: true as const, test: { name: 'postgres', include: BOTH_ENGINES, env: { TROVE_TEST_ENGINE: 'postgres' }, globalSetup: ['test/support/postgresGlobalSetup.ts'] } }]),
      ...OTHER_ZONES.map((zone) => ({ extends: true as const, test: { name: `TZ=${zone}`, include: ZONE_SENSITIVE, env: { TZ: zone } } })),
    ],
  },
})

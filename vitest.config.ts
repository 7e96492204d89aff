import { defineConfig } from 'vitest/config'

/** Tests whose results must not depend on the machine's time zone run again under these. */
const ZONE_SENSITIVE = ['test/unit/media/embedded.test.ts', 'test/unit/media/embeddedFormats.test.ts']
const OTHER_ZONES = ['America/New_York', 'Asia/Tokyo']

export default defineConfig({
  test: {
    exclude: ['test/bench/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores here: more workers only fight over them.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'all', include: ['test/**/*.test.{ts,tsx}'] } },
      ...OTHER_ZONES.map((zone) => ({ extends: true as const, test: { name: `TZ=${zone}`, include: ZONE_SENSITIVE, env: { TZ: zone } } })),
    ],
  },
})

import { WAIT_TIMEOUT } from './waitTimeout.js'

// Testing Library's waits end as expect.poll's do (vitest.config.ts); only tests with a DOM use them.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom')
  configure({ asyncUtilTimeout: WAIT_TIMEOUT })
}

import { test } from 'vitest'
import { launchBrowser, startApp } from './app.js'

export * from './app.js'

/**
 * The end-to-end test: `browser` is launched once per file, on the first test that needs it;
 * `app` is a fresh library served in-process with a new page on it, closed after the test.
 * The first test of a file also pays for the launch (and for building the renderer when its
 * sources changed), so the files give their tests E2E_TIMEOUT.
 */
export const e2e = test
  // eslint-disable-next-line no-empty-pattern -- vitest reads what a fixture needs from this pattern; the browser needs nothing.
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }) => {
    const browser = await launchBrowser()
    onCleanup(() => browser.close())
    return browser
  })
  .extend('app', async ({ browser }, { onCleanup }) => {
    const app = await startApp(browser.context)
    onCleanup(() => app.close())
    return app
  })

export const E2E_TIMEOUT = 120_000

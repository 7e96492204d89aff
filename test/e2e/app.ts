/**
 * A browser and a served app for driving Trove end to end, with no test runner in it: the
 * benchmarks use it too. fixtures.ts wraps it for vitest.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { startServer, type RunningServer } from '../../main/server/index.js'
import { ensureRendererBuilt } from '../../main/server/buildRenderer.js'
import type { Caller, Library } from '../../main/core/index.js'
import { ADMIN } from '../support/tempLibrary.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOT_DIR = path.resolve('test-output', 'e2e')

export interface Browser {
  context: BrowserContext
  close(): Promise<void>
}

/** One browser per test file (launching is the slow part); each test gets its own page and library. */
export async function launchBrowser(): Promise<Browser> {
  await ensureRendererBuilt()
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    context,
    async close() {
      await context.close()
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

export interface App {
  server: RunningServer
  library: Library
  /** Ada, the first admin, acting through the core directly (for setting up what the UI then shows). */
  admin: Caller
  page: Page
  /** Console errors and uncaught exceptions in the page: a clean run has none. */
  pageErrors: string[]
  close(): Promise<void>
}

/**
 * Ada's password. A library with other people in it needs its admin to have one (docs/accounts.md):
 * the browser signs in with it, and whoever switches back to Ada gives it.
 */
export const ADMIN_PASSWORD = 'ada keeps this one'

/** A fresh library folder (Ada is its first admin, with a password) served in-process, and a new page on it. */
export async function startApp(context: BrowserContext): Promise<App> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-e2e-'))
  const server = await startServer({ libraryDir: dir, port: 0, openOptions: { admin: { ...ADMIN, password: ADMIN_PASSWORD } } })
  await context.clearCookies()
  const page = await context.newPage()
  // Shorter than the test's own timeout, so a stuck step fails with the locator it waited for.
  page.setDefaultTimeout(10_000)
  const pageErrors: string[] = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const url = m.location().url ?? ''
    // A rendition's 404 is a designed answer, not a fault: the file has no thumbnail (the tile
    // shows an icon), or the request was answered after a user switch for someone who may not
    // see it. Every other console error fails the test.
    if (/\/(thumb|preview)\//.test(url) && m.text().includes('404')) return
    // Before Ada signs in, the page asks who acts and is told nobody yet: the sign-in screen follows.
    if (/\/api\/session\.current$/.test(url) && m.text().includes('401')) return
    pageErrors.push(url ? `${m.text()} (${url})` : m.text())
  })
  return {
    server,
    library: server.library,
    admin: server.library.as(ADMIN.email),
    page,
    pageErrors,
    async close() {
      await page.close().catch(() => undefined)
      await server.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Saved under test-output/ (ignored by git) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file })
  return file
}

import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import type { AssetRecord, FileRecord } from '../../shared/domain.js'
import { startServer } from '../../main/server/index.js'
import { ADMIN } from '../support/tempLibrary.js'
import { ADMIN_PASSWORD, launchBrowser } from '../e2e/app.js'
import { LibraryPage } from '../e2e/pages/LibraryPage.js'
import type { Report } from './report.js'

const FILES = 100_000
/** Distinct pictures behind the files: thumbnails are made per picture, as a real library shares few. */
const PICTURES = 48
const SCROLL_MS = 6_000
/** Pixels per frame: a brisk flick through the grid, some 20 rows a second. */
const SPEED = 40

/**
 * `npm run bench -- ui`: a folder of 100,000 image files served in browser mode, opened in
 * Chromium (the e2e fixtures' flags), and the grid scrolled frame by frame for a few seconds.
 * Frame times come from requestAnimationFrame in the page; the median and the 95th
 * percentile are held to 16.7 ms (60 fps) and 33 ms (30 fps). The list view is measured the
 * same way for comparison.
 */
export async function uiFigures(report: Report, dir: string): Promise<void> {
  report.heading('UI: scrolling a folder of 100,000 files in Chromium')
  const server = await startServer({ libraryDir: dir, port: 0, openOptions: { admin: { ...ADMIN, password: ADMIN_PASSWORD } } })
  const browser = await launchBrowser()
  try {
    const admin = server.library.as(ADMIN.email)
    const [home] = await admin.call('assets.roots')
    const big = await admin.call('folders.create', { parentId: home.id, name: 'Everything' })
    const pictures: FileRecord[] = []
    for (let i = 0; i < PICTURES; i++) {
      const png = await sharp({ create: { width: 640, height: 360 + (i % 5) * 60, channels: 3, background: { r: (i * 53) % 256, g: (i * 97) % 256, b: (i * 31) % 256 } } }).png().toBuffer()
      const view = await admin.call('files.upload', { folderId: big.id, name: `picture-${i}.png`, base64: png.toString('base64') })
      pictures.push(server.library.core.store.tables.assets.get(view.id) as FileRecord)
    }
    const started = Date.now()
    const BATCH = 10_000
    for (let from = PICTURES; from < FILES; from += BATCH) {
      const assets: AssetRecord[] = []
      for (let i = from; i < Math.min(FILES, from + BATCH); i++) {
        const like = pictures[i % PICTURES]
        assets.push({ ...like, id: randomUUID(), name: `photo-${String(i).padStart(6, '0')}.png`, createdAt: like.createdAt + i, updatedAt: like.updatedAt + i })
      }
      await server.library.core.store.commit({ actor: null, op: 'bench', put: { assets }, del: [] })
    }
    report.note(`library of ${FILES.toLocaleString()} files written in ${((Date.now() - started) / 1000).toFixed(1)} s`)

    const page = await browser.context.newPage()
    const library = new LibraryPage(page)
    await library.open(server.url)
    const origin = new URL(server.url).origin
    const openedAt = Date.now()
    await page.goto(`${origin}/#/folder/${big.id}`)
    const grid = page.getByRole('listbox', { name: 'Contents of Everything' })
    await grid.waitFor({ timeout: 120_000 })
    await grid.getByRole('option').first().waitFor({ timeout: 120_000 })
    report.note(`folder opened in the grid in ${((Date.now() - openedAt) / 1000).toFixed(1)} s`)
    // Thumbnails of the pictures made before measuring: scrolling, not thumbnail making, is measured.
    await page.waitForFunction(() => document.querySelectorAll('img.tile-thumb.is-loaded').length >= 8, undefined, { timeout: 120_000 })

    const gridTimes = await scrollFrames(page, '.grid-scroll')
    record(report, 'grid', gridTimes)
    await page.getByRole('radio', { name: /list/i }).click()
    await page.locator('.list-body').waitFor()
    const listTimes = await scrollFrames(page, '.list-body')
    record(report, 'list', listTimes)
    await page.close()
  } finally {
    await browser.close()
    await server.close()
  }
}

/** Scrolls the element a little each frame and returns the times between frames, in ms. */
async function scrollFrames(page: import('playwright-core').Page, selector: string): Promise<number[]> {
  // Sent as text: the bench runs through a transpiler whose helpers do not exist in the page.
  const script = `new Promise((resolve) => {
    const el = document.querySelector(${JSON.stringify(selector)})
    const times = []
    let last = 0
    let start = 0
    const frame = (now) => {
      if (!start) start = now
      else times.push(now - last)
      last = now
      el.scrollTop += ${SPEED}
      if (now - start < ${SCROLL_MS}) requestAnimationFrame(frame)
      else resolve(times)
    }
    requestAnimationFrame(frame)
  })`
  return (await page.evaluate(script)) as number[]
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0
}

function record(report: Report, view: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b)
  const median = percentile(sorted, 0.5)
  const p95 = percentile(sorted, 0.95)
  // Frames come at multiples of 16.67 ms: a 60 fps frame measured as 16.70 is on target.
  const tenths = (ms: number) => Math.round(ms * 10) / 10
  report.figure(`${view} scroll, median frame`, `${median.toFixed(1)} ms`, '<= 16.7 ms', tenths(median) <= 16.7)
  report.figure(`${view} scroll, 95th percentile frame`, `${p95.toFixed(1)} ms`, '<= 33 ms', tenths(p95) <= 33.4)
  report.note(`${times.length} frames over ${(SCROLL_MS / 1000).toFixed(0)} s; slowest ${sorted[sorted.length - 1]?.toFixed(1)} ms`)
}

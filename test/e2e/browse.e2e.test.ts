import { describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, E2E_TIMEOUT, e2e, screenshot, type App } from './fixtures.js'
import { gradientPng } from './images.js'
import { LibraryPage } from './pages/LibraryPage.js'
import { UserSwitcher } from './pages/UserSwitcher.js'

const png = (from: [number, number, number], to: [number, number, number]) => gradientPng(320, 220, from, to).toString('base64')
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')

/** Brand (Mira may view it) holds two pictures and a PDF; Finance is Ada's alone; Sam is shared nothing. */
async function library(app: App) {
  const { admin } = app
  const [home] = await admin.call('assets.roots')
  const brand = await admin.call('folders.create', { parentId: home.id, name: 'Brand' })
  const finance = await admin.call('folders.create', { parentId: home.id, name: 'Finance' })
  const logo = await admin.call('files.upload', { folderId: brand.id, name: 'a-logo.png', base64: png([40, 120, 220], [20, 200, 160]) })
  const mark = await admin.call('files.upload', { folderId: brand.id, name: 'b-mark.png', base64: png([240, 150, 60], [200, 40, 90]) })
  await admin.call('files.upload', { folderId: brand.id, name: 'c-notes.pdf', base64: pdf })
  const budget = await admin.call('files.upload', { folderId: finance.id, name: 'budget.png', base64: png([10, 10, 10], [90, 90, 90]) })
  await admin.call('tags.add', { ids: [mark.id], tags: ['hero'] })
  const mira = await admin.call('users.create', { name: 'Mira', email: 'mira@example.com', role: 'restricted' })
  await admin.call('users.create', { name: 'Sam', email: 'sam@example.com', role: 'restricted' })
  await admin.call('sharing.set', { resourceId: brand.id, subjectId: mira.id, level: 'view' })
  return { brand, logo, mark, budget }
}

const viewer = (page: Page) => page.getByRole('dialog', { name: /^Viewer/ })

describe('browsing and finding in a browser, end to end', { timeout: E2E_TIMEOUT }, () => {
  e2e('opens a file, pages with the arrows, copies its link, and the link opens for who may view it only', { timeout: 120_000 }, async ({ app, browser }) => {
    const { mark, budget } = await library(app)
    const { page } = app
    const origin = new URL(app.server.url).origin
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
    const lib = new LibraryPage(page)
    await lib.open(app.server.url)
    await lib.openFolder('Brand')
    await page.getByRole('option', { name: 'a-logo.png' }).dblclick()
    await expect.poll(() => viewer(page).getAttribute('aria-label')).toBe('Viewer: a-logo.png')
    await expect.poll(() => viewer(page).getByLabel('Position').textContent()).toBe('1 of 3')
    await viewer(page).getByRole('img', { name: 'a-logo.png' }).waitFor()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => viewer(page).getAttribute('aria-label')).toBe('Viewer: b-mark.png')
    await expect.poll(() => viewer(page).getByLabel('Position').textContent()).toBe('2 of 3')
    await page.keyboard.press('1')
    await expect.poll(() => viewer(page).getByLabel('Zoom level').textContent()).toBe('100%')
    await screenshot(page, 'browse-viewer')
    // The address names the file over its folder; Back closes the viewer.
    expect(page.url()).toContain(`file=${mark.id}`)
    await viewer(page).getByRole('button', { name: 'Copy link' }).click()
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toBe(`${origin}/#/asset/${mark.id}`)
    // Tab goes round the viewer's own controls and never reaches the page beneath.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => !!document.activeElement?.closest('.viewer'))).toBe(true)
    }
    await page.keyboard.press('Escape')
    await viewer(page).waitFor({ state: 'detached' })
    await page.getByRole('listbox', { name: 'Contents of Brand' }).waitFor()
    // The keyboard is back in the folder it was opened from.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="listbox"]')?.getAttribute('aria-label'))).toBe('Contents of Brand')

    // The switcher panel holds focus as the dialogs do, and Escape gives it back to its button.
    const switcher = new UserSwitcher(page)
    await switcher.openPanel()
    await switcher.panel.getByRole('button', { name: 'Switch to Mira' }).waitFor()
    await screenshot(page, 'browse-switcher')
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true)
    }
    await page.keyboard.press('Escape')
    await switcher.panel.waitFor({ state: 'detached' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Acting as Ada/)

    // Mira may view Brand: the link opens the file over the folder.
    await switcher.switchTo('Mira')
    const second = await browser.context.newPage()
    await second.goto(link)
    await expect.poll(() => viewer(second).getAttribute('aria-label')).toBe('Viewer: b-mark.png')
    // The folder is open beneath, hidden from assistive technology while the viewer is over it.
    await second.getByRole('listbox', { name: 'Contents of Brand', includeHidden: true }).waitFor({ state: 'attached' })
    // A file she may not view answers exactly as one that does not exist.
    const answer = async (url: string) => {
      await second.goto('about:blank')
      await second.goto(url)
      await second.getByRole('heading', { name: 'Not found or not shared with you' }).waitFor()
      return second.getByRole('main', { name: 'Contents' }).innerHTML()
    }
    const hidden = await answer(`${origin}/#/asset/${budget.id}`)
    const missing = await answer(`${origin}/#/asset/00000000-0000-4000-8000-000000000000`)
    expect(hidden).toBe(missing)
    expect(hidden).not.toContain('budget')

    // Sam is shared nothing: the same link is not found for him.
    await second.close()
    // Back to Ada (her password: she is an admin), who may switch to anyone.
    await new UserSwitcher(page).switchTo('Ada', ADMIN_PASSWORD)
    await new UserSwitcher(page).switchTo('Sam')
    const third = await browser.context.newPage()
    await third.goto(link)
    await third.getByRole('heading', { name: 'Not found or not shared with you' }).waitFor()
    expect(await third.getByRole('main', { name: 'Contents' }).innerHTML()).toBe(missing)
    await third.close()
    expect(app.pageErrors).toEqual([])
  })

  e2e('searches with filters, keeps them in the address, and reload shows the same results', { timeout: 120_000 }, async ({ app }) => {
    await library(app)
    const { page } = app
    const lib = new LibraryPage(page)
    await lib.open(app.server.url)
    await page.keyboard.press('/')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search the library')
    await lib.search('.png')
    const results = page.getByRole('listbox', { name: 'Search results for .png' })
    await expect.poll(() => results.getByRole('option').count()).toBe(3)
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'matches' }).textContent()).toBe('3 matches')
    await page.getByRole('textbox', { name: 'Tags' }).fill('hero')
    await page.getByRole('textbox', { name: 'Tags' }).press('Enter')
    await expect.poll(() => results.getByRole('option').count()).toBe(1)
    await results.getByRole('option', { name: 'b-mark.png' }).waitFor()
    // Each hit says which folder it is in.
    await results.getByText('In /Brand').waitFor()
    expect(page.url()).toContain('tag=hero')
    await page.getByRole('textbox', { name: 'Tags' }).fill('')
    await page.getByRole('textbox', { name: 'Tags' }).press('Enter')
    await page.getByRole('combobox', { name: 'Type' }).selectOption('document')
    await lib.search('notes')
    await results.first().waitFor({ state: 'detached' }).catch(() => undefined)
    const docResults = page.getByRole('listbox', { name: 'Search results for notes' })
    await docResults.getByRole('option', { name: 'c-notes.pdf' }).waitFor()
    expect(page.url()).toContain('type=document')
    await screenshot(page, 'browse-search-filters')
    await page.reload()
    await page.getByRole('heading', { name: 'Results for “notes”' }).waitFor()
    await docResults.getByRole('option', { name: 'c-notes.pdf' }).waitFor()
    expect(await page.getByRole('combobox', { name: 'Type' }).inputValue()).toBe('document')
    await page.goBack()
    await page.getByRole('heading', { name: 'Results for “.png”' }).waitFor()
    expect(app.pageErrors).toEqual([])
  })
})

import { describe, expect } from 'vitest'
import { ADMIN_PASSWORD, E2E_TIMEOUT, e2e, screenshot, type App } from './fixtures.js'
import { gradientPng } from './images.js'
import { AdminPage } from './pages/AdminPage.js'
import { LibraryPage } from './pages/LibraryPage.js'
import { UserSwitcher } from './pages/UserSwitcher.js'

const png = (from: [number, number, number], to: [number, number, number]) => gradientPng(160, 120, from, to).toString('base64')

/** Brand (Mira may view it) holds two pictures; Finance is Ada's alone; Sam is shared nothing. */
async function library(app: App) {
  const { admin } = app
  const [home] = await admin.call('assets.roots')
  const brand = await admin.call('folders.create', { parentId: home.id, name: 'Brand' })
  const finance = await admin.call('folders.create', { parentId: home.id, name: 'Finance' })
  await admin.call('files.upload', { folderId: brand.id, name: 'a-logo.png', base64: png([40, 120, 220], [20, 200, 160]) })
  await admin.call('files.upload', { folderId: brand.id, name: 'b-mark.png', base64: png([240, 150, 60], [200, 40, 90]) })
  await admin.call('files.upload', { folderId: finance.id, name: 'budget.png', base64: png([10, 10, 10], [90, 90, 90]) })
  const mira = await admin.call('users.create', { name: 'Mira', email: 'mira@example.com', role: 'restricted' })
  await admin.call('users.create', { name: 'Sam', email: 'sam@example.com', role: 'restricted' })
  await admin.call('sharing.set', { resourceId: brand.id, subjectId: mira.id, level: 'view' })
  return { brand }
}

describe('smart collections in a browser, end to end', { timeout: E2E_TIMEOUT }, () => {
  e2e('a saved search is shared, shows each user what they can view, and takes in new files by itself', { timeout: 120_000 }, async ({ app, browser }) => {
    const { brand } = await library(app)
    const { page } = app
    const lib = new LibraryPage(page)
    await lib.open(app.server.url)
    await lib.search('.png')
    await page.getByRole('button', { name: 'Save search' }).click()
    const save = page.getByRole('dialog', { name: 'Save search as smart collection' })
    await save.getByRole('textbox', { name: 'Name' }).fill('Pictures')
    await save.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('heading', { name: 'Pictures' }).waitFor()
    const contents = page.getByRole('listbox', { name: 'Contents of Pictures' })
    await expect.poll(() => contents.getByRole('option').count()).toBe(3)
    expect(page.url()).toMatch(/#\/smart\/[A-Za-z0-9_-]+$/)
    const link = page.url()

    const sidebar = page.getByRole('region', { name: 'Smart collections' })
    await sidebar.getByRole('button', { name: 'Actions for Pictures' }).click()
    await page.getByRole('menuitem', { name: 'Share' }).click()
    const share = page.getByRole('dialog', { name: 'Share “Pictures”' })
    await share.getByRole('checkbox', { name: 'Mira, User' }).check()
    await share.getByRole('button', { name: 'Save' }).click()
    await share.waitFor({ state: 'detached' })
    await sidebar.getByRole('button', { name: 'Pictures, shared' }).waitFor()
    await screenshot(page, 'smart-collection-owner')

    // Mira sees the saved search, and in it only what she may view.
    await new UserSwitcher(page).switchTo('Mira')
    await sidebar.getByRole('button', { name: 'Pictures (Ada), shared' }).click()
    const hers = page.getByRole('listbox', { name: 'Contents of Pictures' })
    await expect.poll(() => hers.getByRole('option').count()).toBe(2)
    expect(await hers.getByRole('option', { name: 'budget.png' }).count()).toBe(0)
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'matches' }).textContent()).toBe('2 matches')
    // A new picture where she can view it appears without a reload.
    await app.admin.call('files.upload', { folderId: brand.id, name: 'c-new.png', base64: png([0, 0, 0], [255, 255, 255]) })
    await hers.getByRole('option', { name: 'c-new.png' }).waitFor()
    await screenshot(page, 'smart-collection-shared')
    await page.reload()
    await hers.getByRole('option', { name: 'c-new.png' }).waitFor()

    // Sam was not given it: its link answers as any place not found.
    await new UserSwitcher(page).switchTo('Ada', ADMIN_PASSWORD)
    await new UserSwitcher(page).switchTo('Sam')
    const other = await browser.context.newPage()
    await other.goto(link)
    await other.getByRole('heading', { name: 'Not found or not shared with you' }).waitFor()
    expect(await other.getByRole('main', { name: 'Contents' }).textContent()).not.toContain('Pictures')
    await other.close()
    expect(app.pageErrors).toEqual([])
  })

  e2e('a deleted user’s shared smart collection stays with whom it was shared, now the deleting admin’s; one they kept to themselves goes', { timeout: 120_000 }, async ({ app }) => {
    const { brand } = await library(app)
    const users = await app.admin.call('users.list')
    const mira = users.find((u) => u.name === 'Mira')!
    const sam = users.find((u) => u.name === 'Sam')!
    await app.admin.call('sharing.set', { resourceId: brand.id, subjectId: sam.id, level: 'view' })
    const miras = app.library.as(mira.id)
    const logos = await miras.call('smartCollections.create', { name: 'Logos', search: { query: 'logo' } })
    await miras.call('smartCollections.share', { smartCollectionId: logos.id, subjectIds: [sam.id] })
    await miras.call('smartCollections.create', { name: 'Marks', search: { query: 'mark' } })

    const { page } = app
    const lib = new LibraryPage(page)
    await lib.open(app.server.url)
    const admin = new AdminPage(page)
    await admin.open()
    await admin.tab('Users')
    await admin.userRow('Mira').getByRole('button', { name: 'Delete Mira' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Delete Mira?' })
    await confirm.getByText('Smart collections they shared with others pass to you').waitFor()
    await confirm.getByRole('button', { name: 'Delete user' }).click()
    await admin.userRow('Mira').waitFor({ state: 'detached' })
    await admin.backToLibrary()

    // Ada has it now, still shared with Sam; Mira's own one went with her.
    const sidebar = page.getByRole('region', { name: 'Smart collections' })
    await sidebar.getByRole('button', { name: 'Logos, shared' }).waitFor()
    expect(await sidebar.getByRole('button', { name: /^Marks/ }).count()).toBe(0)
    await new UserSwitcher(page).switchTo('Sam')
    await sidebar.getByRole('button', { name: 'Logos (Ada), shared' }).click()
    await page.getByRole('listbox', { name: 'Contents of Logos' }).getByRole('option', { name: 'a-logo.png' }).waitFor()
    expect(app.pageErrors).toEqual([])
  })
})

import { describe, expect } from 'vitest'
import { E2E_TIMEOUT, e2e, screenshot } from './fixtures.js'
import { LibraryPage } from './pages/LibraryPage.js'
import { UserSwitcher } from './pages/UserSwitcher.js'

const text = (s: string) => ({ name: s.split(':')[0], mimeType: 'text/plain', buffer: Buffer.from(s) })

describe('safety and feedback, end to end', { timeout: E2E_TIMEOUT }, () => {
  e2e('an upload whose names are taken asks once and replaces both as new versions', async ({ app }) => {
    const [home] = await app.admin.call('assets.roots')
    const a = await app.admin.call('files.upload', { folderId: home.id, name: 'a.txt', base64: Buffer.from('old a').toString('base64') })
    const b = await app.admin.call('files.upload', { folderId: home.id, name: 'b.txt', base64: Buffer.from('old b').toString('base64') })
    const lib = new LibraryPage(app.page)
    await lib.open(app.server.url)
    await lib.upload([text('a.txt:new'), text('b.txt:new')])
    const dialog = app.page.getByRole('dialog', { name: 'This name is already taken' })
    await dialog.getByRole('radio', { name: 'Replace as a new version' }).check()
    await dialog.getByRole('button', { name: 'Continue' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(async () => (await app.admin.call('files.versions', { fileId: b.id })).length).toBe(2)
    expect((await app.admin.call('files.versions', { fileId: a.id })).length).toBe(2)
    expect((await app.admin.call('assets.list', { folderId: home.id })).map((x) => x.name).sort()).toEqual(['a.txt', 'b.txt'])
  })

  e2e('a refused name keeps focus on its field, Escape gives focus back to the button, and a delete asks in an alert dialog', async ({ app }) => {
    const [home] = await app.admin.call('assets.roots')
    await app.admin.call('folders.create', { parentId: home.id, name: 'Brand' })
    const { page } = app
    const lib = new LibraryPage(page)
    await lib.open(app.server.url)
    const opener = page.getByRole('button', { name: 'New folder' }).first()
    await opener.click()
    const dialog = page.getByRole('dialog', { name: 'New folder' })
    await dialog.getByRole('textbox', { name: 'Name' }).fill('brand')
    await dialog.getByRole('button', { name: 'Create' }).click()
    await dialog.getByRole('alert').waitFor()
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Name' }).evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true)

    const menu = await lib.contextMenu('Brand')
    await menu.getByRole('menuitem', { name: /^Delete/ }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Delete “Brand”?' })
    await confirm.getByRole('button', { name: 'Delete' }).click()
    await confirm.waitFor({ state: 'detached' })
    await page.getByRole('region', { name: 'Notifications' }).getByText('Moved “Brand” to the trash.').waitFor()
    // Refused calls log their status (the 409 above is the point of the test); nothing else may fail, a CSP refusal least of all.
    expect(app.pageErrors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([])
  })

  e2e('menus: the focus area is its own item, and removal from collections is offered only where there is one to remove from', async ({ app }) => {
    const [home] = await app.admin.call('assets.roots')
    const png = (await import('./images.js')).gradientPng(64, 48, [10, 20, 30], [200, 100, 50]).toString('base64')
    const inOne = await app.admin.call('files.upload', { folderId: home.id, name: 'in-one.png', base64: png })
    await app.admin.call('files.upload', { folderId: home.id, name: 'in-none.png', base64: png })
    const kit = await app.admin.call('collections.create', { name: 'Kit' })
    await app.admin.call('collections.addAssets', { collectionIds: [kit.id], assetIds: [inOne.id] })
    const { page } = app
    const lib = new LibraryPage(page)
    await lib.open(app.server.url)
    let menu = await lib.contextMenu('in-one.png')
    await menu.getByRole('menuitem', { name: /^Remove from media collections/ }).waitFor()
    await page.keyboard.press('Escape')
    menu = await lib.contextMenu('in-none.png')
    await menu.getByRole('menuitem', { name: /^Set focus area/ }).waitFor()
    // The details panel's collections are known by now: still nothing to remove it from.
    await page.getByRole('region', { name: 'Collections' }).or(page.getByText('Activity')).first().waitFor()
    expect(await lib.menuItems(menu)).not.toContain('Remove from media collections…')
    await menu.getByRole('menuitem', { name: /^Set focus area/ }).click()
    await page.getByRole('dialog', { name: 'Focus area' }).waitFor()
  })

  e2e('activity: the details panel shows a folder’s history with what happened below it; admins filter the whole log', async ({ app }) => {
    const [home] = await app.admin.call('assets.roots')
    const brand = await app.admin.call('folders.create', { parentId: home.id, name: 'Brand' })
    const logos = await app.admin.call('folders.create', { parentId: brand.id, name: 'Logos' })
    const mira = await app.admin.call('users.create', { name: 'Mira', email: 'mira@example.com', role: 'fullAccess' })
    await app.library.as(mira.id).call('files.upload', { folderId: logos.id, name: 'mark.txt', base64: Buffer.from('m').toString('base64') })
    const { page } = app
    const lib = new LibraryPage(page)
    await lib.open(app.server.url)
    await lib.tile('Brand').click()
    const history = page.getByRole('list', { name: 'Activity in Brand' })
    await history.getByText('uploaded /Brand/Logos/mark.txt').waitFor()

    // What happens below the folder while its panel is open comes in on top, without a reload.
    await app.library.as(mira.id).call('files.upload', { folderId: logos.id, name: 'wordmark.txt', base64: Buffer.from('w').toString('base64') })
    await expect.poll(() => history.getByRole('listitem').first().textContent()).toContain('uploaded /Brand/Logos/wordmark.txt')

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Activity' }).click()
    const log = page.getByRole('list', { name: 'Activity log' })
    await log.getByText('uploaded /Brand/Logos/mark.txt').waitFor()
    // So does the whole log while the screen is open.
    await app.library.as(mira.id).call('folders.create', { parentId: brand.id, name: 'Fonts' })
    await expect.poll(() => log.getByRole('listitem').first().textContent()).toContain('Mira created folder /Brand/Fonts')
    await page.getByRole('combobox', { name: 'User' }).selectOption({ label: 'Ada' })
    await log.getByText('created folder /Brand/Logos').waitFor()
    expect(await log.getByText('uploaded /Brand/Logos/mark.txt').count()).toBe(0)
  })

  e2e('activity as it happens, for a restricted reader: changes to what she can view come in, one that takes a file out of her reach never shows', async ({ app }) => {
    const [home] = await app.admin.call('assets.roots')
    const brand = await app.admin.call('folders.create', { parentId: home.id, name: 'Brand' })
    const finance = await app.admin.call('folders.create', { parentId: home.id, name: 'Finance' })
    const logo = await app.admin.call('files.upload', { folderId: brand.id, name: 'logo.txt', base64: Buffer.from('l').toString('base64') })
    const budget = await app.admin.call('files.upload', { folderId: brand.id, name: 'budget.txt', base64: Buffer.from('b').toString('base64') })
    const mira = await app.admin.call('users.create', { name: 'Mira', email: 'mira@example.com', role: 'restricted' })
    await app.admin.call('sharing.set', { resourceId: brand.id, subjectId: mira.id, level: 'view' })
    const { page } = app
    const lib = new LibraryPage(page)
    await lib.open(app.server.url)
    await new UserSwitcher(page).switchTo('Mira')
    await lib.treeItem('Brand').click()
    await lib.tile('logo.txt').waitFor()
    await lib.tile('budget.txt').click()
    const history = page.getByRole('list', { name: /^Activity of budget/ })
    await history.getByText(/uploaded .*budget\.txt/).waitFor()

    await app.admin.call('assets.rename', { id: budget.id, name: 'budget-2026.txt' })
    await expect.poll(() => history.getByRole('listitem').first().textContent(), { timeout: 10_000 }).toMatch(/renamed/)
    // Moved where she cannot follow: the tile goes, and no word of where it went reaches her screen.
    await lib.tile('logo.txt').click()
    const logoHistory = page.getByRole('list', { name: 'Activity of logo.txt' })
    await logoHistory.getByRole('listitem').first().waitFor()
    await app.admin.call('assets.move', { ids: [budget.id], targetFolderId: finance.id })
    await lib.tile('budget-2026.txt').waitFor({ state: 'detached' })
    // A comment leaves the file itself as it was: the entry still comes in.
    await app.admin.call('comments.add', { fileId: logo.id, text: 'Looks sharp' })
    await expect.poll(() => logoHistory.getByRole('listitem').first().textContent(), { timeout: 10_000 }).toMatch(/commented on/)
    expect(await page.locator('body').textContent()).not.toMatch(/Finance/)
    expect(app.pageErrors).toEqual([])
  })

  e2e('a name that is taken says so in full beside the tile, readable to its last word', async ({ app }) => {
    const [home] = await app.admin.call('assets.roots')
    for (const name of ['a-long-quarterly-report-draft.txt', 'b.txt']) await app.admin.call('files.upload', { folderId: home.id, name, base64: Buffer.from(name).toString('base64') })
    const { page } = app
    const lib = new LibraryPage(page)
    await lib.open(app.server.url)
    await lib.tile('b.txt').click()
    await page.keyboard.press('F2')
    const field = page.getByRole('textbox', { name: 'New name for b.txt' })
    await field.fill('a-long-quarterly-report-draft.txt')
    await field.press('Enter')
    const alert = page.getByRole('alert').filter({ hasText: 'already' })
    await alert.waitFor()
    const message = (await alert.textContent()) ?? ''
    expect(message).toMatch(/a-long-quarterly-report-draft\.txt/)
    // Every corner of the message is the message itself on screen: nothing covers or clips it.
    const visible = await alert.evaluate((el) => {
      const r = el.getBoundingClientRect()
      const inside = (x: number, y: number) => el.contains(document.elementFromPoint(x, y))
      const clipped = [...(function* up(n: Element | null) { for (; n; n = n.parentElement) yield n })(el.parentElement)].some((a) => {
        const style = getComputedStyle(a)
        if (style.overflow === 'visible' && style.overflowX === 'visible' && style.overflowY === 'visible') return false
        const box = a.getBoundingClientRect()
        return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1
      })
      return { corners: [inside(r.left + 2, r.top + 2), inside(r.right - 2, r.top + 2), inside(r.left + 2, r.bottom - 2), inside(r.right - 2, r.bottom - 2)], clipped, whole: el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1 }
    })
    await screenshot(page, 'rename-clash')
    expect(visible).toEqual({ corners: [true, true, true, true], clipped: false, whole: true })
  })

  e2e('each version shows its own picture and preview; the trash shows a deleted picture’s thumbnail', async ({ app }) => {
    const [home] = await app.admin.call('assets.roots')
    const { gradientPng } = await import('./images.js')
    const pic = await app.admin.call('files.upload', { folderId: home.id, name: 'pic.png', base64: gradientPng(80, 60, [200, 0, 0], [255, 80, 80]).toString('base64') })
    await app.admin.call('files.uploadVersion', { fileId: pic.id, base64: gradientPng(80, 60, [0, 0, 200], [80, 80, 255]).toString('base64') })
    const { page } = app
    const lib = new LibraryPage(page)
    await lib.open(app.server.url)
    await lib.tile('pic.png').click()
    const old = page.getByRole('listitem', { name: 'Version 1' })
    const loaded = (img: import('playwright-core').Locator) => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0)
    await expect.poll(() => loaded(old.locator('img.version-thumb'))).toBe(true)
    await old.getByRole('button', { name: 'Preview version 1' }).click()
    const preview = page.getByRole('dialog', { name: 'pic.png, version 1' })
    await expect.poll(() => loaded(preview.getByRole('img', { name: 'Version 1 of pic.png' }))).toBe(true)
    await page.keyboard.press('Escape')
    await preview.waitFor({ state: 'detached' })

    await app.admin.call('assets.delete', { ids: [pic.id] })
    await page.getByRole('button', { name: 'Trash' }).click()
    const row = page.getByRole('list', { name: 'Deleted items' }).getByRole('listitem').filter({ hasText: 'pic.png' })
    await expect.poll(() => loaded(row.locator('img.trash-thumb'))).toBe(true)
  })
})

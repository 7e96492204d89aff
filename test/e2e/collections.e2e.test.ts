import { execFileSync } from 'node:child_process'
import { describe, expect } from 'vitest'
import { E2E_TIMEOUT, e2e, ADMIN_PASSWORD, screenshot, type App } from './fixtures.js'
import { gradientPng } from './images.js'
import { AddToCollectionsPage, ShareDialogPage } from './pages/CollectionDialogs.js'
import { CollectionsPanel } from './pages/CollectionsPanel.js'
import { LibraryPage } from './pages/LibraryPage.js'
import { UserSwitcher } from './pages/UserSwitcher.js'

const png = (from: [number, number, number], to: [number, number, number]) => gradientPng(320, 220, from, to).toString('base64')
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')

/**
 * A common way to set a library up: marketing may add, remove and change the brand assets,
 * other teams only view them, through a collection that marketing keeps up to date.
 */
async function brandLibrary(app: App) {
  const { admin } = app
  const [home] = await admin.call('assets.roots')
  const brand = await admin.call('folders.create', { parentId: home.id, name: 'Brand' })
  const logos = await admin.call('folders.create', { parentId: brand.id, name: 'Logos' })
  const finance = await admin.call('folders.create', { parentId: home.id, name: 'Finance' })
  await admin.call('files.upload', { folderId: brand.id, name: 'logo.png', base64: png([40, 120, 220], [20, 200, 160]) })
  await admin.call('files.upload', { folderId: brand.id, name: 'guidelines.pdf', base64: pdf })
  await admin.call('files.upload', { folderId: logos.id, name: 'mark.png', base64: png([240, 150, 60], [200, 40, 90]) })
  await admin.call('files.upload', { folderId: finance.id, name: 'budget.pdf', base64: pdf })
  const mira = await admin.call('users.create', { name: 'Mira', email: 'mira@example.com', role: 'restricted' })
  const sam = await admin.call('users.create', { name: 'Sam', email: 'sam@example.com', role: 'restricted' })
  const marketing = await admin.call('groups.create', { name: 'Marketing' })
  const sales = await admin.call('groups.create', { name: 'Sales' })
  await admin.call('groups.addMembers', { groupId: marketing.id, userIds: [mira.id] })
  await admin.call('groups.addMembers', { groupId: sales.id, userIds: [sam.id] })
  // Marketing works in the Brand folder: adding an asset to a collection needs contribute on it.
  await admin.call('sharing.set', { resourceId: brand.id, subjectId: marketing.id, level: 'contribute' })
}

describe('media collections and sharing in a browser, end to end', { timeout: E2E_TIMEOUT }, () => {
  // A long walk through many screens and three users: a busy machine needs more than the default.
  e2e('marketing manages a "Brand assets" collection that sales can only view and download', { timeout: 120_000 }, async ({ app }) => {
    await brandLibrary(app)
    const { page } = app
    const library = new LibraryPage(page)
    const collections = new CollectionsPanel(page)
    const switcher = new UserSwitcher(page)
    const share = new ShareDialogPage(page)
    const add = new AddToCollectionsPage(page)

    // Ada, the admin, creates the collection; a duplicate name is caught in the dialog.
    await library.open(app.server.url)
    await library.actingAs('Ada').waitFor()
    await collections.region.getByText(/Create one to group files and folders/).waitFor()
    await collections.startCreating('Brand assets')
    await screenshot(page, 'collections-01-create-dialog')
    await collections.createDialog.getByRole('button', { name: 'Create' }).click()
    await page.getByRole('heading', { name: '“Brand assets” is empty' }).waitFor()
    await screenshot(page, 'collections-02-admin-empty-collection')
    await collections.startCreating('brand ASSETS')
    await collections.createDialog.getByRole('alert').filter({ hasText: 'A collection named "Brand assets" already exists.' }).waitFor()
    await screenshot(page, 'collections-03-create-duplicate-name')
    await page.keyboard.press('Escape')

    // Marketing manages it; Sales may view and download.
    await collections.choose('Brand assets', 'Share')
    await share.grant('Marketing', 'Can manage')
    await share.grant('Sales', 'Can view')
    expect(await share.levelOf('Marketing').inputValue()).toBe('manage')
    expect(await share.levelOf('Sales').inputValue()).toBe('view')
    await screenshot(page, 'collections-04-share-collection')
    await share.done()

    // Mira, in Marketing, adds brand assets from the folder she works in.
    await switcher.switchTo('Mira')
    await collections.row('Brand assets').waitFor()
    await library.openFolder('Brand')
    await library.tile('logo.png').click()
    await library.tile('Logos').click({ modifiers: ['ControlOrMeta'] })
    const menu = await library.contextMenu('logo.png')
    await menu.getByRole('menuitem', { name: /Add to media collections/ }).click()
    await add.choose('Brand assets')
    await screenshot(page, 'collections-05-add-to-collections')
    expect(await add.submit()).toBe('Added 2 items to “Brand assets”.')
    await collections.region.getByRole('button', { name: 'Brand assets, 2 items' }).waitFor()

    // A file inside the added folder, dragged onto the collection: added in its own right.
    await library.openFolder('Logos')
    await library.tile('mark.png').dragTo(collections.row('Brand assets'))
    await page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: 'Added “mark.png” to “Brand assets”.' }).waitFor()
    await screenshot(page, 'collections-06-sidebar-after-drop')

    // She renames it, as a manager may.
    const rename = await collections.rename('Brand assets', 'Brand assets 2025')
    await screenshot(page, 'collections-07-rename-dialog')
    await rename.getByRole('button', { name: 'Rename' }).click()
    await collections.row('Brand assets 2025').waitFor()

    // In the collection: the folder and the two files; mark.png leaves it but stays reachable through Logos.
    await collections.open('Brand assets 2025')
    for (const name of ['Logos', 'logo.png', 'mark.png']) await library.tile(name).waitFor()
    await library.tile('mark.png').click()
    await screenshot(page, 'collections-08-marketing-in-collection')
    // The usual way: right-click inside the collection.
    const inCollection = await library.contextMenu('mark.png')
    await screenshot(page, 'collections-08b-context-menu-in-collection')
    await inCollection.getByRole('menuitem', { name: 'Remove from this collection…' }).click()
    const remove = page.getByRole('dialog', { name: 'Remove from media collection' })
    await remove.getByText('Remove “mark.png” from “Brand assets 2025”?').waitFor()
    await screenshot(page, 'collections-09-remove-confirm')
    await remove.getByRole('button', { name: 'Remove' }).click()
    await remove.getByRole('note').filter({ hasText: '“mark.png” is still in “Brand assets 2025” through its parent folder “Logos”' }).waitFor()
    await screenshot(page, 'collections-10-remove-still-reachable')
    await remove.getByRole('button', { name: 'Done' }).click()
    await library.tile('mark.png').waitFor({ state: 'detached' })

    // The asset's own dialog: the collections it is directly in and she manages, and the way out of them.
    await library.treeItem('Brand').click()
    await library.currentCrumb.filter({ hasText: 'Brand' }).waitFor()
    const logoMenu = await library.contextMenu('logo.png')
    await logoMenu.getByRole('menuitem', { name: /Remove from media collections/ }).click()
    const removeMany = page.getByRole('dialog', { name: 'Remove “logo.png” from media collections' })
    await removeMany.getByRole('checkbox', { name: /^Brand assets 2025\b/ }).waitFor()
    await screenshot(page, 'collections-11-remove-from-collections')
    await page.keyboard.press('Escape')

    // Sam, in Sales, sees the collection and what is in it, and can only download it. Mira cannot
    // switch to him (he has no password): Ada, with hers, comes back and switches.
    await switcher.switchTo('Ada', ADMIN_PASSWORD)
    await switcher.switchTo('Sam')
    await collections.row('Brand assets 2025').waitFor()
    expect(await collections.menuItems('Brand assets 2025')).toEqual(['Copy link', 'Download as zip'])
    await collections.menu('Brand assets 2025')
    await screenshot(page, 'collections-12-sales-menu')
    await page.keyboard.press('Escape')
    await collections.open('Brand assets 2025')
    await library.tile('Logos').waitFor()
    await library.tile('logo.png').click()
    await page.getByText('Can view', { exact: true }).waitFor()
    for (const absent of ['Share', 'Remove from collection', 'Upload', 'New folder']) expect(await page.getByRole('button', { name: absent, exact: true }).count(), absent).toBe(0)
    const items = await library.menuItems(await library.contextMenu('logo.png'))
    for (const absent of ['Add to media collections…', 'Remove from this collection…', 'Rename', 'Move to…', 'Delete…', 'Share…']) expect(items).not.toContain(absent)
    await page.keyboard.press('Escape')
    await screenshot(page, 'collections-13-sales-in-collection')

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download as zip' }).click()
    const zip = await (await download).path()
    const entries = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')
    expect(entries.some((e) => e.endsWith('logo.png'))).toBe(true)
    expect(entries.some((e) => e.endsWith('Logos/mark.png'))).toBe(true)
    // Only what is in the collection: nothing else of Brand, nothing of Finance.
    expect(entries.some((e) => /guidelines|budget/.test(e))).toBe(false)
    const dialog = page.getByRole('dialog')
    if (await dialog.count()) await page.keyboard.press('Escape')

    // A folder opened from the collection says its contents are there through it.
    await library.openFolder('Logos')
    await library.tile('mark.png').waitFor()
    await page.getByRole('note').filter({ hasText: 'Everything here is in “Brand assets 2025” through the folder “Logos”' }).waitFor()
    await screenshot(page, 'collections-14-through-folder')

    // Ada shares mark.png: Marketing's level inherited from /Brand shows read-only, and lower levels are not offered.
    await switcher.switchTo('Ada', ADMIN_PASSWORD)
    await library.treeItem('Brand').click()
    await library.openFolder('Logos')
    await library.tile('mark.png').waitFor()
    const shareMark = await library.contextMenu('mark.png')
    await shareMark.getByRole('menuitem', { name: /Share/ }).click()
    await share.dialog.getByRole('list', { name: 'Inherited access' }).getByText('/Brand').waitFor()
    await share.dialog.getByRole('searchbox').fill('Marketing')
    await share.dialog.getByRole('checkbox', { name: /^Marketing\b/ }).check()
    expect(await share.dialog.getByRole('combobox', { name: 'Level', exact: true }).locator('option').allTextContents()).toEqual(['Can contribute', 'Can manage'])
    await screenshot(page, 'collections-15-share-inherited')
    await share.dialog.getByRole('tab', { name: 'Media collection associations' }).click()
    await share.dialog.getByRole('listitem').filter({ hasText: 'Through the parent folder “Logos”' }).waitFor()
    await screenshot(page, 'collections-16-share-associations-tab')
    await share.done()

    // Deleting asks first and says that no asset goes with the collection; Ada keeps it.
    await collections.choose('Brand assets 2025', 'Delete')
    const confirmDelete = page.getByRole('dialog', { name: 'Delete media collection' })
    await confirmDelete.getByText('No asset is deleted. The 2 items in it stay in the library where they are.').waitFor()
    await screenshot(page, 'collections-16b-delete-confirm')
    await confirmDelete.getByRole('button', { name: 'Cancel' }).click()
    await collections.row('Brand assets 2025').waitFor()

    expect(app.pageErrors).toEqual([])
  })

  e2e('a restricted user sees a file only through a collection and cannot change it', async ({ app }) => {
    const { admin, page } = app
    const [home] = await admin.call('assets.roots')
    const press = await admin.call('folders.create', { parentId: home.id, name: 'Press' })
    const flyer = await admin.call('files.upload', { folderId: press.id, name: 'flyer.png', base64: png([250, 200, 60], [60, 130, 230]) })
    await admin.call('files.upload', { folderId: press.id, name: 'draft.pdf', base64: pdf })
    const rita = await admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    const kit = await admin.call('collections.create', { name: 'Press kit' })
    await admin.call('collections.addAssets', { collectionIds: [kit.id], assetIds: [flyer.id] })
    await admin.call('sharing.set', { resourceId: kit.id, subjectId: rita.id, level: 'view' })

    const library = new LibraryPage(page)
    const collections = new CollectionsPanel(page)
    await library.open(app.server.url)
    await new UserSwitcher(page).switchTo('Rita')
    // No folder is shared with her: what she sees comes through the collection, and only that.
    await library.tile('flyer.png').waitFor()
    expect(await library.tile('Press').count()).toBe(0)
    expect(await library.tile('draft.pdf').count()).toBe(0)
    await collections.open('Press kit')
    await library.tile('flyer.png').waitFor()
    expect(await library.tile('draft.pdf').count()).toBe(0)
    await library.tile('flyer.png').click()
    const items = await library.menuItems(await library.contextMenu('flyer.png'))
    expect(items).toContain('Download')
    for (const absent of ['Rename', 'Move to…', 'Copy to…', 'Delete…', 'Share…', 'Add to media collections…', 'Edit image…']) expect(items).not.toContain(absent)
    await screenshot(page, 'collections-17-view-through-collection-menu')
    await page.keyboard.press('Escape')
    // Nor can she tag it: editing tags needs contribute on the file itself.
    await library.details.getByRole('heading', { name: 'flyer.png' }).waitFor()
    expect(await library.details.getByRole('textbox', { name: 'New tag' }).count()).toBe(0)
    expect(await collections.menuItems('Press kit')).toEqual(['Copy link', 'Download as zip'])
    for (const absent of ['Share', 'Remove from collection', 'Upload']) expect(await page.getByRole('button', { name: absent, exact: true }).count(), absent).toBe(0)
    await screenshot(page, 'collections-18-view-through-collection')
    expect(app.pageErrors).toEqual([])
  })
})

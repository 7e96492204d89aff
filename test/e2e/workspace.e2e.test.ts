import { describe, expect } from 'vitest'
import { E2E_TIMEOUT, e2e, screenshot } from './fixtures.js'
import { gradientPng } from './images.js'
import { AdminPage } from './pages/AdminPage.js'
import { ShareDialogPage } from './pages/CollectionDialogs.js'
import { LibraryPage } from './pages/LibraryPage.js'
import { UserSwitcher } from './pages/UserSwitcher.js'

const png = (name: string, from: [number, number, number], to: [number, number, number], w = 320, h = 220) => ({
  name,
  mimeType: 'image/png',
  buffer: gradientPng(w, h, from, to),
})

describe('the workspace in a browser, end to end', { timeout: E2E_TIMEOUT }, () => {
  // A long walk through many screens and two users: a busy machine needs more than the default.
  e2e('an admin builds a library and a team; a restricted member can upload and tag in the shared folder but not rename, move, delete or share, and sees nothing else', { timeout: 120_000 }, async ({ app }) => {
    const { page } = app
    const library = new LibraryPage(page)
    const admin = new AdminPage(page)
    const switcher = new UserSwitcher(page)

    // The admin builds a small library through the UI.
    await library.open(app.server.url)
    await library.actingAs('Ada').waitFor()
    await library.createFolder('Marketing')
    await library.createFolder('Finance')
    await library.openFolder('Marketing')
    await library.upload([
      png('sunrise.png', [255, 170, 90], [120, 60, 200]),
      png('ocean.png', [20, 120, 220], [20, 200, 160]),
      png('forest.png', [40, 140, 60], [200, 220, 90]),
      { name: 'brief.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
    ])
    await library.tile('brief.pdf').waitFor()
    await library.tile('sunrise.png').click()
    await library.details.getByRole('heading', { name: 'sunrise.png' }).waitFor()
    await library.details.getByRole('img', { name: 'Preview of sunrise.png' }).waitFor()
    await library.addTag('campaign')
    await screenshot(page, '10-library-grid-and-details')

    const menu = await library.contextMenu('ocean.png')
    expect(await library.menuItems(menu)).toEqual(expect.arrayContaining(['Rename', 'Move to…', 'Delete…', 'Share…', 'Add to media collections…']))
    await screenshot(page, '11-context-menu')
    await page.keyboard.press('Escape')

    await library.showAs('List')
    await library.row('sunrise.png').waitFor()
    await page.getByRole('columnheader', { name: 'Size' }).getByRole('button').click()
    await screenshot(page, '12-list-view')
    await library.showAs('Grid')

    // The team: a restricted member in a group, and a field for everyone's files.
    await admin.open()
    await admin.createUser({ name: 'Mia', email: 'mia@example.com', role: 'Restricted' })
    await screenshot(page, '13-admin-users')
    await admin.createGroup('Design team')
    await admin.addMember('Design team', 'Mia, mia@example.com')
    await screenshot(page, '14-admin-groups')
    await admin.defineField('Campaign', 'Single choice', ['Spring', 'Summer'])
    await screenshot(page, '15-admin-fields')
    await admin.backToLibrary()

    // The admin shares Marketing with the group at contribute, from the folder's context menu.
    await library.treeItem('Home').click()
    const folderMenu = await library.contextMenu('Marketing')
    await folderMenu.getByRole('menuitem', { name: /^Share/ }).click()
    const share = new ShareDialogPage(page)
    await share.grant('Design team', 'Can contribute')
    await share.done()

    // The member, as herself.
    await switcher.switchTo('Mia')
    await library.treeItem('Marketing').waitFor()
    expect(await library.treeItem('Home').count()).toBe(0)
    expect(await library.treeItem('Finance').count()).toBe(0)
    expect(await page.getByRole('navigation', { name: 'Screens' }).count()).toBe(0)
    await library.openFolder('Marketing')
    await library.upload([png('mia-sketch.png', [230, 60, 90], [250, 200, 60])])
    await library.tile('mia-sketch.png').waitFor()

    // Contribute on what the admin made: tags yes; rename, move, delete and share no.
    await library.tile('ocean.png').click()
    await library.addTag('approved')
    await library.details.getByLabel('Campaign').selectOption('Summer')
    await library.details.getByRole('textbox', { name: 'New comment' }).fill('Can we use this one for the summer landing page?')
    await library.details.getByRole('button', { name: 'Comment' }).click()
    await library.details.getByRole('listitem', { name: 'Comment by Mia' }).waitFor()
    await library.details.getByRole('listitem', { name: 'Comment by Mia' }).scrollIntoViewIfNeeded()
    await screenshot(page, '17-details-panel')
    const memberMenu = await library.contextMenu('ocean.png')
    const offered = await library.menuItems(memberMenu)
    expect(offered).toEqual(expect.arrayContaining(['Download', 'Copy to…', 'Add to media collections…', 'Edit image…']))
    for (const refused of ['Rename', 'Move to…', 'Delete…', 'Share…']) expect(offered).not.toContain(refused)
    await screenshot(page, '16-member-view')
    await page.keyboard.press('Escape')
    // The Delete key does nothing on what she may not delete.
    await library.grid.press('Delete')
    expect(await page.getByRole('dialog').count()).toBe(0)

    // Search finds only what she can view.
    await library.search('brief')
    await library.tile('brief.pdf').waitFor()
    await library.clearSearch()
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('finance')
    await page.getByRole('heading', { name: 'Nothing matches “finance”' }).waitFor()

    // What she uploaded is hers: she manages it (docs/permissions.md: a creator has manage).
    await library.clearSearch()
    await library.tile('mia-sketch.png').waitFor()
    const ownMenu = await library.contextMenu('mia-sketch.png')
    expect(await library.menuItems(ownMenu)).toEqual(expect.arrayContaining(['Rename', 'Delete…']))
    await page.keyboard.press('Escape')

    expect(app.pageErrors.join('\n')).toBe('')
  })
})

import { describe, expect } from 'vitest'
import { E2E_TIMEOUT, e2e, screenshot } from './fixtures.js'
import { gradientPng } from './images.js'
import { LibraryPage } from './pages/LibraryPage.js'
import { UserSwitcher } from './pages/UserSwitcher.js'

describe('browser mode, end to end', { timeout: E2E_TIMEOUT }, () => {
  e2e('an admin creates a folder and uploads an image; a new restricted user sees that nothing is shared yet', async ({ app }) => {
    const library = new LibraryPage(app.page)
    const switcher = new UserSwitcher(app.page)

    await library.open(app.server.url)
    await library.actingAs('Ada').waitFor()
    await library.emptyState('This folder is empty').waitFor()
    await screenshot(app.page, '01-admin-empty-home')

    await library.createFolder('Marketing')
    await library.tile('Marketing').waitFor()
    await library.treeItem('Marketing').waitFor()
    await library.openFolder('Marketing')
    await library.upload([{ name: 'sunrise.png', mimeType: 'image/png', buffer: gradientPng(320, 200, [255, 170, 90], [120, 60, 200]) }])
    await library.tile('sunrise.png').waitFor()
    // The thumbnail came through the permission-checked /thumb route with its real pixels.
    // A thumbnail is the 256 px rendition (main/core/media/thumbnails.ts) of the 320 px original.
    expect(await library.thumbnailWidth('sunrise.png')).toBe(256)
    await screenshot(app.page, '02-admin-folder-with-upload')

    await app.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    await switcher.switchTo('Rita')
    await library.emptyState('Nothing has been shared with you yet').waitFor()
    // Nothing of Ada's library lingers on screen for Rita.
    expect(await app.page.getByText('Marketing').count()).toBe(0)
    expect(await app.page.getByText('sunrise.png').count()).toBe(0)
    await screenshot(app.page, '03-restricted-nothing-shared')

    expect(app.pageErrors).toEqual([])
  })

  e2e('an admin views as a restricted user under a banner, sees what was shared with them, and returns', async ({ app }) => {
    const [home] = await app.admin.call('assets.roots')
    const brand = await app.admin.call('folders.create', { parentId: home.id, name: 'Brand' })
    await app.admin.call('folders.create', { parentId: home.id, name: 'Finance' })
    await app.admin.call('files.upload', { folderId: brand.id, name: 'logo.png', base64: gradientPng(240, 240, [40, 120, 220], [20, 200, 160]).toString('base64') })
    await app.admin.call('files.upload', { folderId: brand.id, name: 'guidelines.pdf', base64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') })
    const rita = await app.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    await app.admin.call('sharing.set', { resourceId: brand.id, subjectId: rita.id, level: 'view' })

    const library = new LibraryPage(app.page)
    const switcher = new UserSwitcher(app.page)
    await library.open(app.server.url)
    await switcher.openPanel()
    await screenshot(app.page, '04-switcher-open')
    await switcher.viewAs('Rita')

    await library.actingAs('Rita').waitFor()
    expect(await switcher.banner.textContent()).toContain('Viewing as Rita')
    // Rita's tree starts at what is shared with her, never at Home.
    await library.treeItem('Brand').waitFor()
    expect(await library.treeItem('Home').count()).toBe(0)
    expect(await library.treeItem('Finance').count()).toBe(0)
    await library.openFolder('Brand')
    await library.tile('logo.png').waitFor()
    await library.tile('guidelines.pdf').waitFor()
    // View only: nothing to add with.
    expect(await app.page.getByRole('button', { name: 'Upload' }).count()).toBe(0)
    await screenshot(app.page, '05-view-as-banner')

    await switcher.returnToSelf()
    await library.actingAs('Ada').waitFor()
    await library.treeItem('Home').waitFor()
    expect(app.pageErrors).toEqual([])
  })
})

import sharp from 'sharp'
import { describe, expect } from 'vitest'
import type { AssetView } from '../../shared/views.js'
import { E2E_TIMEOUT, e2e, screenshot } from './fixtures.js'
import { gradientPng } from './images.js'
import { LibraryPage } from './pages/LibraryPage.js'
import { MediaDialogs } from './pages/MediaDialogs.js'

/** A dark disc on transparency: what a cut-out of a simple subject looks like. */
function cutOut(size: number): Promise<Buffer> {
  const disc = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><circle cx="${size / 2}" cy="${size / 2}" r="${size / 3}" fill="#3a2f6b"/></svg>`)
  return sharp({ create: { width: size, height: size, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).composite([{ input: disc }]).png().toBuffer()
}

/**
 * Background removal's dialog through its run. The model takes about 20 s and 1 GB, too much
 * for an end-to-end run beside others (its own test is in test/unit/media): main's answer to
 * the one long call is held, then given as a file the core really stored.
 */
describe('background removal in a browser, end to end', { timeout: E2E_TIMEOUT }, () => {
  e2e('sends the choice of a new file, waits while it runs, and shows the cut-out it made', async ({ app }) => {
    const [home] = await app.admin.call('assets.roots')
    const photos = await app.admin.call('folders.create', { parentId: home.id, name: 'Photos' })
    await app.admin.call('files.upload', { folderId: photos.id, name: 'cat.png', base64: gradientPng(240, 240, [245, 245, 245], [220, 220, 225]).toString('base64') })
    const { page } = app
    const requests: unknown[] = []
    let answer: (view: AssetView) => void = () => undefined
    const answered = new Promise<AssetView>((resolve) => (answer = resolve))
    await page.route('**/api/extensions.removeBackground', async (route) => {
      requests.push(route.request().postDataJSON())
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: await answered }) })
    })

    const library = new LibraryPage(page)
    const media = new MediaDialogs(page)
    await library.open(app.server.url)
    await library.openFolder('Photos')
    const dialog = await media.openFromMenu(library.tile('cat.png'), 'Remove background…', 'Remove background', 'Remove background')
    await dialog.getByRole('radio', { name: 'A new file beside it' }).check()
    await dialog.getByRole('button', { name: 'Remove background' }).click()
    await dialog.getByRole('button', { name: 'Hide' }).waitFor()
    expect(requests).toEqual([{ fileId: expect.any(String), saveAs: { newName: 'cat (no background).png' }, jobId: expect.any(String) }])
    // No job has reported yet: there is nothing to cancel.
    expect(await dialog.getByRole('button', { name: 'Cancel' }).isDisabled()).toBe(true)
    await screenshot(page, 'media-12-remove-background-running')

    const made = await app.admin.call('files.upload', { folderId: photos.id, name: 'cat (no background).png', base64: (await cutOut(240)).toString('base64') })
    answer(made)
    await dialog.getByText('Saved as the new file “cat (no background).png”.').waitFor()
    await media.previewLoaded(dialog)
    await screenshot(page, 'media-13-remove-background-done')
    await media.closeWith(dialog, 'Done')
    await library.tile('cat (no background).png').waitFor()
    expect(app.pageErrors).toEqual([])
  })
})

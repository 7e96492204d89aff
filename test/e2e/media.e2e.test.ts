import { describe, expect } from 'vitest'
import { E2E_TIMEOUT, e2e, screenshot, type App } from './fixtures.js'
import { gradientPng } from './images.js'
import { LibraryPage } from './pages/LibraryPage.js'
import { MediaDialogs } from './pages/MediaDialogs.js'

const png = (name: string, w: number, h: number, from: [number, number, number], to: [number, number, number]) => ({
  name,
  mimeType: 'image/png',
  buffer: gradientPng(w, h, from, to),
})

describe('the image tools in a browser, end to end', { timeout: E2E_TIMEOUT }, () => {
  /** Ada in a Photos folder holding the given upload. */
  async function photosWith(app: App, file: ReturnType<typeof png>) {
    const library = new LibraryPage(app.page)
    await library.open(app.server.url)
    await library.createFolder('Photos')
    await library.openFolder('Photos')
    await library.upload([file])
    await library.tile(file.name).waitFor()
    return { library, media: new MediaDialogs(app.page), page: app.page }
  }

  e2e('rotates and crops an upload, saves it as a new version, and sets its focus area', async ({ app }) => {
    const { library, media, page } = await photosWith(app, png('sunrise.png', 320, 200, [255, 170, 90], [120, 60, 200]))
    await media.thumbnailSize(library.tile('sunrise.png'))

    const editor = await media.openFromMenu(library.tile('sunrise.png'), 'Edit image…', 'Edit image', 'Rotate right')
    await media.previewLoaded(editor)
    await screenshot(page, 'media-01-editor')

    await editor.getByRole('button', { name: 'Rotate right' }).click()
    await editor.getByRole('button', { name: '1:1' }).click()
    // Turned, the picture is 200 wide and 320 high: the square takes the whole width.
    await editor.getByText('Result: 200 × 200 px').waitFor()
    // Moved down with the mouse, then nudged with the keyboard: the size stays.
    await media.drag(media.cropArea(), [0.5, 0.5], [0.5, 0.7])
    await media.cropArea().focus()
    await page.keyboard.press('ArrowUp')
    await editor.getByText('Result: 200 × 200 px').waitFor()
    await screenshot(page, 'media-02-editor-rotated-and-cropped')

    await media.closeWith(editor, 'Save')
    await expect.poll(() => library.tile('sunrise.png').getAttribute('aria-describedby').then((id) => page.locator(`#${id}`).textContent())).toContain('200 × 200')
    // The tile asks for the new version's thumbnail, and gets one.
    expect(await library.tile('sunrise.png').locator('img').getAttribute('src')).toBe(`/thumb/${(await app.admin.call('search.assets', { query: 'sunrise' })).items[0].id}?v=2`)
    expect((await media.thumbnailSize(library.tile('sunrise.png'))).width).toBeGreaterThan(0)
    await library.tile('sunrise.png').click()
    await library.details.getByText('200 × 200', { exact: true }).waitFor()
    const [saved] = (await app.admin.call('search.assets', { query: 'sunrise' })).items
    expect(saved).toMatchObject({ width: 200, height: 200, currentVersion: 2, versionCount: 2 })

    const again = await media.openFromMenu(library.tile('sunrise.png'), 'Edit image…', 'Edit image', 'Rotate right')
    await again.getByRole('button', { name: 'Focus area…' }).click()
    const focus = media.dialog('Focus area')
    await focus.getByRole('button', { name: 'Start in the middle' }).click()
    await media.previewLoaded(focus)
    await media.drag(focus.getByRole('group', { name: 'Focus area' }), [0.5, 0.5], [0.2, 0.2])
    await screenshot(page, 'media-03-focus-area')
    await media.closeWith(focus, 'Save focus area')
    const [focused] = (await app.admin.call('search.assets', { query: 'sunrise' })).items
    expect(focused.focus).toEqual({ x: expect.closeTo(0.1, 1), y: expect.closeTo(0.1, 1), width: 0.5, height: 0.5 })
    expect(app.pageErrors).toEqual([])
  })

  e2e('suggests tags from the image and adds the chosen ones', async ({ app }) => {
    const { library, media, page } = await photosWith(app, png('meadow.png', 300, 180, [40, 160, 60], [60, 200, 80]))
    const dialog = await media.openFromMenu(library.tile('meadow.png'), 'Add auto tags…', 'Add auto tags', 'Add all')
    const chips = dialog.getByRole('checkbox')
    const suggested = await chips.evaluateAll((els) => els.map((el) => el.closest('label')!.textContent!))
    expect(suggested).toEqual(expect.arrayContaining(['landscape', 'green']))
    await dialog.getByRole('checkbox', { name: 'landscape' }).check()
    await dialog.getByRole('checkbox', { name: 'green' }).check()
    await screenshot(page, 'media-04-auto-tags')
    await media.closeWith(dialog, 'Add 2 selected')
    await library.tile('meadow.png').click()
    await library.details.getByRole('list', { name: 'Tags' }).getByText('green', { exact: true }).waitFor()
    const [tagged] = (await app.admin.call('search.assets', { query: 'meadow' })).items
    expect(tagged.tags).toEqual(['landscape', 'green'])
    expect(app.pageErrors).toEqual([])
  })

  e2e('opens background removal, offers version or new file, and can be left without running it', async ({ app }) => {
    const { library, media, page } = await photosWith(app, png('cat.png', 240, 240, [250, 250, 250], [230, 230, 230]))
    const dialog = await media.openFromMenu(library.tile('cat.png'), 'Remove background…', 'Remove background', 'Remove background')
    await dialog.getByRole('radio', { name: 'A new file beside it' }).check()
    await screenshot(page, 'media-05-remove-background')
    await media.closeWith(dialog, 'Cancel')
    const [untouched] = (await app.admin.call('search.assets', { query: 'cat' })).items
    expect(untouched.versionCount).toBe(1)
    expect(app.pageErrors).toEqual([])
  })
})

import { describe, expect } from 'vitest'
import { E2E_TIMEOUT, e2e, screenshot, type App } from './fixtures.js'
import { gradientPng } from './images.js'
import { LibraryPage } from './pages/LibraryPage.js'

const png = (w: number, h: number, from: [number, number, number], to: [number, number, number]) => gradientPng(w, h, from, to).toString('base64')

/** Home holds Brand (three pictures, one a wide logo) and eight photos. */
async function library(app: App) {
  const { admin } = app
  const [home] = await admin.call('assets.roots')
  const brand = await admin.call('folders.create', { parentId: home.id, name: 'Brand' })
  await admin.call('files.upload', { folderId: brand.id, name: 'logo-wide.png', base64: png(800, 200, [30, 90, 200], [240, 240, 250]) })
  await admin.call('files.upload', { folderId: brand.id, name: 'mark.png', base64: png(200, 200, [220, 80, 60], [250, 200, 80]) })
  await admin.call('files.upload', { folderId: brand.id, name: 'poster.png', base64: png(200, 300, [20, 160, 120], [10, 40, 90]) })
  for (let i = 0; i < 8; i++) {
    await admin.call('files.upload', { folderId: home.id, name: `photo-${i}.png`, base64: png(240, 160, [i * 30, 100, 200 - i * 20], [250, 250 - i * 25, 120]) })
  }
}

describe('the grid in a browser, end to end', { timeout: E2E_TIMEOUT }, () => {
  e2e('sizes and fits tiles, previews folders, and selects with a rubber band', { timeout: 120_000 }, async ({ app }) => {
    await library(app)
    const { page } = app
    const lib = new LibraryPage(page)
    await lib.open(app.server.url)
    const grid = page.getByRole('listbox', { name: 'Contents of Home' })
    // The folder tile shows Brand's pictures.
    const brandTile = grid.getByRole('option', { name: 'Brand' })
    await expect.poll(() => brandTile.locator('img.is-loaded').count()).toBe(3)

    // A wide logo is shown whole in fit (the default), cropped to the tile in fill.
    await lib.openFolder('Brand')
    const logo = page.getByRole('option', { name: 'logo-wide.png' }).locator('img')
    await expect.poll(() => logo.evaluate((img) => img.classList.contains('is-loaded'))).toBe(true)
    expect(await logo.evaluate((img) => getComputedStyle(img).objectFit)).toBe('contain')
    await screenshot(page, 'grid-fit')
    await page.getByRole('radio', { name: 'Fill' }).click()
    expect(await logo.evaluate((img) => getComputedStyle(img).objectFit)).toBe('cover')
    await page.getByRole('radio', { name: 'Fit' }).click()

    // Bigger tiles: fewer to a row; the size is kept across a reload.
    await page.goBack()
    await grid.waitFor()
    const perRow = () => grid.getByRole('option').evaluateAll((tiles) => new Set(tiles.map((t) => Math.round(t.getBoundingClientRect().top))).size)
    const rowsBefore = await perRow()
    const slider = page.getByRole('slider', { name: 'Tile size' })
    await slider.fill('320')
    await expect.poll(perRow).toBeGreaterThan(rowsBefore)
    await page.reload()
    await grid.waitFor()
    expect(await page.getByRole('slider', { name: 'Tile size' }).inputValue()).toBe('320')
    await page.getByRole('slider', { name: 'Tile size' }).fill('168')

    // A band drawn from empty space below the last row up over the tiles selects what it touches.
    const first = await grid.getByRole('option', { name: 'Brand' }).boundingBox()
    const box = await grid.boundingBox()
    await page.mouse.move(box!.x + 8, box!.y + box!.height - 8)
    await page.mouse.down()
    await page.mouse.move(box!.x + first!.x - box!.x + first!.width / 2, first!.y + first!.height / 2, { steps: 8 })
    await page.mouse.up()
    const selected = await grid.getByRole('option', { selected: true }).count()
    expect(selected).toBeGreaterThan(1)
    expect(await grid.getByRole('option', { name: 'Brand', selected: true }).count()).toBe(1)
    await screenshot(page, 'grid-rubber-band')

    // The list shows small thumbnails.
    await lib.showAs('List')
    await expect.poll(() => lib.row('photo-0.png').locator('img.list-thumb.is-loaded').count()).toBe(1)
    expect(app.pageErrors).toEqual([])
  })

  e2e('the tree has a menu by keyboard, and the Delete key sends to the trash with Undo', { timeout: 120_000 }, async ({ app }) => {
    await library(app)
    const { page } = app
    const lib = new LibraryPage(page)
    await lib.open(app.server.url)
    const tree = page.getByRole('tree', { name: 'Folders' })
    // Brand holds only files: no expander.
    expect(await tree.getByRole('treeitem', { name: 'Brand' }).getAttribute('aria-expanded')).toBeNull()
    await tree.getByRole('treeitem', { name: 'Brand' }).focus()
    await page.keyboard.press('Shift+F10')
    const menu = page.getByRole('menu', { name: 'Actions for Brand' })
    await menu.waitFor()
    expect(await menu.getByRole('menuitem').allTextContents()).toContain('Share…')
    await screenshot(page, 'tree-menu')
    await menu.getByRole('menuitem', { name: 'Share…' }).click()
    await page.getByRole('dialog', { name: /Share/ }).waitFor()
    await page.keyboard.press('Escape')

    const grid = page.getByRole('listbox', { name: 'Contents of Home' })
    await grid.getByRole('option', { name: 'photo-3.png' }).click()
    await page.keyboard.press('Delete')
    await expect.poll(() => grid.getByRole('option', { name: 'photo-3.png' }).count()).toBe(0)
    await page.getByRole('button', { name: /^Undo/ }).click()
    await grid.getByRole('option', { name: 'photo-3.png' }).waitFor()
    expect(app.pageErrors).toEqual([])
  })
})

import type { Locator, Page } from 'playwright-core'

/** The image tools and the jobs panel as a person uses them: by role and visible text. */
export class MediaDialogs {
  constructor(readonly page: Page) {}

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name })
  }

  get editor(): Locator {
    return this.dialog('Edit image')
  }

  get jobsPanel(): Locator {
    return this.dialog('Jobs and downloads')
  }

  /** Right-click → the menu item, and waits for the dialog that opens (and its controls, once the file has come). */
  async openFromMenu(tile: Locator, item: string, dialog: string, ready: string): Promise<Locator> {
    await tile.click({ button: 'right' })
    await this.page.getByRole('menu').getByRole('menuitem', { name: item }).click()
    const opened = this.dialog(dialog)
    await opened.getByRole('button', { name: ready }).first().waitFor()
    return opened
  }

  /** Resolves once the preview on the editor's stage has real pixels. */
  async previewLoaded(dialog: Locator): Promise<void> {
    const img = dialog.locator('img').first()
    await img.waitFor()
    await this.page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle())
  }

  /** The natural size of a tile's thumbnail once it has loaded (a new version brings a new one). */
  async thumbnailSize(tile: Locator): Promise<{ width: number; height: number }> {
    const img = tile.locator('img')
    await img.waitFor()
    await this.page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle())
    return img.evaluate((el) => ({ width: (el as HTMLImageElement).naturalWidth, height: (el as HTMLImageElement).naturalHeight }))
  }

  cropArea(dialog: Locator = this.editor): Locator {
    return dialog.getByRole('group', { name: 'Crop area' })
  }

  /** Drags with the mouse from one point of an element to another, both as fractions of its box. */
  async drag(target: Locator, from: [number, number], to: [number, number]): Promise<void> {
    const box = (await target.boundingBox())!
    await this.page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1])
    await this.page.mouse.down()
    await this.page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 8 })
    await this.page.mouse.up()
  }

  async closeWith(dialog: Locator, button: string): Promise<void> {
    await dialog.getByRole('button', { name: button, exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
  }
}

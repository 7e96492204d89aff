import type { Locator, Page } from 'playwright-core'

/** The main screen as a person uses it: by role and visible text, never by CSS structure. */
export class LibraryPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await this.page.getByRole('tree', { name: 'Folders' }).or(this.page.getByRole('heading', { name: /Nothing has been shared/ })).first().waitFor()
  }

  /** The top bar's user button names who acts. */
  actingAs(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Acting as ${name},`) })
  }

  get grid(): Locator {
    return this.page.getByRole('listbox', { name: /^Contents of / })
  }

  tile(name: string): Locator {
    return this.grid.getByRole('option', { name, exact: true })
  }

  treeItem(name: string): Locator {
    return this.page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name, exact: true })
  }

  emptyState(title: string | RegExp): Locator {
    return this.page.getByRole('heading', { name: title })
  }

  get currentCrumb(): Locator {
    return this.page.getByRole('navigation', { name: 'Breadcrumb' }).locator('[aria-current="page"]')
  }

  async createFolder(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New folder' }).first().click()
    const dialog = this.page.getByRole('dialog', { name: 'New folder' })
    await dialog.getByLabel('Name').fill(name)
    await dialog.getByRole('button', { name: 'Create' }).click()
    await dialog.waitFor({ state: 'detached' })
  }

  async openFolder(name: string): Promise<void> {
    await this.tile(name).dblclick()
    await this.currentCrumb.filter({ hasText: name }).waitFor()
  }

  async upload(files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles(files)
  }

  /** Resolves once the tile's thumbnail has loaded real pixels. */
  async thumbnailWidth(name: string): Promise<number> {
    const img = this.tile(name).locator('img')
    await img.waitFor()
    await this.page.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle())
    return img.evaluate((el) => (el as HTMLImageElement).naturalWidth)
  }
}

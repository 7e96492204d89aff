import { ADMIN } from '../../support/tempLibrary.js'
import { ADMIN_PASSWORD } from '../app.js'
import type { Locator, Page } from 'playwright-core'

/** The main screen as a person uses it: by role and visible text, never by CSS structure. */
export class LibraryPage {
  constructor(readonly page: Page) {}

  /** Opens the app and signs Ada in (a library with other people in it asks her for her password). */
  async open(url: string): Promise<void> {
    await this.page.goto(url)
    const signIn = this.page.getByRole('form', { name: 'Sign in to Trove' })
    const library = this.page.getByRole('tree', { name: 'Folders' }).or(this.page.getByRole('heading', { name: /Nothing has been shared/ })).first()
    await signIn.or(library).first().waitFor()
    if (await signIn.isVisible()) {
      await signIn.getByLabel('Email').fill(ADMIN.email)
      await signIn.getByLabel('Password').fill(ADMIN_PASSWORD)
      await signIn.getByRole('button', { name: 'Sign in' }).click()
    }
    await library.waitFor()
  }

  /** The top bar's user button names who acts. */
  actingAs(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Acting as ${name},`) })
  }

  get grid(): Locator {
    return this.page.getByRole('listbox', { name: /^(Contents of|Search results for) / })
  }

  /** The list view: a grid of rows with sortable column headers. */
  get list(): Locator {
    return this.page.getByRole('grid', { name: /^(Contents of|Search results for) / })
  }

  row(name: string): Locator {
    return this.list.getByRole('row', { name: new RegExp(`^${escape(name)}\\b`) })
  }

  async showAs(view: 'Grid' | 'List'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: view }).click()
  }

  /** Right-clicks an item and returns the menu that opens, for its offered actions. */
  async contextMenu(name: string): Promise<Locator> {
    await this.tile(name).click({ button: 'right' })
    const menu = this.page.getByRole('menu')
    await menu.waitFor()
    return menu
  }

  async menuItems(menu: Locator): Promise<string[]> {
    return (await menu.getByRole('menuitem').allTextContents()).map((t) => t.replace(/(Enter|F2|Del)$/, '').trim())
  }

  get details(): Locator {
    return this.page.getByRole('complementary', { name: 'Details' })
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search the library' }).fill(text)
    await this.page.getByRole('heading', { name: `Results for “${text}”` }).waitFor()
  }

  async clearSearch(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear search' }).click()
  }

  async addTag(tag: string): Promise<void> {
    await this.details.getByRole('textbox', { name: 'New tag' }).fill(tag)
    await this.details.getByRole('button', { name: 'Add', exact: true }).click()
    await this.details.getByRole('list', { name: 'Tags' }).getByText(tag, { exact: true }).waitFor()
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
    await this.page.getByLabel('Upload files', { exact: true }).setInputFiles(files)
  }

  /** Resolves once the tile's thumbnail has loaded real pixels. */
  async thumbnailWidth(name: string): Promise<number> {
    const img = this.tile(name).locator('img')
    await img.waitFor()
    await this.page.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle())
    return img.evaluate((el) => (el as HTMLImageElement).naturalWidth)
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

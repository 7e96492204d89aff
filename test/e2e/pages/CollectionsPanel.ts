import type { Locator, Page } from 'playwright-core'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The "Media collections" part of the sidebar, as a person uses it: by role and visible text. */
export class CollectionsPanel {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Media collections' })
  }

  /** The button that opens a collection; its name is the collection's and its count. */
  row(name: string): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^${escape(name)}, \\d+ items?$`) })
  }

  async open(name: string): Promise<void> {
    await this.row(name).click()
    await this.page.getByRole('listbox', { name: `Contents of ${name}` }).or(this.page.getByRole('heading', { name: `“${name}” is empty` })).first().waitFor()
  }

  /** Opens the collection's menu and returns it. */
  async menu(name: string): Promise<Locator> {
    await this.region.getByRole('button', { name: `Actions for ${name}` }).click()
    const menu = this.page.getByRole('menu', { name: `Actions for ${name}` })
    await menu.waitFor()
    return menu
  }

  async menuItems(name: string): Promise<string[]> {
    const menu = await this.menu(name)
    const items = await menu.getByRole('menuitem').allTextContents()
    await this.page.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })
    return items
  }

  async choose(name: string, action: string): Promise<void> {
    const menu = await this.menu(name)
    await menu.getByRole('menuitem', { name: action }).click()
  }

  get createDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'New media collection' })
  }

  async startCreating(name: string): Promise<void> {
    await this.region.getByRole('button', { name: 'New media collection' }).click()
    await this.createDialog.getByLabel('Name').fill(name)
  }

  async rename(from: string, to: string): Promise<Locator> {
    await this.choose(from, 'Rename')
    const dialog = this.page.getByRole('dialog', { name: 'Rename media collection' })
    await dialog.getByLabel('Name').fill(to)
    return dialog
  }
}

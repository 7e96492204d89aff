import type { Locator, Page } from 'playwright-core'

/** The acting-user menu in the top bar and the view-as banner it leads to. */
export class UserSwitcher {
  constructor(readonly page: Page) {}

  get button(): Locator {
    return this.page.getByRole('button', { name: /^Acting as / })
  }

  get panel(): Locator {
    return this.page.getByRole('dialog', { name: 'Switch user' })
  }

  get banner(): Locator {
    return this.page.getByRole('region', { name: 'View as' })
  }

  async openPanel(): Promise<void> {
    // An open panel is a modal dialog: the page beneath, its button included, is hidden from the accessibility tree.
    if (!(await this.panel.isVisible())) await this.button.click()
    await this.panel.waitFor()
  }

  /** Anyone but an admin gives the password of whoever they switch to (docs/accounts.md). */
  async switchTo(name: string, password?: string): Promise<void> {
    await this.openPanel()
    await this.panel.getByRole('button', { name: `Switch to ${name}` }).click()
    if (password !== undefined) {
      const dialog = this.page.getByRole('dialog', { name: `Switch to ${name}` })
      await dialog.getByLabel(`${name}'s password`).fill(password)
      await dialog.getByRole('button', { name: 'Switch' }).click()
    }
    await this.page.getByRole('button', { name: new RegExp(`^Acting as ${name},`) }).waitFor()
  }

  async viewAs(name: string): Promise<void> {
    await this.openPanel()
    await this.panel.getByRole('button', { name: `View as ${name}` }).click()
    await this.banner.waitFor()
  }

  async returnToSelf(): Promise<void> {
    await this.banner.getByRole('button', { name: /^Return to / }).click()
    await this.banner.waitFor({ state: 'detached' })
  }
}

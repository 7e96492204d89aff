import type { Locator, Page } from 'playwright-core'

/** The share dialog's "Users & user groups" tab and its other tab. */
export class ShareDialogPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Share / })
  }

  /** Picks one user or group by searching for it, chooses a level and shares. */
  async grant(subject: string, level: 'Can view' | 'Can contribute' | 'Can manage'): Promise<void> {
    const search = this.dialog.getByRole('searchbox', { name: 'Search users and user groups' })
    await search.fill(subject)
    await this.dialog.getByRole('checkbox', { name: new RegExp(`^${subject}\\b`) }).check()
    await this.dialog.getByRole('combobox', { name: 'Level', exact: true }).selectOption({ label: level })
    await this.dialog.getByRole('button', { name: 'Share', exact: true }).click()
    await this.levelOf(subject).waitFor()
  }

  levelOf(subject: string): Locator {
    return this.dialog.getByRole('combobox', { name: `Level for ${subject}` })
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click()
    await this.dialog.waitFor({ state: 'detached' })
  }
}

/** "Add to media collections", as opened from the context menu on a selection. */
export class AddToCollectionsPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add to media collections' })
  }

  async choose(name: string): Promise<void> {
    await this.dialog.getByRole('checkbox', { name: new RegExp(`^${name}\\b`) }).check()
  }

  async submit(): Promise<string> {
    await this.dialog.getByRole('button', { name: /^Add to / }).click()
    // No second dialog: it closes and a notice says what happened.
    await this.dialog.waitFor({ state: 'detached' })
    const notice = this.page.getByRole('region', { name: 'Notifications' }).getByRole('status').last().locator('p')
    return (await notice.textContent()) ?? ''
  }
}

import type { Locator, Page } from 'playwright-core'

/** The administration screen: users, groups and metadata fields, as an admin uses them. */
export class AdminPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Administration' }).click()
    await this.page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor()
  }

  async backToLibrary(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library' }).click()
  }

  async tab(name: 'Users' | 'User groups' | 'Metadata fields'): Promise<void> {
    await this.page.getByRole('tab', { name }).click()
  }

  userRow(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) })
  }

  async createUser(user: { name: string; email: string; role: string; password?: string }): Promise<void> {
    await this.tab('Users')
    await this.page.getByRole('button', { name: 'New user' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'New user' })
    await dialog.getByLabel('Name').fill(user.name)
    await dialog.getByLabel('Email').fill(user.email)
    await dialog.getByLabel('Role').selectOption({ label: user.role })
    if (user.password) await dialog.getByLabel('Password (optional)').fill(user.password)
    await dialog.getByRole('button', { name: 'Create user' }).click()
    await dialog.waitFor({ state: 'detached' })
    await this.userRow(user.name).waitFor()
  }

  async createGroup(name: string): Promise<void> {
    await this.tab('User groups')
    await this.page.getByLabel('New group').fill(name)
    await this.page.getByRole('button', { name: 'Create group' }).click()
    await this.group(name).waitFor()
  }

  group(name: string): Locator {
    return this.page.getByRole('region', { name: `Group ${name}` })
  }

  async addMember(group: string, userLabel: string): Promise<void> {
    await this.page.getByRole('list', { name: 'Groups' }).getByRole('button', { name: new RegExp(`^${group}`) }).click()
    const panel = this.group(group)
    await panel.getByRole('checkbox', { name: userLabel }).check()
    await panel.getByRole('button', { name: 'Add member', exact: true }).click()
    await panel.getByRole('list', { name: `Members of ${group}` }).waitFor()
  }

  async defineField(name: string, type: string, options: string[] = []): Promise<void> {
    await this.tab('Metadata fields')
    const form = this.page.getByRole('form', { name: 'New field' })
    await form.getByLabel('Field name').fill(name)
    await form.getByLabel('Type').selectOption({ label: type })
    if (options.length > 0) await form.getByLabel('Options').fill(options.join('\n'))
    await form.getByRole('button', { name: 'Define field' }).click()
    await this.page.getByRole('cell', { name, exact: true }).waitFor()
  }
}

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { ADA, RITA, folder, sessionOf } from '../support/views.js'
import { openWorkspace } from '../support/workspace.js'
import { MIA, openAdmin } from './fixtures.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const row = (name: string) => screen.getAllByRole('row').find((r) => within(r).queryByText(name, { exact: true }))!

describe('administration: users', () => {
  it('is there for admins only', async () => {
    await openWorkspace(sessionOf(RITA), [folder('h', 'Home', null)], [])
    expect(screen.queryByRole('button', { name: 'Administration' })).toBeNull()
  })

  it('is not offered while an admin views as a restricted user', async () => {
    await openWorkspace(sessionOf(RITA, ADA), [folder('h', 'Home', null)], [])
    expect(screen.getByRole('region', { name: 'View as' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Administration' })).toBeNull()
  })

  it('lists everyone with role, password and groups', async () => {
    await openAdmin('Users')
    await screen.findByText('mia@example.com')
    expect(within(row('Mia')).getByRole('combobox', { name: 'Role of Mia' })).toHaveValue('restricted')
    expect(row('Mia')).toHaveTextContent('Design')
    expect(row('Dan')).toHaveTextContent('Set')
    // No one deletes the account they act with.
    expect(within(row('Ada')).queryByRole('button', { name: 'Delete Ada' })).toBeNull()
  })

  it('creates a user, showing main’s reasons under the fields they are about', async () => {
    const { user, api } = await openAdmin('Users')
    await user.click(await screen.findByRole('button', { name: 'New user' }))
    const dialog = screen.getByRole('dialog', { name: 'New user' })
    await user.type(within(dialog).getByLabelText('Name'), 'Sam')
    await user.type(within(dialog).getByLabelText('Email'), 'mia@example.com')
    await user.type(within(dialog).getByLabelText('Password (optional)'), 'short')
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Password must be at least 8 characters.')
    expect(within(dialog).getByLabelText('Password (optional)')).toHaveAttribute('aria-invalid', 'true')

    await user.type(within(dialog).getByLabelText('Password (optional)'), ' and longer')
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Another user already has the email mia@example.com.')
    expect(within(dialog).getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true')

    await user.clear(within(dialog).getByLabelText('Email'))
    await user.type(within(dialog).getByLabelText('Email'), 'sam@example.com')
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Full access')
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(row('Sam')).toHaveTextContent('sam@example.com')
    expect(api.callsTo('users.create').at(-1)).toEqual({ name: 'Sam', email: 'sam@example.com', role: 'fullAccess', password: 'short and longer' })
  })

  it('warns that leaving the restricted role removes group memberships, and changes the role only when confirmed', async () => {
    const { user, api } = await openAdmin('Users')
    await screen.findByText('mia@example.com')
    await user.selectOptions(within(row('Mia')).getByRole('combobox', { name: 'Role of Mia' }), 'Full access')
    const dialog = screen.getByRole('alertdialog', { name: 'Change Mia’s role?' })
    expect(within(dialog).getByRole('note')).toHaveTextContent('Leaving the restricted role removes Mia from the group Design.')
    expect(within(dialog).getByRole('note')).toHaveTextContent('their group memberships do not')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(api.callsTo('users.update')).toEqual([])
    expect(within(row('Mia')).getByRole('combobox', { name: 'Role of Mia' })).toHaveValue('restricted')

    await user.selectOptions(within(row('Mia')).getByRole('combobox', { name: 'Role of Mia' }), 'Full access')
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Change role' }))
    await waitFor(() => expect(within(row('Mia')).getByRole('combobox', { name: 'Role of Mia' })).toHaveValue('fullAccess'))
    expect(api.callsTo('users.update')).toEqual([{ userId: MIA.id, role: 'fullAccess' }])
    expect(row('Mia')).not.toHaveTextContent('Design')
  })

  it('gives no group warning for a role change that keeps memberships', async () => {
    const { user } = await openAdmin('Users')
    await screen.findByText('dan@example.com')
    await user.selectOptions(within(row('Dan')).getByRole('combobox', { name: 'Role of Dan' }), 'Restricted')
    const dialog = screen.getByRole('alertdialog', { name: 'Change Dan’s role?' })
    expect(within(dialog).queryByRole('note')).toBeNull()
    expect(dialog).toHaveTextContent('will see only what is shared with them')
  })

  it('sets and removes a password', async () => {
    const { user, api } = await openAdmin('Users')
    await screen.findByText('dan@example.com')
    await user.click(within(row('Dan')).getByRole('button', { name: 'Password of Dan' }))
    let dialog = screen.getByRole('dialog', { name: 'Password of Dan' })
    await user.click(within(dialog).getByRole('button', { name: 'Remove password' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(row('Dan')).toHaveTextContent('None')

    await user.click(within(row('Dan')).getByRole('button', { name: 'Password of Dan' }))
    dialog = screen.getByRole('dialog', { name: 'Password of Dan' })
    expect(within(dialog).queryByRole('button', { name: 'Remove password' })).toBeNull()
    await user.type(within(dialog).getByLabelText('New password'), 'correct horse')
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.callsTo('users.update')).toEqual([
      { userId: 'u-dan', password: null },
      { userId: 'u-dan', password: 'correct horse' },
    ])
  })

  it('deletes a user after a confirmation that says what goes and what stays', async () => {
    const { user, api } = await openAdmin('Users')
    await screen.findByText('rita@example.com')
    await user.click(within(row('Rita')).getByRole('button', { name: 'Delete Rita' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Rita?' })
    expect(dialog).toHaveTextContent('Their shares and group memberships are removed; what they created stays in the library.')
    expect(dialog).toHaveTextContent('Smart collections they shared with others pass to you, so those people keep them; the ones they kept to themselves are deleted.')
    await user.click(within(dialog).getByRole('button', { name: 'Delete user' }))
    await waitFor(() => expect(screen.queryByText('rita@example.com')).toBeNull())
    expect(api.callsTo('users.delete')).toEqual([{ userId: RITA.id }])
    expect(screen.getByText(ADA.email)).toBeInTheDocument()
  })
})

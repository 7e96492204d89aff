// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { RITA } from '../support/views.js'
import { MIA, openAdmin } from './fixtures.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const groupList = () => screen.getByRole('list', { name: 'Groups' })
const panel = (name: string) => screen.getByRole('region', { name: `Group ${name}` })

describe('administration: user groups', () => {
  it('creates a group, and shows a taken name under the field', async () => {
    const { user, api } = await openAdmin('User groups')
    await user.type(await screen.findByLabelText('New group'), 'design')
    await user.click(screen.getByRole('button', { name: 'Create group' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('A group named "design" already exists.')
    expect(screen.getByLabelText('New group')).toHaveAttribute('aria-invalid', 'true')
    await user.clear(screen.getByLabelText('New group'))
    await user.type(screen.getByLabelText('New group'), 'Sales')
    await user.click(screen.getByRole('button', { name: 'Create group' }))
    expect(await within(groupList()).findByRole('button', { name: /^Sales/ })).toHaveAttribute('aria-current', 'true')
    expect(panel('Sales')).toBeInTheDocument()
    expect(api.callsTo('groups.create')).toEqual([{ name: 'design' }, { name: 'Sales' }])
  })

  it('renames a group', async () => {
    const { user, api } = await openAdmin('User groups')
    const name = within(await screen.findByRole('region', { name: 'Group Design' })).getByLabelText('Group name')
    await user.clear(name)
    await user.type(name, 'Design team')
    await user.click(within(panel('Design')).getByRole('button', { name: 'Rename' }))
    expect(await screen.findByRole('region', { name: 'Group Design team' })).toBeInTheDocument()
    expect(api.callsTo('groups.rename')).toEqual([{ groupId: 'g-design', name: 'Design team' }])
  })

  it('adds and removes members, offering only restricted users who are not members yet', async () => {
    const { user, api } = await openAdmin('User groups')
    const design = await screen.findByRole('region', { name: 'Group Design' })
    expect(within(within(design).getByRole('list', { name: 'Members of Design' })).getAllByRole('listitem').map((m) => m.textContent)).toEqual([expect.stringContaining('Mia')])
    const choices = within(within(design).getByRole('list', { name: 'Restricted users to add' })).getAllByRole('checkbox')
    expect(choices.map((c) => c.getAttribute('aria-label'))).toEqual(['Rita, rita@example.com'])
    await user.click(within(design).getByRole('checkbox', { name: 'Rita, rita@example.com' }))
    await user.click(within(design).getByRole('button', { name: 'Add member' }))
    await within(design).findByRole('button', { name: 'Remove Rita from Design' })
    await user.click(within(design).getByRole('button', { name: 'Remove Mia from Design' }))
    await waitFor(() => expect(within(design).queryByRole('button', { name: 'Remove Mia from Design' })).toBeNull())
    expect(api.callsTo('groups.addMembers')).toEqual([{ groupId: 'g-design', userIds: [RITA.id] }])
    expect(api.callsTo('groups.removeMembers')).toEqual([{ groupId: 'g-design', userIds: [MIA.id] }])
  })

  it('adds several members at once, found by search, and shows what is shared with the group', async () => {
    const { user, api } = await openAdmin('User groups', ['Nora', 'Noel', 'Otto'])
    const design = await screen.findByRole('region', { name: 'Group Design' })
    const shared = within(design).getByRole('region', { name: 'Shared with Design' })
    await waitFor(() => expect(within(shared).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Folder/BrandCan contribute', 'CollectionPress kitCan view']))
    await user.type(within(design).getByRole('searchbox', { name: 'Search restricted users' }), 'no')
    expect(within(design).getAllByRole('checkbox').map((c) => c.getAttribute('aria-label'))).toEqual(['Nora, nora@example.com', 'Noel, noel@example.com'])
    await user.click(within(design).getByRole('button', { name: 'Select all shown' }))
    await user.click(within(design).getByRole('button', { name: 'Add 2 members' }))
    await within(design).findByRole('button', { name: 'Remove Noel from Design' })
    expect(api.callsTo('groups.addMembers')).toEqual([{ groupId: 'g-design', userIds: ['u-nora', 'u-noel'] }])
    // One call for all of them, and the search starts over.
    expect(within(design).getByRole('searchbox', { name: 'Search restricted users' })).toHaveValue('')
    expect(within(design).getAllByRole('checkbox').map((c) => c.getAttribute('aria-label'))).toEqual(['Rita, rita@example.com', 'Otto, otto@example.com'])
  })

  it('deletes a group after a confirmation that says members lose what was shared with it', async () => {
    const { user, api } = await openAdmin('User groups')
    await user.click(within(await screen.findByRole('region', { name: 'Group Design' })).getByRole('button', { name: 'Delete group…' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the group Design?' })
    expect(dialog).toHaveTextContent('Its member loses access to whatever was shared with the group, unless it was also shared with them directly.')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(api.callsTo('groups.delete')).toEqual([])
    await user.click(within(panel('Design')).getByRole('button', { name: 'Delete group…' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete group' }))
    expect(await screen.findByText('No groups yet.')).toBeInTheDocument()
    expect(api.callsTo('groups.delete')).toEqual([{ groupId: 'g-design' }])
  })
})

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import { DialogHost } from '../../../renderer/components/dialogs/DialogHost.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { mockApi } from '../support/mockApi.js'
import { ADA, RITA } from '../support/views.js'
import { collection, signedIn } from './fixtures.js'

const BRAND = collection('c-brand', 'Brand assets', 'manage', 3)
const PRESS = collection('c-press', 'Press kit', 'manage', 1)

afterEach(() => {
  cleanup()
  resetStore()
})

function openCreate() {
  signedIn(ADA, { collections: [BRAND, PRESS] })
  useTrove.getState().openDialog({ kind: 'createCollection' })
  render(<DialogHost />)
  return screen.getByRole('dialog', { name: 'New media collection' })
}

describe('Create and rename a media collection', () => {
  it('creates with the trimmed name on Enter, then opens the new collection', async () => {
    const user = userEvent.setup()
    const created = collection('c-new', 'Campaign 2025', 'manage')
    const api = mockApi({ 'collections.create': () => created, 'collections.assets': () => [] })
    const dialog = openCreate()
    const name = within(dialog).getByLabelText('Name')
    expect(name).toHaveFocus()
    await user.type(name, '  Campaign 2025 {Enter}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.callsTo('collections.create')).toEqual([{ name: 'Campaign 2025' }])
    expect(useTrove.getState().collections.map((c) => c.name)).toEqual(['Brand assets', 'Campaign 2025', 'Press kit'])
    await waitFor(() => expect(useTrove.getState().collectionScope).toEqual({ collectionId: 'c-new', folderIds: [] }))
  })

  it('says an empty name needs filling once the person submits, and sends nothing', async () => {
    const user = userEvent.setup()
    const api = mockApi({})
    const dialog = openCreate()
    expect(within(dialog).queryByRole('alert')).toBeNull()
    await user.keyboard('{Enter}')
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Enter a name for the collection.')
    expect(within(dialog).getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true')
    await user.click(within(dialog).getByRole('button', { name: 'Create' }))
    expect(api.calls).toEqual([])
  })

  it('says a name over 255 characters is too long as it is typed, and sends nothing', async () => {
    const user = userEvent.setup()
    const api = mockApi({})
    const dialog = openCreate()
    const name = within(dialog).getByLabelText('Name')
    await user.click(name)
    await user.paste('x'.repeat(255))
    expect(within(dialog).queryByRole('alert')).toBeNull()
    await user.type(name, 'y')
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A name can have at most 255 characters; this one has 256.')
    await user.keyboard('{Enter}')
    expect(api.calls).toEqual([])
  })

  it('catches a duplicate it knows of, whatever the case, before sending', async () => {
    const user = userEvent.setup()
    const api = mockApi({})
    const dialog = openCreate()
    await user.type(within(dialog).getByLabelText('Name'), 'brand ASSETS{Enter}')
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A collection named "Brand assets" already exists.')
    expect(api.calls).toEqual([])
  })

  it('shows main’s CONFLICT under the field for a name taken by a collection this user cannot see', async () => {
    const user = userEvent.setup()
    mockApi({
      'collections.create': () => {
        throw new AppError('CONFLICT', 'A collection named "Secret" already exists.', { field: 'name' })
      },
    })
    const dialog = openCreate()
    await user.type(within(dialog).getByLabelText('Name'), 'Secret{Enter}')
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('A collection named "Secret" already exists.')
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    // Typing again clears main's answer: it was about the old name.
    await user.type(within(dialog).getByLabelText('Name'), ' 2')
    expect(within(dialog).queryByRole('alert')).toBeNull()
  })

  it('keeps focus inside, and Escape closes without sending', async () => {
    const user = userEvent.setup()
    const api = mockApi({})
    const dialog = openCreate()
    const name = within(dialog).getByLabelText('Name')
    await user.tab()
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.tab()
    expect(within(dialog).getByRole('button', { name: 'Create' })).toHaveFocus()
    await user.tab()
    expect(name).toHaveFocus()
    await user.tab({ shift: true })
    expect(within(dialog).getByRole('button', { name: 'Create' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.calls).toEqual([])
  })

  it('renames with the collection id and the new name, starting from the current one', async () => {
    const user = userEvent.setup()
    const api = mockApi({ 'collections.rename': ({ collectionId, name }) => ({ ...BRAND, id: collectionId, name }) })
    signedIn(RITA, { collections: [BRAND, PRESS] })
    useTrove.getState().openDialog({ kind: 'renameCollection', collectionId: 'c-brand' })
    render(<DialogHost />)
    const dialog = screen.getByRole('dialog', { name: 'Rename media collection' })
    const name = within(dialog).getByLabelText('Name')
    expect(name).toHaveValue('Brand assets')
    // Its own name is not a duplicate of itself.
    expect(within(dialog).queryByRole('alert')).toBeNull()
    await user.clear(name)
    await user.type(name, 'Brand assets 2025{Enter}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.callsTo('collections.rename')).toEqual([{ collectionId: 'c-brand', name: 'Brand assets 2025' }])
    expect(useTrove.getState().collections.find((c) => c.id === 'c-brand')?.name).toBe('Brand assets 2025')
  })

  it('refuses to rename onto another collection’s name', async () => {
    const user = userEvent.setup()
    const api = mockApi({})
    signedIn(ADA, { collections: [BRAND, PRESS] })
    useTrove.getState().openDialog({ kind: 'renameCollection', collectionId: 'c-brand' })
    render(<DialogHost />)
    const name = screen.getByLabelText('Name')
    await user.clear(name)
    await user.type(name, 'press kit')
    expect(screen.getByRole('alert')).toHaveTextContent('A collection named "Press kit" already exists.')
    await user.keyboard('{Enter}')
    expect(api.calls).toEqual([])
  })
})

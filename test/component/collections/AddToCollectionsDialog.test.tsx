// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { CollectionView } from '../../../shared/views.js'
import { AppError } from '../../../shared/errors.js'
import { DialogHost } from '../../../renderer/components/dialogs/DialogHost.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { mockApi, type Handlers } from '../support/mockApi.js'
import { ADA, RITA, file, folder } from '../support/views.js'
import { collection, manyFiles, signedIn } from './fixtures.js'

const BRAND = collection('c-brand', 'Brand assets', 'manage', 3)
const CAMPAIGN = collection('c-camp', 'Campaign 2025', 'contribute', 0)
const PRESS = collection('c-press', 'Press kit', 'view', 7)
const HOME = folder('h', 'Home', null)
const LOGOS = folder('l', 'Logos', 'h', { level: 'contribute', access: 'grant' })
const LOGO = file('logo', 'logo.png', 'l', { level: 'contribute', access: 'grant' })
const GUIDE = file('guide', 'guide.pdf', 'h', { level: 'view', access: 'grant' })
const SEEN = file('seen', 'seen.jpg', 'h', { level: 'view', access: 'collection' })

afterEach(() => {
  cleanup()
  resetStore()
})

function open(assetIds: string[], handlers: Partial<Handlers> = {}, collections: CollectionView[] = [BRAND, CAMPAIGN, PRESS]) {
  const api = mockApi({ 'collections.list': () => collections, ...handlers })
  signedIn(RITA, { assets: [HOME, LOGOS, LOGO, GUIDE, SEEN, ...manyFiles(101)], collections })
  useTrove.getState().openDialog({ kind: 'addToCollections', assetIds })
  render(<DialogHost />)
  return { api, dialog: screen.getByRole('dialog', { name: 'Add to media collections' }) }
}

const list = (dialog: HTMLElement) => within(dialog).getByRole('list', { name: 'Media collections you can add to' })

describe('Add to media collections', () => {
  it('lists only the collections this user can contribute to, says the limits, and starts in the search field', async () => {
    const { dialog } = open(['logo'])
    expect(within(list(dialog)).getAllByRole('checkbox').map((c) => c.getAttribute('aria-label'))).toEqual(['Brand assets, 3 items', 'Campaign 2025, 0 items'])
    // View only on Press kit: adding needs contribute (the collection table, docs/permissions.md).
    expect(within(dialog).queryByText('Press kit')).toBeNull()
    expect(within(dialog).getByText('You can add up to 100 assets to up to 100 collections at once.')).toBeInTheDocument()
    expect(within(dialog).getByRole('searchbox', { name: 'Search collections' })).toHaveFocus()
    expect(within(dialog).getByText(/Adding “logo.png”/)).toBeInTheDocument()
  })

  it('searches, adds to several collections with the exact ids, and says what happened', async () => {
    const user = userEvent.setup()
    const { api, dialog } = open(['logo', 'l'], { 'collections.addAssets': () => ({ added: 3, alreadyThere: 1, addedPairs: [] }) })
    const submit = within(dialog).getByRole('button', { name: 'Add to collection' })
    expect(submit).toBeDisabled()

    await user.type(within(dialog).getByRole('searchbox'), 'camp')
    expect(within(list(dialog)).getAllByRole('checkbox')).toHaveLength(1)
    await user.click(within(dialog).getByRole('checkbox', { name: /Campaign 2025/ }))
    await user.clear(within(dialog).getByRole('searchbox'))
    await user.type(within(dialog).getByRole('searchbox'), 'zzz')
    expect(within(dialog).getByText('No collection matches “zzz”.')).toBeInTheDocument()
    await user.clear(within(dialog).getByRole('searchbox'))
    await user.click(within(dialog).getByRole('checkbox', { name: /Brand assets/ }))
    expect(within(dialog).getByText('2 collections chosen')).toBeInTheDocument()

    await user.click(within(dialog).getByRole('button', { name: 'Add to 2 collections' }))
    // No second dialog: it closes, and a notice says what happened.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(useTrove.getState().notices.map((n) => [n.message, n.undoable])).toEqual([['Added 2 items to “Campaign 2025” and “Brand assets”. One was already there.', false]])
    expect(api.callsTo('collections.addAssets')).toEqual([{ collectionIds: ['c-camp', 'c-brand'], assetIds: ['logo', 'l'] }])
    // Counts in the sidebar come back from main.
    expect(api.callsTo('collections.list').length).toBeGreaterThanOrEqual(2)
  })

  it('names each asset that cannot be added with the reason, and sends only the others', async () => {
    const user = userEvent.setup()
    const { api, dialog } = open(['logo', 'guide', 'seen', 'h'], { 'collections.addAssets': () => ({ added: 1, alreadyThere: 0, addedPairs: [] }) })
    const refused = within(dialog).getByRole('group', { name: 'Cannot be added' })
    expect(within(refused).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'guide.pdf: Adding needs contribute access; you have view access.',
      'seen.jpg: Adding needs contribute access; you see it only through a collection.',
      'Home: Home cannot be added to a collection: that would share the whole library.',
    ])
    await user.click(within(dialog).getByRole('checkbox', { name: /Brand assets/ }))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.callsTo('collections.addAssets')).toEqual([{ collectionIds: ['c-brand'], assetIds: ['logo'] }])
  })

  it('offers nothing to send when no selected asset can be added', async () => {
    const user = userEvent.setup()
    const { api, dialog } = open(['guide'])
    await user.click(within(dialog).getByRole('checkbox', { name: /Brand assets/ }))
    expect(within(dialog).getByRole('button', { name: 'Add to collection' })).toBeDisabled()
    await user.keyboard('{Enter}')
    expect(api.callsTo('collections.addAssets')).toEqual([])
  })

  it('refuses more than 100 assets before sending', async () => {
    const user = userEvent.setup()
    const ids = manyFiles(101).map((f) => f.id)
    const { api, dialog } = open(ids)
    await user.click(within(dialog).getByRole('checkbox', { name: /Brand assets/ }))
    expect(within(dialog).getByRole('alert')).toHaveTextContent('101 assets are selected; at most 100 can be added at once.')
    expect(within(dialog).getByRole('button', { name: 'Add to collection' })).toBeDisabled()
    await user.keyboard('{Enter}')
    expect(api.callsTo('collections.addAssets')).toEqual([])
  })

  it('refuses more than 100 collections before sending', async () => {
    const user = userEvent.setup()
    const many = Array.from({ length: 101 }, (_, i) => collection(`c${i}`, `Collection ${String(i).padStart(3, '0')}`, 'contribute'))
    const { api, dialog } = open(['logo'], {}, many)
    // One by one as a person would, without typing delays: 101 clicks.
    for (const box of within(list(dialog)).getAllByRole('checkbox')) fireEvent.click(box)
    expect(within(dialog).getByRole('alert')).toHaveTextContent('101 collections are chosen; assets can be added to at most 100 at once.')
    expect(within(dialog).getByRole('button', { name: 'Add to 101 collections' })).toBeDisabled()
    await user.click(within(list(dialog)).getAllByRole('checkbox')[0])
    expect(within(dialog).queryByRole('alert')).toBeNull()
    expect(api.callsTo('collections.addAssets')).toEqual([])
  })

  it('shows main’s LIMIT_EXCEEDED and FORBIDDEN refusals when they come anyway', async () => {
    const user = userEvent.setup()
    let answer = new AppError('LIMIT_EXCEEDED', 'At most 100 assets can be added at once; this request has 120.', { limit: 100, count: 120 })
    const { dialog } = open(['logo'], {
      'collections.addAssets': () => {
        throw answer
      },
    })
    await user.click(within(dialog).getByRole('checkbox', { name: /Brand assets/ }))
    await user.keyboard('{Enter}')
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Too many at once. At most 100 assets can be added at once; this request has 120.')
    answer = new AppError('FORBIDDEN', 'You cannot add assets to the collection "Brand assets": that needs contribute access and you have view.')
    await user.click(within(dialog).getByRole('button', { name: 'Add to collection' }))
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('Not allowed. You cannot add assets to the collection "Brand assets"'))
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })

  it('creates a new collection inside the dialog (Enter there creates, not submits) and chooses it', async () => {
    const user = userEvent.setup()
    const created = collection('c-new', 'Spring launch', 'manage')
    const { api, dialog } = open(['logo'], { 'collections.create': () => created, 'collections.addAssets': () => ({ added: 1, alreadyThere: 0, addedPairs: [] }) })
    await user.type(within(dialog).getByRole('searchbox'), 'Spring launch')
    await user.click(within(dialog).getByRole('button', { name: 'Create new collection' }))
    const name = within(dialog).getByRole('textbox', { name: 'New collection' })
    expect(name).toHaveFocus()
    expect(name).toHaveValue('Spring launch')
    await user.keyboard('{Enter}')
    await waitFor(() => expect(within(dialog).getByRole('checkbox', { name: /Spring launch/ })).toBeChecked())
    expect(api.callsTo('collections.create')).toEqual([{ name: 'Spring launch' }])
    expect(api.callsTo('collections.addAssets')).toEqual([])
    expect(within(dialog).getByRole('button', { name: 'Create new collection' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Add to collection' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.callsTo('collections.addAssets')).toEqual([{ collectionIds: ['c-new'], assetIds: ['logo'] }])
  })

  it('checks the new collection’s name: empty names, and names of her own collections, are refused in place', async () => {
    const user = userEvent.setup()
    // Names are unique per creator: her own Press kit takes the name, Ada's would not.
    const { api, dialog } = open(['logo'], {}, [BRAND, CAMPAIGN, { ...PRESS, createdBy: RITA.id }])
    await user.click(within(dialog).getByRole('button', { name: 'Create new collection' }))
    await user.keyboard('{Enter}')
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Enter a name for the collection.')
    await user.type(within(dialog).getByRole('textbox', { name: 'New collection' }), 'press KIT{Enter}')
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A collection named "Press kit" already exists.')
    // Escape in the field closes the field, not the dialog.
    await user.keyboard('{Escape}')
    expect(within(dialog).queryByRole('textbox', { name: 'New collection' })).toBeNull()
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    expect(api.callsTo('collections.create')).toEqual([])
  })

  it('keeps focus inside and closes on Escape without adding', async () => {
    const user = userEvent.setup()
    const { api, dialog } = open(['logo'])
    await user.click(within(dialog).getByRole('checkbox', { name: /Brand assets/ }))
    within(dialog).getByRole('button', { name: 'Add to collection' }).focus()
    await user.tab()
    expect(within(dialog).getByRole('searchbox')).toHaveFocus()
    await user.tab({ shift: true })
    expect(within(dialog).getByRole('button', { name: 'Add to collection' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.callsTo('collections.addAssets')).toEqual([])
  })

  it('asks main for assets it has not seen, for an admin too', async () => {
    const user = userEvent.setup()
    const api = mockApi({ 'collections.list': () => [BRAND], 'assets.get': ({ id }) => file(id, 'fresh.png', 'h'), 'collections.addAssets': () => ({ added: 1, alreadyThere: 0, addedPairs: [] }) })
    signedIn(ADA, { collections: [BRAND] })
    useTrove.getState().openDialog({ kind: 'addToCollections', assetIds: ['fresh'] })
    render(<DialogHost />)
    const dialog = screen.getByRole('dialog')
    expect(await within(dialog).findByText(/Adding “fresh.png”/)).toBeInTheDocument()
    expect(api.callsTo('assets.get')).toEqual([{ id: 'fresh' }])
    await user.click(within(dialog).getByRole('checkbox', { name: /Brand assets/ }))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.callsTo('collections.addAssets')).toEqual([{ collectionIds: ['c-brand'], assetIds: ['fresh'] }])
  })
})

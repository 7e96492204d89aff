// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { Level } from '../../../shared/domain.js'
import { CentrePane } from '../../../renderer/components/browse/CentrePane.js'
import { CollectionSidebar } from '../../../renderer/components/collections/CollectionSidebar.js'
import { DialogHost } from '../../../renderer/components/dialogs/DialogHost.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { mockApi } from '../support/mockApi.js'
import { treeHandlers } from '../support/library.js'
import { RITA, file, folder } from '../support/views.js'
import { collection, signedIn } from './fixtures.js'

// Rita sees these only through the collection (view: the view rows of the collection table, docs/permissions.md).
const seen = { level: 'view' as const, access: 'collection' as const }
const HOME = folder('h', 'Home', null)
const BRAND = folder('b', 'Brand', 'h', { ...seen, childCount: 2 })
const LOGOS = folder('l', 'Logos', 'b', { ...seen, childCount: 1 })
const GUIDE = file('guide', 'guide.pdf', 'b', seen)
const MARK = file('mark', 'mark.svg', 'l', seen)
const FLYER = file('flyer', 'flyer.pdf', 'h', seen)

afterEach(() => {
  cleanup()
  resetStore()
})

function show(level: Level, assets = [BRAND, FLYER]) {
  const kit = collection('c-kit', 'Brand assets', level, assets.length)
  const api = mockApi({
    'collections.list': () => [kit],
    'collections.assets': () => assets,
    ...treeHandlers([HOME, BRAND, LOGOS, GUIDE, MARK, FLYER], ['b', 'flyer']),
    'assets.breadcrumbs': () => [],
    'users.list': () => [],
  })
  signedIn(RITA)
  render(
    <>
      <CollectionSidebar />
      <CentrePane />
      <DialogHost />
    </>,
  )
  return api
}

async function openKit(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: /^Brand assets/ }))
  return screen.findByRole('listbox', { name: 'Contents of Brand assets' })
}

describe('A collection in the centre', () => {
  it('shows the collection’s assets with a header naming it and the user’s level', async () => {
    const user = userEvent.setup()
    show('view')
    const grid = await openKit(user)
    expect(await within(grid).findAllByRole('option')).toHaveLength(2)
    expect(within(grid).getByRole('option', { name: 'Brand' })).toBeInTheDocument()
    expect(within(grid).getByRole('option', { name: 'flyer.pdf' })).toBeInTheDocument()
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' })
    expect(within(crumbs).getByText('Brand assets')).toHaveAttribute('aria-current', 'page')
    expect(screen.getByText('Can view')).toBeInTheDocument()
    // View only: download is offered, sharing and removing are not (the collection table, docs/permissions.md).
    expect(screen.getByRole('button', { name: 'Download as zip' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Share' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Upload' })).toBeNull()
  })

  it('opens a folder of the collection and marks what is listed there as reached through it', async () => {
    const user = userEvent.setup()
    const api = show('view')
    const grid = await openKit(user)
    await user.dblClick(await within(grid).findByRole('option', { name: 'Brand' }))
    const inner = await screen.findByRole('listbox', { name: 'Contents of Brand' })
    expect(await within(inner).findByRole('option', { name: 'guide.pdf' })).toBeInTheDocument()
    expect(api.callsTo('assets.list')).toContainEqual({ folderId: 'b' })
    expect(useTrove.getState().collectionScope).toEqual({ collectionId: 'c-kit', folderIds: ['b'] })
    expect(screen.getByRole('note')).toHaveTextContent('Everything here is in “Brand assets” through the folder “Brand”, which was added to it.')
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' })
    expect(within(crumbs).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Brand assets', 'Brand'])

    // Deeper still, the note names the folder that was added.
    await user.dblClick(within(inner).getByRole('option', { name: 'Logos' }))
    await screen.findByRole('listbox', { name: 'Contents of Logos' })
    expect(screen.getByRole('note')).toHaveTextContent('through the folder “Brand”')
    expect(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Brand assets', 'Brand', 'Logos'])

    // Back to the collection's top through the first crumb.
    await user.click(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('button', { name: 'Brand assets' }))
    await screen.findByRole('listbox', { name: 'Contents of Brand assets' })
    expect(screen.queryByRole('note')).toBeNull()
  })

  it('offers removal of a selection at manage, with the selected ids', async () => {
    const user = userEvent.setup()
    show('manage')
    const grid = await openKit(user)
    expect(screen.queryByRole('button', { name: 'Remove from collection' })).toBeNull()
    await user.click(await within(grid).findByRole('option', { name: 'flyer.pdf' }))
    await user.click(screen.getByRole('button', { name: 'Remove from collection' }))
    expect(useTrove.getState().dialog).toEqual({ kind: 'removeFromCollection', collectionId: 'c-kit', assetIds: ['flyer'] })
    expect(screen.getByRole('dialog', { name: 'Remove from media collection' })).toHaveTextContent('Remove “flyer.pdf” from “Brand assets”?')
  })

  it('offers removal in the right-click menu at the collection’s top, at manage only', async () => {
    const user = userEvent.setup()
    show('manage')
    const grid = await openKit(user)
    fireEvent.contextMenu(await within(grid).findByRole('option', { name: 'flyer.pdf' }))
    const menu = await screen.findByRole('menu')
    const labels = within(menu).getAllByRole('menuitem').map((i) => i.querySelector('.menu-item-label')!.textContent)
    // Removing from the collection comes first, apart from the rest (deleting is worded as from the library: assetActions.test.ts).
    expect(labels[0]).toBe('Remove from this collection…')
    expect(labels).not.toContain('Delete…')
    await user.click(within(menu).getByRole('menuitem', { name: /Remove from this collection/ }))
    expect(useTrove.getState().dialog).toEqual({ kind: 'removeFromCollection', collectionId: 'c-kit', assetIds: ['flyer'] })
    // The page under an open dialog is hidden from assistive technology: close it before reading the grid again.
    act(() => useTrove.getState().closeDialog())

    // Inside a folder of the collection, items are in it through that folder: nothing to remove them from.
    await user.dblClick(within(grid).getByRole('option', { name: 'Brand' }))
    const inner = await screen.findByRole('listbox', { name: 'Contents of Brand' })
    fireEvent.contextMenu(await within(inner).findByRole('option', { name: 'guide.pdf' }))
    await screen.findByRole('menu')
    expect(screen.queryByRole('menuitem', { name: /Remove from this collection/ })).toBeNull()
  })

  it('never offers removal at contribute', async () => {
    const user = userEvent.setup()
    show('contribute')
    const grid = await openKit(user)
    await user.click(await within(grid).findByRole('option', { name: 'flyer.pdf' }))
    expect(useTrove.getState().selection).toEqual(['flyer'])
    expect(screen.queryByRole('button', { name: 'Remove from collection' })).toBeNull()
    fireEvent.contextMenu(within(grid).getByRole('option', { name: 'flyer.pdf' }))
    await screen.findByRole('menu')
    expect(screen.queryByRole('menuitem', { name: /Remove from this collection/ })).toBeNull()
  })

  it('says how an empty collection fills, since nothing is uploaded into a collection', async () => {
    const user = userEvent.setup()
    show('contribute', [])
    await user.click(await screen.findByRole('button', { name: /^Brand assets/ }))
    expect(await screen.findByRole('heading', { name: '“Brand assets” is empty' })).toBeInTheDocument()
    expect(screen.getByText(/choose “Add to media collections”, or drag them onto the collection/)).toBeInTheDocument()
  })

  it('leaves the collection when a folder elsewhere is opened', async () => {
    const user = userEvent.setup()
    show('view')
    await openKit(user)
    await useTrove.getState().openFolder('l')
    await waitFor(() => expect(useTrove.getState().collectionScope).toBeNull())
    expect(screen.queryByRole('note')).toBeNull()
  })
})

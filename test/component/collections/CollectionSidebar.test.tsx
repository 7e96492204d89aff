// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { CollectionView } from '../../../shared/views.js'
import { CollectionSidebar } from '../../../renderer/components/collections/CollectionSidebar.js'
import { DialogHost } from '../../../renderer/components/dialogs/DialogHost.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { mockApi, type Handlers } from '../support/mockApi.js'
import { ADA, RITA, file, folder } from '../support/views.js'
import { collection, manyFiles, signedIn } from './fixtures.js'

const KIT = collection('c-kit', 'Brand assets', 'manage', 12)
const LAUNCH = collection('c-launch', 'Launch', 'contribute', 1)
const PRESS = collection('c-press', 'Press kit', 'view', 0)
const BRAND = folder('b', 'Brand', 'h', { level: 'contribute', access: 'grant' })
const LOGO = file('logo', 'logo.png', 'b', { level: 'contribute', access: 'grant' })
const GUIDE = file('guide', 'guide.pdf', 'b', { level: 'view', access: 'grant' })

afterEach(() => {
  cleanup()
  resetStore()
})

function show(collections: CollectionView[] = [KIT, LAUNCH, PRESS], handlers: Partial<Handlers> = {}) {
  const api = mockApi({ 'collections.list': () => collections, ...handlers })
  signedIn(RITA, { assets: [BRAND, LOGO, GUIDE, ...manyFiles(101)] })
  render(
    <>
      <CollectionSidebar />
      <DialogHost />
    </>,
  )
  return { api, region: screen.getByRole('region', { name: 'Media collections' }) }
}

const rows = (region: HTMLElement) => within(within(region).getByRole('list', { name: 'Media collections' })).queryAllByRole('listitem')

/** What a drag from the centre carries (see browse/dragAssets.ts): the ids as JSON under the Trove type. */
function assetDrag(ids: string[]) {
  const data: Record<string, string> = { 'application/x-trove-assets': JSON.stringify(ids), 'text/plain': ids.join('\n') }
  return { types: Object.keys(data), getData: (t: string) => data[t] ?? '', dropEffect: 'none', effectAllowed: 'copyMove' }
}

describe('Collection sidebar', () => {
  it('lists the collections this user can view, with their counts', async () => {
    const { api, region } = show()
    await waitFor(() => expect(rows(region)).toHaveLength(3))
    expect(api.callsTo('collections.list')).toEqual([undefined])
    expect(within(region).getByRole('button', { name: 'Brand assets, 12 items' })).toHaveTextContent('Brand assets12')
    expect(within(region).getByRole('button', { name: 'Launch, 1 item' })).toBeInTheDocument()
  })

  it('tells same-named collections of different creators apart by their creator', async () => {
    const { region } = show([KIT, { ...LAUNCH, id: 'c-mine', createdBy: RITA.id }, LAUNCH])
    useTrove.setState({ users: [ADA, RITA] })
    await waitFor(() => expect(rows(region)).toHaveLength(3))
    expect(within(region).getByRole('button', { name: `Launch (${RITA.name}), 1 item` })).toBeInTheDocument()
    expect(within(region).getByRole('button', { name: `Launch (${ADA.name}), 1 item` })).toBeInTheDocument()
    expect(within(region).getByRole('button', { name: 'Brand assets, 12 items' })).toBeInTheDocument()
  })

  it('filters by name as the person types', async () => {
    const user = userEvent.setup()
    const { region } = show()
    await waitFor(() => expect(rows(region)).toHaveLength(3))
    await user.type(within(region).getByRole('searchbox', { name: 'Search media collections' }), 'KIT')
    expect(rows(region).map((r) => r.querySelector('.collection-name')?.textContent)).toEqual(['Press kit'])
    await user.type(within(region).getByRole('searchbox'), 'zz')
    expect(rows(region)).toHaveLength(0)
    expect(within(region).getByText('No collection matches “KITzz”.')).toBeInTheDocument()
  })

  it('says what to do when there is no collection yet, and creates one from the heading', async () => {
    const user = userEvent.setup()
    const { region } = show([])
    expect(await within(region).findByText(/No collection is shared with you yet/)).toBeInTheDocument()
    expect(within(region).queryByRole('searchbox')).toBeNull()
    await user.click(within(region).getByRole('button', { name: 'New media collection' }))
    expect(screen.getByRole('dialog', { name: 'New media collection' })).toBeInTheDocument()
  })

  const offered = {
    manage: ['Copy link', 'Download as zip', 'Share', 'Rename', 'Delete'],
    contribute: ['Copy link', 'Download as zip'],
    view: ['Copy link', 'Download as zip'],
  }
  for (const [level, items] of Object.entries(offered)) {
    it(`offers at ${level} only what the collection table allows`, async () => {
      const user = userEvent.setup()
      const { region } = show([collection('c1', 'Brand assets', level as 'view', 2)])
      await user.click(await within(region).findByRole('button', { name: 'Actions for Brand assets' }))
      const menu = screen.getByRole('menu', { name: 'Actions for Brand assets' })
      expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(items)
      expect(within(menu).getAllByRole('menuitem')[0]).toHaveFocus()
    })
  }

  it('copies a link to the collection, which names only its id', async () => {
    // user-event puts a clipboard of its own on the page, which the app writes to.
    const user = userEvent.setup()
    const { region } = show([collection('c1', 'Brand assets', 'view', 2)])
    await user.click(await within(region).findByRole('button', { name: 'Actions for Brand assets' }))
    await user.click(screen.getByRole('menuitem', { name: 'Copy link' }))
    await waitFor(async () => expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/#/collection/c1`))
    await waitFor(() => expect(useTrove.getState().announcement).toMatchObject({ text: 'Link copied' }))
  })

  it('opens each action’s dialog from the menu, by keyboard too', async () => {
    const user = userEvent.setup()
    const { region } = show()
    const more = await within(region).findByRole('button', { name: 'Actions for Brand assets' })
    more.focus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('menuitem', { name: 'Copy link' })).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('menuitem', { name: 'Download as zip' })).toHaveFocus()
    await user.keyboard('{Enter}')
    // The zip dialog belongs to downloads; the menu names the collection it is for.
    expect(useTrove.getState().dialog).toEqual({ kind: 'downloadZip', collectionId: 'c-kit' })
    expect(screen.queryByRole('menu')).toBeNull()
    useTrove.getState().closeDialog()

    await user.click(more)
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(screen.getByRole('menuitem', { name: 'Share' })).toHaveFocus()
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}')
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(more).toHaveFocus()

    await user.click(more)
    await user.click(screen.getByRole('menuitem', { name: 'Share' }))
    expect(useTrove.getState().dialog).toEqual({ kind: 'share', resourceId: 'c-kit', resourceType: 'collection' })
    useTrove.getState().closeDialog()
    await user.click(more)
    await user.click(screen.getByRole('menuitem', { name: 'Rename' }))
    expect(screen.getByRole('dialog', { name: 'Rename media collection' })).toBeInTheDocument()
  })

  it('opens the menu on right-click too', async () => {
    const { region } = show()
    const row = (await within(region).findByRole('button', { name: /^Launch/ })).closest('li')!
    fireEvent.contextMenu(row)
    expect(screen.getByRole('menu', { name: 'Actions for Launch' })).toBeInTheDocument()
  })

  it('deletes after a confirmation that says no asset is deleted', async () => {
    const user = userEvent.setup()
    const { api, region } = show([KIT, LAUNCH], { 'collections.delete': ({ collectionId }) => ({ deleted: collectionId }) })
    await user.click(await within(region).findByRole('button', { name: 'Actions for Brand assets' }))
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete media collection' })
    expect(dialog).toHaveTextContent('Delete the collection “Brand assets”?')
    expect(dialog).toHaveTextContent('No asset is deleted. The 12 items in it stay in the library where they are. Only the collection and the access it gave go.')
    expect(api.callsTo('collections.delete')).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Delete collection' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.callsTo('collections.delete')).toEqual([{ collectionId: 'c-kit' }])
    expect(rows(region).map((r) => r.querySelector('.collection-name')?.textContent)).toEqual(['Launch'])
  })

  it('opens a collection in the centre: its own assets, folders included', async () => {
    const user = userEvent.setup()
    const { api, region } = show(undefined, { 'collections.assets': () => [BRAND, LOGO] })
    await user.click(await within(region).findByRole('button', { name: /^Brand assets/ }))
    await waitFor(() => expect(useTrove.getState().listing).toBe('ready'))
    expect(api.callsTo('collections.assets')).toEqual([{ collectionId: 'c-kit' }])
    expect(useTrove.getState()).toMatchObject({ collectionScope: { collectionId: 'c-kit', folderIds: [] }, folderId: null, itemIds: ['b', 'logo'] })
    expect(within(region).getByRole('button', { name: /^Brand assets/ })).toHaveAttribute('aria-current', 'page')
  })

  it('adds assets dropped on a collection the user can contribute to', async () => {
    const { api, region } = show(undefined, { 'collections.addAssets': () => ({ added: 1, alreadyThere: 1, addedPairs: [] }) })
    const row = (await within(region).findByRole('button', { name: /^Launch/ })).closest('li')!
    const drag = assetDrag(['logo', 'b'])
    // Not cancelled: the browser would refuse the drop. Cancelled: the row takes it.
    expect(fireEvent.dragOver(row, { dataTransfer: drag })).toBe(false)
    expect(row).toHaveClass('is-drop-target')
    fireEvent.drop(row, { dataTransfer: drag })
    await waitFor(() => expect(useTrove.getState().notices.map((n) => n.message)).toEqual(['Added 2 items to “Launch”. One was already there.']))
    expect(api.callsTo('collections.addAssets')).toEqual([{ collectionIds: ['c-launch'], assetIds: ['logo', 'b'] }])
    expect(row).not.toHaveClass('is-drop-target')
  })

  it('is no drop target at view level, nor for files dragged from the desktop', async () => {
    const { region } = show()
    const press = (await within(region).findByRole('button', { name: /^Press kit/ })).closest('li')!
    expect(fireEvent.dragOver(press, { dataTransfer: assetDrag(['logo']) })).toBe(true)
    const launch = within(region).getByRole('button', { name: /^Launch/ }).closest('li')!
    // Files cannot be uploaded into a collection (docs/permissions.md).
    expect(fireEvent.dragOver(launch, { dataTransfer: { types: ['Files'], getData: () => '' } })).toBe(true)
  })

  it('refuses a drop holding an asset the user cannot add, naming it, and sends nothing', async () => {
    const { api, region } = show()
    const row = (await within(region).findByRole('button', { name: /^Launch/ })).closest('li')!
    fireEvent.drop(row, { dataTransfer: assetDrag(['logo', 'guide']) })
    await waitFor(() => expect(useTrove.getState().errors).toHaveLength(1))
    expect(useTrove.getState().errors[0]).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Nothing was added to “Launch”. “guide.pdf”: Adding needs contribute access; you have view access.',
    })
    expect(api.callsTo('collections.addAssets')).toEqual([])
  })

  it('refuses a drop of more than 100 assets before sending', async () => {
    const { api, region } = show()
    const row = (await within(region).findByRole('button', { name: /^Brand assets/ })).closest('li')!
    fireEvent.drop(row, { dataTransfer: assetDrag(manyFiles(101).map((f) => f.id)) })
    await waitFor(() => expect(useTrove.getState().errors).toHaveLength(1))
    expect(useTrove.getState().errors[0]).toMatchObject({ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('at most 100 can be added at once') })
    expect(api.callsTo('collections.addAssets')).toEqual([])
  })
})

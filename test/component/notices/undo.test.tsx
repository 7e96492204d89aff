// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Notices, NOTICE_MS } from '../../../renderer/components/Notices.js'
import { useUndoShortcut } from '../../../renderer/components/useUndoShortcut.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { treeHandlers } from '../support/library.js'
import { mockApi, type Handlers } from '../support/mockApi.js'
import { ADA, file, folder } from '../support/views.js'
import { collection, signedIn } from '../collections/fixtures.js'

const HOME = folder('h', 'Home', null)
const BRAND = folder('b', 'Brand', 'h')
const ARCHIVE = folder('a', 'Archive', 'h')
const LOGO = file('logo', 'logo.png', 'b')
const GUIDE = file('guide', 'guide.pdf', 'b')
const KIT = collection('c-kit', 'Brand kit', 'manage', 1)

afterEach(() => {
  cleanup()
  resetStore()
  vi.useRealTimers()
})

function Shell() {
  useUndoShortcut()
  return <Notices />
}

function setUp(handlers: Partial<Handlers> = {}) {
  const assets = [HOME, BRAND, ARCHIVE, LOGO, GUIDE]
  const api = mockApi({
    ...treeHandlers(assets, ['h']),
    'assets.move': ({ ids, targetFolderId }) => ids.map((id) => ({ ...assets.find((a) => a.id === id)!, parentId: targetFolderId })),
    'assets.copy': ({ ids }) => ids.map((id) => ({ ...assets.find((a) => a.id === id)!, id: `${id}-copy` })),
    'assets.rename': ({ id, name }) => ({ ...assets.find((a) => a.id === id)!, name }),
    'assets.delete': ({ ids }) => ({ deleted: ids, trashed: ids }),
    'trash.restore': ({ ids }) => ({ restored: ids.map((id) => assets.find((a) => a.id === id)!) }),
    'collections.list': () => [KIT],
    'collections.addAssets': ({ collectionIds, assetIds }) => ({ added: 1, alreadyThere: 1, addedPairs: [{ collectionId: collectionIds[0], assetId: assetIds[0] }] }),
    'collections.removeAssets': ({ assetIds }) => ({ removed: assetIds.length, stillReachable: [] }),
    'collections.removeAssetFromCollections': ({ collectionIds }) => ({ removed: collectionIds.length, stillReachable: [] }),
    ...handlers,
  })
  signedIn(ADA, { assets, collections: [KIT] })
  render(<Shell />)
  return { api, region: screen.getByRole('region', { name: 'Notifications' }) }
}

const undoButton = (region: HTMLElement) => within(region).getByRole('button', { name: 'Undo' })

describe('undo after each action', () => {
  it('a move says where to, and Undo moves each item back to where it was', async () => {
    const user = userEvent.setup()
    const { api, region } = setUp()
    await act(() => useTrove.getState().moveAssets(['logo', 'guide'], 'a'))
    expect(within(region).getByRole('status')).toHaveTextContent('Moved 2 items to “Archive”.')
    await user.click(undoButton(region))
    expect(api.callsTo('assets.move')).toEqual([{ ids: ['logo', 'guide'], targetFolderId: 'a' }, { ids: ['logo', 'guide'], targetFolderId: 'b' }])
    await waitFor(() => expect(within(region).getByRole('status')).toHaveTextContent('Undone: Moved 2 items to “Archive”.'))
    expect(within(region).queryByRole('button', { name: 'Undo' })).toBeNull()
  })

  it('a copy is undone by sending the copies to the trash', async () => {
    const user = userEvent.setup()
    const { api, region } = setUp()
    await act(() => useTrove.getState().copyAssets(['logo'], 'a'))
    expect(within(region).getByRole('status')).toHaveTextContent('Copied “logo.png” to “Archive”.')
    await user.click(undoButton(region))
    expect(api.callsTo('assets.delete')).toEqual([{ ids: ['logo-copy'] }])
  })

  it('a delete is undone by restoring from the trash', async () => {
    const user = userEvent.setup()
    const { api, region } = setUp()
    await act(() => useTrove.getState().deleteAssets(['logo']))
    expect(within(region).getByRole('status')).toHaveTextContent('Moved “logo.png” to the trash.')
    await user.click(undoButton(region))
    expect(api.callsTo('trash.restore')).toEqual([{ ids: ['logo'] }])
  })

  it('a rename is undone by renaming back', async () => {
    const user = userEvent.setup()
    const { api, region } = setUp()
    await act(() => useTrove.getState().renameAsset('logo', 'mark.png'))
    expect(within(region).getByRole('status')).toHaveTextContent('Renamed “logo.png” to “mark.png”.')
    await user.click(undoButton(region))
    expect(api.callsTo('assets.rename')).toEqual([{ id: 'logo', name: 'mark.png' }, { id: 'logo', name: 'logo.png' }])
  })

  it('adding to a collection is undone by removing only what was added', async () => {
    const user = userEvent.setup()
    const { api, region } = setUp()
    await act(async () => void (await useTrove.getState().addToCollections(['c-kit'], ['logo', 'guide'])))
    expect(within(region).getByRole('status')).toHaveTextContent('Added 2 items to “Brand kit”. One was already there.')
    await user.click(undoButton(region))
    expect(api.callsTo('collections.removeAssets')).toEqual([{ collectionId: 'c-kit', assetIds: ['logo'] }])
  })

  it('removing from collections is undone by adding back', async () => {
    const user = userEvent.setup()
    const { api, region } = setUp()
    await act(async () => void (await useTrove.getState().removeFromCollection('c-kit', ['logo'])))
    await user.click(undoButton(region))
    await act(async () => void (await useTrove.getState().removeFromCollections('guide', ['c-kit'])))
    await user.click(undoButton(region))
    expect(api.callsTo('collections.addAssets')).toEqual([
      { collectionIds: ['c-kit'], assetIds: ['logo'] },
      { collectionIds: ['c-kit'], assetIds: ['guide'] },
    ])
  })

  it('Ctrl+Z undoes the last own action, then the one before; not while typing in a field', async () => {
    const user = userEvent.setup()
    const { api } = setUp()
    await act(() => useTrove.getState().renameAsset('logo', 'mark.png'))
    await act(() => useTrove.getState().moveAssets(['guide'], 'a'))
    await user.keyboard('{Control>}z{/Control}')
    await waitFor(() => expect(api.callsTo('assets.move')).toHaveLength(2))
    expect(api.callsTo('assets.move')[1]).toEqual({ ids: ['guide'], targetFolderId: 'b' })
    await user.keyboard('{Meta>}z{/Meta}')
    await waitFor(() => expect(api.callsTo('assets.rename')).toHaveLength(2))
    // Nothing left to undo: a third press asks main for nothing.
    const calls = api.calls.length
    await user.keyboard('{Control>}z{/Control}')
    expect(api.calls.length).toBe(calls)
  })

  it('Ctrl+Z inside a text field is left to the field', async () => {
    const user = userEvent.setup()
    const { api } = setUp()
    await act(() => useTrove.getState().moveAssets(['guide'], 'a'))
    const input = document.createElement('input')
    document.body.append(input)
    input.focus()
    await user.keyboard('{Control>}z{/Control}')
    expect(api.callsTo('assets.move')).toHaveLength(1)
    input.remove()
  })
})

describe('notices', () => {
  it('go away on their own, but not while the pointer is on them; at most three at once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { region } = setUp()
    act(() => useTrove.getState().notify('first'))
    act(() => vi.advanceTimersByTime(NOTICE_MS - 100))
    expect(within(region).getByText('first')).toBeInTheDocument()
    act(() => vi.advanceTimersByTime(200))
    expect(within(region).queryByText('first')).toBeNull()

    act(() => useTrove.getState().notify('held'))
    const held = within(region).getByText('held').closest('.toast')!
    act(() => held.dispatchEvent(new PointerEvent('pointermove', { bubbles: true })))
    act(() => vi.advanceTimersByTime(NOTICE_MS * 3))
    expect(within(region).getByText('held')).toBeInTheDocument()

    for (const m of ['a', 'b', 'c']) act(() => useTrove.getState().notify(m))
    expect(within(region).getAllByRole('status').map((n) => n.textContent)).toEqual(['a', 'b', 'c'])
  })
})

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import type { SmartCollectionView } from '../../../shared/views.js'
import { resetStore } from '../../../renderer/store/index.js'
import { ADA, RITA, file, folder, sessionOf } from '../support/views.js'
import { grid, openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 1 })
const BRAND = folder('b', 'Brand', 'h')
const LOGO = file('l', 'logo.png', 'b', { mime: 'image/png' })
const LOGO_2 = file('l2', 'logo-dark.png', 'b', { mime: 'image/png' })
const LIBRARY = [HOME, BRAND, LOGO, LOGO_2]

const address = () => `${window.location.hash}${window.location.search}`
const goTo = (hash: string) => window.history.replaceState(null, '', hash.startsWith('#') ? `/${hash}` : hash)

function smart(extra: Partial<SmartCollectionView> = {}): SmartCollectionView {
  return {
    id: 's1', name: 'Logos', ownerId: ADA.id, ownerName: 'Ada', mine: true, search: { query: 'logo', type: 'image' },
    folderHidden: false, termsHidden: false, sharedWith: [], createdAt: 1, updatedAt: 1, ...extra,
  }
}

const sidebar = () => screen.getByRole('region', { name: 'Smart collections' })

describe('smart collections', () => {
  it('saves the search on show, lists it in the sidebar and opens it at its own address', async () => {
    goTo('/?q=logo&type=image#/search')
    const saved = smart()
    const { user, api } = await openWorkspace(sessionOf(ADA), LIBRARY, ['h'], {
      'search.assets': () => ({ items: [LOGO], hasMore: false, total: 1 }),
      'smartCollections.create': () => saved,
      'smartCollections.get': () => saved,
      'smartCollections.assets': () => ({ items: [LOGO], hasMore: false, total: 1 }),
    })
    await screen.findByRole('heading', { name: 'Results for “logo”' })
    await user.click(screen.getByRole('button', { name: 'Save search' }))
    const dialog = await screen.findByRole('dialog', { name: 'Save search as smart collection' })
    const name = within(dialog).getByRole('textbox', { name: 'Name' })
    await user.clear(name)
    await user.type(name, 'Logos')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(api.callsTo('smartCollections.create')).toEqual([{ name: 'Logos', search: { query: 'logo', type: 'image' } }])
    expect(await screen.findByRole('heading', { name: 'Logos' })).toBeInTheDocument()
    expect(within(sidebar()).getByRole('button', { name: 'Logos' })).toHaveAttribute('aria-current', 'page')
    await waitFor(() => expect(address()).toBe('#/smart/s1'))
    expect(within(grid()).getByRole('option', { name: 'logo.png' })).toBeInTheDocument()
  })

  it('opens from a link, and shows what main finds for this user, new matches included once they arrive', async () => {
    goTo('#/smart/s1')
    let items = [LOGO]
    const { api } = await openWorkspace(sessionOf(RITA), LIBRARY, ['b'], {
      'smartCollections.list': () => [smart({ mine: false, sharedWith: null })],
      'smartCollections.get': () => smart({ mine: false, sharedWith: null }),
      'smartCollections.assets': () => ({ items, hasMore: false, total: items.length }),
    })
    expect(await screen.findByRole('heading', { name: 'Logos' })).toBeInTheDocument()
    expect(screen.getByText('Shared by Ada')).toBeInTheDocument()
    expect(api.callsTo('smartCollections.assets')).toEqual([{ smartCollectionId: 's1', limit: 200 }])
    items = [LOGO, LOGO_2]
    await act(async () => api.emit('library.changed', { seq: 1, op: 'files.upload', tables: ['assets'], assetIds: ['l2'] }))
    expect(await within(grid()).findByRole('option', { name: 'logo-dark.png' })).toBeInTheDocument()
    expect(screen.getByText('2 matches')).toBeInTheDocument()
  })

  it('answers a link to one that is missing or not shared exactly as any place not found', async () => {
    goTo('#/smart/nope')
    await openWorkspace(sessionOf(RITA), LIBRARY, ['b'], {
      'smartCollections.get': () => {
        throw new AppError('NOT_FOUND', 'No smart collection with id nope.', { id: 'nope' })
      },
    })
    expect(await screen.findByRole('heading', { name: 'Not found or not shared with you' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('offers its owner share, rename and delete, and a reader it was shared with only the link', async () => {
    const mine = smart()
    const theirs = smart({ id: 's2', name: 'Press kit', ownerId: 'u-bob', ownerName: 'Bob', mine: false, sharedWith: null })
    const { user, api } = await openWorkspace(sessionOf(ADA), LIBRARY, ['h'], {
      'smartCollections.list': () => [mine, theirs],
      'smartCollections.rename': ({ name }) => ({ ...mine, name }),
    })
    await within(sidebar()).findByRole('button', { name: 'Logos' })
    await user.click(within(sidebar()).getByRole('button', { name: 'Actions for Press kit' }))
    expect(screen.getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Copy link'])
    await user.keyboard('{Escape}')
    await user.click(within(sidebar()).getByRole('button', { name: 'Actions for Logos' }))
    expect(screen.getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Copy link', 'Share', 'Rename', 'Delete'])
    await user.click(screen.getByRole('menuitem', { name: 'Rename' }))
    const name = within(await screen.findByRole('dialog', { name: 'Rename smart collection' })).getByRole('textbox', { name: 'Name' })
    await user.clear(name)
    await user.type(name, 'Brand marks{Enter}')
    expect(api.callsTo('smartCollections.rename')).toEqual([{ smartCollectionId: 's1', name: 'Brand marks' }])
    expect(await within(sidebar()).findByRole('button', { name: 'Brand marks' })).toBeInTheDocument()
    // Another owner's saved search is labelled with its owner, and marked as shared.
    expect(within(sidebar()).getByRole('button', { name: 'Press kit (Bob), shared' })).toBeInTheDocument()
  })

  it('says, without naming it, that the folder it looks in is not shared with this reader', async () => {
    goTo('#/smart/s1')
    const view = smart({ mine: false, sharedWith: null, folderHidden: true, search: { query: 'logo' } })
    await openWorkspace(sessionOf(RITA), LIBRARY, ['b'], {
      'smartCollections.list': () => [view],
      'smartCollections.get': () => view,
      'smartCollections.assets': () => ({ items: [], hasMore: false, total: 0 }),
    })
    expect(await screen.findByText(/looks in a folder that is not shared with you/)).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Logos' })).toBeInTheDocument()
  })

  it('says that it also looks for words or tags not shown to this reader, and shows only the filters main gave', async () => {
    goTo('#/smart/s1')
    // main left out the words and tags: nothing she can view matches them (docs/permissions.md).
    const view = smart({ mine: false, sharedWith: null, termsHidden: true, search: { query: '', type: 'image' } })
    await openWorkspace(sessionOf(RITA), LIBRARY, ['b'], {
      'smartCollections.list': () => [view],
      'smartCollections.get': () => view,
      'smartCollections.assets': () => ({ items: [], hasMore: false, total: 0 }),
    })
    expect(await screen.findByText(/also looks for words or tags that match nothing shared with you/)).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Tags' })).toHaveValue('')
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveValue('image')
  })
})

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { ADA, RITA, file, folder, sessionOf } from '../support/views.js'
import { grid, openWorkspace } from '../support/workspace.js'
import { collection } from '../collections/fixtures.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 2 })
const BRAND = folder('b', 'Brand', 'h', { childCount: 1 })
const PRESS = folder('p', 'Press', 'h')
const LOGO = file('l', 'logo.png', 'b', { mime: 'image/png' })
const LIBRARY = [HOME, BRAND, PRESS, LOGO]

/** The address as the app wrote it: the hash path and the page's query. */
const address = () => `${window.location.hash}${window.location.search}`
const goTo = (hash: string) => window.history.replaceState(null, '', hash.startsWith('#') ? `/${hash}` : hash)

/** What a reload does: the page goes and comes back at the same address. */
async function reload(session = sessionOf(ADA), extra = {}) {
  const kept = `${window.location.pathname}${window.location.search}${window.location.hash}`
  cleanup()
  resetStore()
  window.history.replaceState(null, '', kept)
  return openWorkspace(session, LIBRARY, ['h'], extra)
}

describe('addresses and history', () => {
  it('names the open folder in the address, and a reload opens it again', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), LIBRARY, ['h'])
    await screen.findByRole('listbox', { name: 'Contents of Home' })
    // The start address is replaced by where it led, so Back does not return to it.
    await waitFor(() => expect(address()).toBe('#/folder/h'))
    await user.dblClick(await screen.findByRole('option', { name: 'Brand' }))
    await screen.findByRole('listbox', { name: 'Contents of Brand' })
    await waitFor(() => expect(address()).toBe('#/folder/b'))
    await reload()
    expect(await screen.findByRole('listbox', { name: 'Contents of Brand' })).toBeInTheDocument()
  })

  it('goes back and forward through the folders opened', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), LIBRARY, ['h'])
    await user.dblClick(await screen.findByRole('option', { name: 'Brand' }))
    await screen.findByRole('listbox', { name: 'Contents of Brand' })
    await waitFor(() => expect(address()).toBe('#/folder/b'))
    await act(async () => {
      window.history.back()
      await new Promise((r) => setTimeout(r, 50))
    })
    expect(await screen.findByRole('listbox', { name: 'Contents of Home' })).toBeInTheDocument()
    await act(async () => {
      window.history.forward()
      await new Promise((r) => setTimeout(r, 50))
    })
    expect(await screen.findByRole('listbox', { name: 'Contents of Brand' })).toBeInTheDocument()
  })

  it('restores a search with its filters from its address', async () => {
    goTo('/?q=logo&type=image&tag=blue&camera=Canon&taken=2024-01-01..2024-12-31#/search')
    const { api } = await openWorkspace(sessionOf(ADA), LIBRARY, ['h'], {
      'search.assets': () => ({ items: [LOGO], hasMore: false, total: 1 }),
    })
    expect(await screen.findByRole('heading', { name: 'Results for “logo”' })).toBeInTheDocument()
    expect(api.callsTo('search.assets')).toEqual([
      { query: 'logo', type: 'image', tags: ['blue'], camera: 'Canon', takenFrom: '2024-01-01', takenTo: '2024-12-31', limit: 200 },
    ])
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveValue('image')
    expect(screen.getByRole('option', { name: 'logo.png' })).toBeInTheDocument()
  })

  it('restores a collection from its address', async () => {
    goTo('#/collection/c1')
    await openWorkspace(sessionOf(ADA), LIBRARY, ['h'], {
      'collections.list': () => [collection('c1', 'Launch kit', 'manage', 1)],
      'collections.assets': ({ collectionId }) => (collectionId === 'c1' ? [LOGO] : []),
    })
    expect(await screen.findByRole('listbox', { name: 'Contents of Launch kit' })).toBeInTheDocument()
  })

  it('opens a copied asset link on its folder, with a file in the viewer', async () => {
    goTo('#/asset/b')
    await openWorkspace(sessionOf(ADA), LIBRARY, ['h'])
    expect(await screen.findByRole('listbox', { name: 'Contents of Brand' })).toBeInTheDocument()
    await waitFor(() => expect(address()).toBe('#/folder/b'))
    expect(grid()).toBeInTheDocument()
  })

  it('answers a hidden place exactly as a missing one, naming neither', async () => {
    const shownFor = async (hash: string) => {
      goTo(hash)
      // Main answers NOT_FOUND alike for a folder that is not there and one not shared with Rita.
      await openWorkspace(sessionOf(RITA), LIBRARY, ['h'], {
        'assets.get': ({ id }) => {
          throw new AppError('NOT_FOUND', `No file or folder with id ${id}.`)
        },
        'assets.roots': () => [],
        'collections.assets': ({ collectionId }) => {
          throw new AppError('NOT_FOUND', `No collection with id ${collectionId}.`)
        },
      })
      await screen.findByRole('heading', { name: 'Not found or not shared with you' })
      const html = screen.getByRole('main', { name: 'Contents' }).outerHTML
      expect(screen.queryAllByRole('alert')).toEqual([])
      cleanup()
      resetStore()
      return html
    }
    const hidden = await shownFor('#/folder/b')
    const missing = await shownFor('#/folder/zz')
    expect(hidden).toBe(missing)
    expect(hidden).not.toMatch(/Brand|"b"/)
    const hiddenLink = await shownFor('#/asset/l')
    expect(hiddenLink).toBe(missing)
    const hiddenCollection = await shownFor('#/collection/c9')
    expect(hiddenCollection).toBe(missing)
  })
})

describe('a link as the store sees it', () => {
  it('is not rewritten while the place it names is still opening', async () => {
    goTo('#/folder/b')
    await openWorkspace(sessionOf(ADA), LIBRARY, ['h'])
    await screen.findByRole('listbox', { name: 'Contents of Brand' })
    expect(address()).toBe('#/folder/b')
    expect(useTrove.getState().folderId).toBe('b')
  })
})

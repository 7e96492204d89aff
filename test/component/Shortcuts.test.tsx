// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import './support/dom.js'
import { cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore } from '../../renderer/store/index.js'
import { ADA, file, folder, sessionOf } from './support/views.js'
import { grid, openWorkspace } from './support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 2 })
const BRAND = folder('b', 'Brand', 'h', { childCount: 1 })
const README = file('r', 'readme.pdf', 'b')
const LOGO = file('l', 'logo.png', 'h', { mime: 'image/png' })

describe('keyboard shortcuts', () => {
  it('"/" goes to the search box, but types a slash in a text field', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), [HOME, BRAND, LOGO, README], ['h'])
    grid().focus()
    await user.keyboard('/')
    const box = screen.getByRole('searchbox', { name: 'Search the library' })
    expect(box).toHaveFocus()
    await user.keyboard('a/b')
    expect(box).toHaveValue('a/b')
  })

  it('"?" lists the shortcuts, and Escape closes the list', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), [HOME, BRAND, LOGO, README], ['h'])
    grid().focus()
    await user.keyboard('?')
    const list = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(list).toHaveTextContent('Search')
    expect(list).toHaveTextContent('Select all')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull()
  })
})

describe('copy, cut and paste between folders', () => {
  it('Ctrl+C then Ctrl+V in another folder copies there; Ctrl+X then Ctrl+V moves, once', async () => {
    const { user, api } = await openWorkspace(sessionOf(ADA), [HOME, BRAND, LOGO, README], ['h'], {
      'assets.copy': ({ ids, targetFolderId }) => ids.map((id) => ({ ...LOGO, id: `${id}-copy`, parentId: targetFolderId })),
      'assets.move': ({ ids, targetFolderId }) => ids.map(() => ({ ...LOGO, parentId: targetFolderId })),
    })
    await user.click(await screen.findByRole('option', { name: 'logo.png' }))
    await user.keyboard('{Control>}c{/Control}')
    await user.dblClick(screen.getByRole('option', { name: 'Brand' }))
    await screen.findByRole('listbox', { name: 'Contents of Brand' })
    grid().focus()
    await user.keyboard('{Control>}v{/Control}')
    await waitFor(() => expect(api.callsTo('assets.copy')).toEqual([{ ids: ['l'], targetFolderId: 'b' }]))

    await user.click(screen.getByRole('treeitem', { name: /Home/ }))
    await screen.findByRole('listbox', { name: 'Contents of Home' })
    await user.click(await screen.findByRole('option', { name: 'logo.png' }))
    await user.keyboard('{Control>}x{/Control}')
    await user.dblClick(screen.getByRole('option', { name: 'Brand' }))
    await screen.findByRole('listbox', { name: 'Contents of Brand' })
    grid().focus()
    await user.keyboard('{Control>}v{/Control}')
    await waitFor(() => expect(api.callsTo('assets.move')).toEqual([{ ids: ['l'], targetFolderId: 'b' }]))
    await user.keyboard('{Control>}v{/Control}')
    expect(api.callsTo('assets.move')).toHaveLength(1)
  })
})

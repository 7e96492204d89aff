// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../renderer/components/App.js'
import { resetStore } from '../../renderer/store/index.js'
import { mockApi } from './support/mockApi.js'
import { treeHandlers } from './support/library.js'
import { ADA, RITA, file, folder, sessionOf } from './support/views.js'

const HOME = folder('h', 'Home', null, { childCount: 3 })
const BRAND = folder('b', 'Brand', 'h', { childCount: 2 })
const LOGOS = folder('l', 'Logos', 'b', { childCount: 0 })
const FINANCE = folder('f', 'Finance', 'h', { childCount: 0 })
const README = file('r', 'readme.pdf', 'h')
const GUIDE = file('g', 'guide.pdf', 'b')
const ASSETS = [HOME, BRAND, LOGOS, FINANCE, README, GUIDE]

afterEach(() => {
  cleanup()
  resetStore()
})

async function openAsAdmin() {
  const api = mockApi({ 'session.current': () => sessionOf(ADA), ...treeHandlers(ASSETS, ['h']) })
  render(<App />)
  const tree = await screen.findByRole('tree', { name: 'Folders' })
  await within(tree).findByRole('treeitem', { name: 'Brand' })
  return { api, tree }
}

describe('FolderTree', () => {
  it('shows folders only, with levels and positions a screen reader can announce', async () => {
    const { tree } = await openAsAdmin()
    const items = within(tree).getAllByRole('treeitem')
    expect(items.map((i) => i.textContent)).toEqual(['Home', 'Brand', 'Finance'])
    const brand = within(tree).getByRole('treeitem', { name: 'Brand' })
    expect(brand).toHaveAttribute('aria-level', '2')
    expect(brand).toHaveAttribute('aria-posinset', '1')
    expect(brand).toHaveAttribute('aria-setsize', '2')
    expect(brand).toHaveAttribute('aria-expanded', 'false')
    // Finance has no children at all: it is a leaf, not a closed branch.
    expect(within(tree).getByRole('treeitem', { name: 'Finance' })).not.toHaveAttribute('aria-expanded')
    // One tab stop: the open folder.
    expect(items.filter((i) => i.tabIndex === 0)).toEqual([within(tree).getByRole('treeitem', { name: 'Home' })])
  })

  it('moves with the arrow keys and loads a folder’s children when first expanded', async () => {
    const user = userEvent.setup()
    const { api, tree } = await openAsAdmin()
    const item = (name: string) => within(tree).getByRole('treeitem', { name })
    item('Home').focus()
    await user.keyboard('{ArrowDown}')
    expect(item('Brand')).toHaveFocus()
    expect(api.callsTo('assets.list')).not.toContainEqual({ folderId: 'b' })

    await user.keyboard('{ArrowRight}')
    await waitFor(() => expect(item('Brand')).toHaveAttribute('aria-expanded', 'true'))
    expect(api.callsTo('assets.list')).toContainEqual({ folderId: 'b' })
    expect(await within(tree).findByRole('treeitem', { name: 'Logos' })).toHaveAttribute('aria-level', '3')

    await user.keyboard('{ArrowRight}')
    expect(item('Logos')).toHaveFocus()
    await user.keyboard('{ArrowLeft}')
    expect(item('Brand')).toHaveFocus()
    await user.keyboard('{ArrowLeft}')
    expect(item('Brand')).toHaveAttribute('aria-expanded', 'false')
    expect(within(tree).queryByRole('treeitem', { name: 'Logos' })).toBeNull()
    await user.keyboard('{End}')
    expect(item('Finance')).toHaveFocus()
    await user.keyboard('{Home}')
    expect(item('Home')).toHaveFocus()
    await user.keyboard('{ArrowUp}')
    expect(item('Home')).toHaveFocus()

    // Expanding again reuses what was loaded.
    const lists = api.callsTo('assets.list').length
    item('Brand').focus()
    await user.keyboard('{ArrowRight}')
    await within(tree).findByRole('treeitem', { name: 'Logos' })
    expect(api.callsTo('assets.list').length).toBe(lists)
  })

  it('opens a folder with Enter: the grid shows it and the tree marks it', async () => {
    const user = userEvent.setup()
    const { tree } = await openAsAdmin()
    within(tree).getByRole('treeitem', { name: 'Brand' }).focus()
    await user.keyboard('{Enter}')
    const grid = await screen.findByRole('listbox', { name: 'Contents of Brand' })
    expect(within(grid).getAllByRole('option')).toEqual([within(grid).getByRole('option', { name: 'Logos' }), within(grid).getByRole('option', { name: 'guide.pdf' })])
    expect(within(tree).getByRole('treeitem', { name: 'Brand' })).toHaveAttribute('aria-selected', 'true')
    expect(within(tree).getByRole('treeitem', { name: 'Home' })).toHaveAttribute('aria-selected', 'false')
    expect(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByText('Brand')).toHaveAttribute('aria-current', 'page')
  })

  it("starts a restricted user's tree at what is shared with them, never at Home", async () => {
    const shared = { ...BRAND, level: 'view' as const, access: 'grant' as const }
    mockApi({ 'session.current': () => sessionOf(RITA), ...treeHandlers([HOME, shared, LOGOS, GUIDE], ['b']) })
    render(<App />)
    const tree = await screen.findByRole('tree', { name: 'Folders' })
    await within(tree).findByRole('treeitem', { name: 'Brand' })
    expect(within(tree).getAllByRole('treeitem').map((i) => i.textContent)).toEqual(['Brand'])
    expect(within(tree).getByRole('treeitem', { name: 'Brand' })).toHaveAttribute('aria-level', '1')
    expect(await screen.findByRole('listbox', { name: 'Contents of Shared with me' })).toBeInTheDocument()
  })
})

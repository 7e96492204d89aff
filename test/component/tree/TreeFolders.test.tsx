// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { SharingView } from '../../../shared/views.js'
import { resetStore } from '../../../renderer/store/index.js'
import { ADA, RITA, file, folder, sessionOf } from '../support/views.js'
import { openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 3, hasSubfolders: true })
const BRAND = folder('b', 'Brand', 'h', { childCount: 2, hasSubfolders: true, shared: true })
const LOGOS = folder('l', 'Logos', 'b', { childCount: 1, hasSubfolders: true })
const OLD = folder('o', 'Old', 'l', { childCount: 0, hasSubfolders: false })
// Files only: no expander, though it holds something.
const PRESS = folder('p', 'Press', 'h', { childCount: 4, hasSubfolders: false, shared: false })
const KIT = file('k', 'kit.pdf', 'p', { shared: true })
const LIBRARY = [HOME, BRAND, LOGOS, OLD, PRESS, KIT]

const tree = () => screen.getByRole('tree', { name: 'Folders' })
const item = (name: string | RegExp) => within(tree()).getByRole('treeitem', { name })
const menuItems = () => within(screen.getByRole('menu')).getAllByRole('menuitem').map((m) => m.textContent)

describe('the folder tree as a place', () => {
  it('offers no expander on a folder that holds only files, and marks what is shared', async () => {
    await openWorkspace(sessionOf(ADA), LIBRARY, ['h'])
    await within(tree()).findByRole('treeitem', { name: 'Brand', description: 'Shared' })
    expect(item('Press')).not.toHaveAttribute('aria-expanded')
    expect(item('Press')).not.toHaveAccessibleDescription()
    expect(item('Brand')).toHaveAttribute('aria-expanded', 'false')
  })

  it('opens down to the folder a link names', async () => {
    window.history.replaceState(null, '', '/#/folder/o')
    await openWorkspace(sessionOf(ADA), LIBRARY, ['h'])
    await waitFor(() => expect(item('Old')).toHaveAttribute('aria-selected', 'true'))
    expect(item('Brand')).toHaveAttribute('aria-expanded', 'true')
    expect(item('Logos')).toHaveAttribute('aria-expanded', 'true')
  })

  it('has a menu by right-click and by keyboard with the actions the level allows', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), LIBRARY, ['h'])
    await within(tree()).findByRole('treeitem', { name: 'Brand', description: 'Shared' })
    fireEvent.contextMenu(item('Brand'))
    expect(await screen.findByRole('menu', { name: 'Actions for Brand' })).toBeInTheDocument()
    expect(menuItems()).toEqual([
      'Open', 'Copy link', 'New folder…', 'Download as zip', 'Rename', 'Move to…', 'Copy to…', 'Add to media collections…',
      'Share…', 'Delete…',
    ])
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument())
    // Home may not be renamed, moved, shared, deleted or added to a collection: its menu says so by leaving them out.
    item('Home').focus()
    await user.keyboard('{Shift>}{F10}{/Shift}')
    expect(await screen.findByRole('menu', { name: 'Actions for Home' })).toBeInTheDocument()
    expect(menuItems()).toEqual(['Open', 'Copy link', 'New folder…', 'Download as zip'])
  })

  it('offers a view-only reader only what viewing allows', async () => {
    const viewOnly = [folder('s', 'Shared', 'x', { level: 'view', access: 'grant', childCount: 0, hasSubfolders: false })]
    const { user } = await openWorkspace(sessionOf(RITA), viewOnly, ['s'])
    await within(tree()).findByRole('treeitem', { name: 'Shared' })
    item('Shared').focus()
    await user.keyboard('{ContextMenu}')
    expect(await screen.findByRole('menu', { name: 'Actions for Shared' })).toBeInTheDocument()
    expect(menuItems()).toEqual(['Open', 'Copy link', 'Download as zip'])
  })

  it('says in the details whom a file is shared with, to who may manage that only', async () => {
    const sharing: SharingView = {
      resourceId: 'k', resourceType: 'asset', ownerId: ADA.id,
      direct: [{ subjectType: 'user', subjectId: 'u-rita', subjectName: 'Rita', level: 'view', grantedBy: ADA.id, grantedAt: 1 }],
      inherited: [{ subjectType: 'group', subjectId: 'g1', subjectName: 'Editors', level: 'contribute', grantedBy: ADA.id, grantedAt: 1, sourceId: 'p', sourcePath: '/Press' }],
    }
    const { user, api } = await openWorkspace(sessionOf(ADA), LIBRARY, ['h'], { 'sharing.list': () => sharing })
    await user.dblClick(await screen.findByRole('option', { name: 'Press' }))
    await user.click(await screen.findByRole('option', { name: 'kit.pdf' }))
    const section = await screen.findByRole('region', { name: 'Shared with' })
    await within(section).findByText('Rita')
    expect(within(section).getByText('Editors')).toBeInTheDocument()
    expect(within(section).getByText('Can contribute, from /Press')).toBeInTheDocument()
    expect(api.callsTo('sharing.list')).toContainEqual({ resourceId: 'k' })
    // Press is not shared, but Ada may manage it: the section is there. Of Logos main said nothing (not hers to manage): none.
    await user.click(within(tree()).getByRole('treeitem', { name: 'Home' }))
    await user.click(await screen.findByRole('option', { name: 'Press' }))
    await screen.findByRole('region', { name: 'Shared with' })
    await user.dblClick(screen.getByRole('option', { name: 'Brand' }))
    await user.click(await screen.findByRole('option', { name: 'Logos' }))
    await screen.findByRole('heading', { name: 'Logos', level: 2 })
    expect(screen.queryByRole('region', { name: 'Shared with' })).not.toBeInTheDocument()
  })
})

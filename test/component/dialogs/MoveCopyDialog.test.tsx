// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { RITA, file, folder, sessionOf } from '../support/views.js'
import { grid, openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

// Rita manages Work (and all in it) and may only view Archive.
const WORK = folder('w', 'Work', 'h', { level: 'manage', access: 'grant', childCount: 3, path: '/Work' })
const DRAFTS = folder('d', 'Drafts', 'w', { level: 'manage', access: 'grant', childCount: 1, path: '/Work/Drafts' })
const FINAL = folder('f', 'Final', 'w', { level: 'manage', access: 'grant', childCount: 0, path: '/Work/Final' })
const OLD = folder('o', 'Old', 'd', { level: 'manage', access: 'grant', childCount: 0, path: '/Work/Drafts/Old' })
const ARCHIVE = folder('a', 'Archive', 'h', { level: 'view', access: 'grant', childCount: 0, path: '/Archive' })
const POSTER = file('p', 'poster.png', 'w', { level: 'manage', access: 'grant', path: '/Work/poster.png' })

async function open(action: 'Move to…' | 'Copy to…', item: string) {
  const opened = await openWorkspace(sessionOf(RITA), [WORK, DRAFTS, FINAL, OLD, ARCHIVE, POSTER], ['w', 'a'], {
    'assets.move': ({ ids, targetFolderId }) => ids.map((id) => ({ ...POSTER, id, parentId: targetFolderId })),
    'assets.copy': ({ ids, targetFolderId }) => ids.map((id) => ({ ...POSTER, id: `${id}-copy`, parentId: targetFolderId })),
  })
  await opened.user.dblClick(within(grid()).getByRole('option', { name: 'Work' }))
  fireEvent.contextMenu(await within(grid()).findByRole('option', { name: item }))
  await opened.user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: new RegExp(`^${action.slice(0, -1)}`) }))
  const dialog = await screen.findByRole('dialog')
  const tree = within(dialog).getByRole('tree', { name: 'Destination folder' })
  return { ...opened, dialog, tree }
}

describe('move and copy to a chosen folder', () => {
  it('offers only folders the user may add to, and not where a move changes nothing', async () => {
    const { dialog, tree } = await open('Move to…', 'poster.png')
    expect(dialog).toHaveAccessibleName('Move “poster.png”')
    await within(tree).findByRole('treeitem', { name: /Drafts/ })
    expect(within(tree).getByRole('treeitem', { name: /Archive/ })).toHaveAttribute('aria-disabled', 'true')
    expect(within(tree).getByRole('treeitem', { name: /Work/ })).toHaveAttribute('aria-disabled', 'true')
    expect(within(tree).getByRole('treeitem', { name: /Final/ })).not.toHaveAttribute('aria-disabled')
    expect(within(dialog).getByRole('button', { name: 'Move here' })).toBeDisabled()
  })

  it('moves to the folder chosen', async () => {
    const { dialog, tree, user, api } = await open('Move to…', 'poster.png')
    await user.click(await within(tree).findByRole('treeitem', { name: /Final/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Move to Final' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.callsTo('assets.move')).toEqual([{ ids: ['p'], targetFolderId: 'f' }])
  })

  it('never moves a folder into itself or below it', async () => {
    const { tree } = await open('Move to…', 'Drafts')
    expect(await within(tree).findByRole('treeitem', { name: /Drafts/ })).toHaveAttribute('aria-disabled', 'true')
    // Opening Drafts in the picker shows Old, below it, refused too.
    const drafts = within(tree).getByRole('treeitem', { name: /Drafts/ })
    drafts.focus()
    fireEvent.keyDown(drafts, { key: 'ArrowRight' })
    expect(await within(tree).findByRole('treeitem', { name: /Old/ })).toHaveAttribute('aria-disabled', 'true')
  })

  it('copies, where the folder it is in is a fine destination', async () => {
    const { dialog, tree, user, api } = await open('Copy to…', 'poster.png')
    expect(dialog).toHaveAccessibleName('Copy “poster.png”')
    const work = within(tree).getByRole('treeitem', { name: /Work/ })
    expect(work).not.toHaveAttribute('aria-disabled')
    await user.click(work)
    await user.click(within(dialog).getByRole('button', { name: 'Copy to Work' }))
    await waitFor(() => expect(api.callsTo('assets.copy')).toEqual([{ ids: ['p'], targetFolderId: 'w' }]))
  })
})

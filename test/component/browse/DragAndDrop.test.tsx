// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { RITA, file, folder, sessionOf } from '../support/views.js'
import { dataTransfer, grid, openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

// Rita manages Work; she may only view Archive, and only contribute to Team.
const WORK = folder('w', 'Work', 'h', { level: 'manage', access: 'grant', childCount: 3, path: '/Work' })
const ARCHIVE = folder('a', 'Archive', 'w', { level: 'view', access: 'grant', path: '/Work/Archive' })
const DONE = folder('d', 'Done', 'w', { level: 'manage', access: 'grant', path: '/Work/Done' })
const MINE = file('m', 'mine.png', 'w', { level: 'manage', access: 'grant', path: '/Work/mine.png' })
const TEAM = folder('t', 'Team', 'h', { level: 'contribute', access: 'grant', childCount: 1, path: '/Team' })
const THEIRS = file('x', 'theirs.png', 't', { level: 'contribute', access: 'grant', path: '/Team/theirs.png' })

async function open(folderName = 'Work') {
  const opened = await openWorkspace(sessionOf(RITA), [WORK, ARCHIVE, DONE, MINE, TEAM, THEIRS], ['w', 't'], {
    'assets.move': ({ ids, targetFolderId }) => ids.map((id) => ({ ...MINE, id, parentId: targetFolderId })),
    'assets.copy': ({ ids, targetFolderId }) => ids.map((id) => ({ ...MINE, id: `${id}2`, parentId: targetFolderId })),
  })
  await opened.user.dblClick(within(grid()).getByRole('option', { name: folderName }))
  await within(grid()).findAllByRole('option')
  return opened
}

/** jsdom has no DragEvent, so modifier keys are put on the event by hand. */
function withKeys(event: Event, keys: { ctrlKey?: boolean }): Event {
  for (const [k, v] of Object.entries(keys)) Object.defineProperty(event, k, { value: v })
  return event
}

function drag(name: string, onto: HTMLElement, keys: { ctrlKey?: boolean } = {}) {
  const data = dataTransfer()
  fireEvent.dragStart(within(grid()).getByRole('option', { name }), { dataTransfer: data })
  fireEvent(onto, withKeys(createEvent.dragOver(onto, { dataTransfer: data }), keys))
  const accepted = data.dropEffect
  fireEvent(onto, withKeys(createEvent.drop(onto, { dataTransfer: data }), keys))
  return accepted
}

describe('drag and drop inside the library', () => {
  it('moves onto a folder in the grid', async () => {
    const { api } = await open()
    expect(drag('mine.png', within(grid()).getByRole('option', { name: 'Done' }))).toBe('move')
    await waitFor(() => expect(api.callsTo('assets.move')).toEqual([{ ids: ['m'], targetFolderId: 'd' }]))
  })

  it('copies instead when Ctrl is held', async () => {
    const { api } = await open()
    expect(drag('mine.png', within(grid()).getByRole('option', { name: 'Done' }), { ctrlKey: true })).toBe('copy')
    await waitFor(() => expect(api.callsTo('assets.copy')).toEqual([{ ids: ['m'], targetFolderId: 'd' }]))
    expect(api.callsTo('assets.move')).toEqual([])
  })

  it('moves onto a folder in the tree', async () => {
    const { api } = await open()
    const tree = screen.getByRole('tree', { name: 'Folders' })
    expect(drag('mine.png', within(tree).getByRole('treeitem', { name: 'Team' }))).toBe('move')
    await waitFor(() => expect(api.callsTo('assets.move')).toEqual([{ ids: ['m'], targetFolderId: 't' }]))
  })

  it('does not drop into a folder the user may only view', async () => {
    const { api } = await open()
    expect(drag('mine.png', within(grid()).getByRole('option', { name: 'Archive' }))).toBe('none')
    await new Promise((r) => setTimeout(r, 50))
    expect(api.callsTo('assets.move')).toEqual([])
    expect(api.callsTo('assets.copy')).toEqual([])
  })

  it('only copies what the user may not move (contribute, not manage)', async () => {
    const { api } = await open('Team')
    const tree = screen.getByRole('tree', { name: 'Folders' })
    expect(drag('theirs.png', within(tree).getByRole('treeitem', { name: 'Work' }))).toBe('copy')
    await waitFor(() => expect(api.callsTo('assets.copy')).toEqual([{ ids: ['x'], targetFolderId: 'w' }]))
    expect(api.callsTo('assets.move')).toEqual([])
  })
})

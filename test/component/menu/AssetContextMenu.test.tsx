// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Level } from '../../../shared/domain.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { RITA, file, folder, sessionOf } from '../support/views.js'
import { grid, openWorkspace } from '../support/workspace.js'
import type { Handlers } from '../support/mockApi.js'
import { collection } from '../collections/fixtures.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const shared = (level: Level) => folder('s', 'Shared', 'h', { level, access: 'grant', childCount: 3 })
const photo = (level: Level) => file('p', 'photo.png', 's', { level, access: 'grant', mime: 'image/png' })
const doc = (level: Level) => file('d', 'brief.pdf', 's', { level, access: 'grant' })

async function menuFor(name: string, assets = [shared('manage'), photo('manage'), doc('manage')], extra: Partial<Handlers> = {}) {
  const opened = await openWorkspace(sessionOf(RITA), assets, ['s'], extra)
  await opened.user.dblClick(within(grid()).getByRole('option', { name: 'Shared' }))
  fireEvent.contextMenu(await within(grid()).findByRole('option', { name }))
  return { ...opened, menu: await screen.findByRole('menu') }
}

const items = (menu: HTMLElement) => within(menu).getAllByRole('menuitem').map((i) => i.querySelector('.menu-item-label')!.textContent)

const VIEW = ['Open', 'Copy link', 'Download', 'Download as zip', 'Similar images…']
const CONTRIBUTE = ['Copy to…', 'Upload new version…', 'Add to media collections…', 'Edit image…', 'Set focus area…', 'Add auto tags…', 'Remove background…']

/** The item is directly in Launch (at `level` for Rita) and in Brand through its folder. */
const inCollections = (level: Level): Partial<Handlers> => ({
  'collections.associations': () => [
    { collection: collection('c1', 'Launch', level), viaAssetId: 'p', direct: true },
    { collection: collection('c2', 'Brand', 'manage'), viaAssetId: 's', direct: false },
  ],
})
const MANAGE = ['Rename', 'Move to…', 'Share…', 'Delete…']

describe('the context menu', () => {
  it('offers only the view operations at view', async () => {
    const { menu } = await menuFor('photo.png', [shared('view'), photo('view')])
    expect(items(menu)).toEqual(VIEW)
  })

  it('adds the contribute operations at contribute, and none of manage', async () => {
    const { menu } = await menuFor('photo.png', [shared('contribute'), photo('contribute')])
    expect(items(menu)).toEqual(['Open', 'Copy link', 'Download', 'Download as zip', 'Copy to…', 'Upload new version…', 'Add to media collections…', 'Edit image…', 'Set focus area…', 'Add auto tags…', 'Remove background…', 'Similar images…'])
    for (const m of MANAGE) expect(items(menu)).not.toContain(m)
  })

  it('offers everything at manage', async () => {
    const { menu } = await menuFor('photo.png')
    expect(items(menu)).toEqual(expect.arrayContaining([...VIEW, ...CONTRIBUTE, ...MANAGE]))
    expect(items(menu)).toHaveLength(VIEW.length + CONTRIBUTE.length + MANAGE.length)
  })

  it('offers image tools only for images', async () => {
    const { menu } = await menuFor('brief.pdf')
    expect(items(menu)).not.toContain('Edit image…')
    expect(items(menu)).not.toContain('Add auto tags…')
    expect(items(menu)).toContain('Upload new version…')
  })

  it('takes the lowest level among several selected items, and leaves out what needs a single item', async () => {
    const { menu, user } = await menuFor('photo.png', [shared('manage'), photo('manage'), doc('view')])
    fireEvent.keyDown(menu, { key: 'Escape' })
    await user.keyboard('{Control>}')
    await user.click(within(grid()).getByRole('option', { name: 'brief.pdf' }))
    await user.keyboard('{/Control}')
    fireEvent.contextMenu(within(grid()).getByRole('option', { name: 'photo.png' }))
    const second = await screen.findByRole('menu', { name: 'Actions for 2 items' })
    expect(items(second)).toEqual(['Download as zip'])
  })

  it('selects the item right-clicked when it was not selected, and acts on it', async () => {
    const { menu, user } = await menuFor('photo.png')
    expect(within(grid()).getByRole('option', { name: 'photo.png' })).toHaveAttribute('aria-selected', 'true')
    await user.click(within(menu).getByRole('menuitem', { name: /Share/ }))
    expect(useTrove.getState().dialog).toEqual({ kind: 'share', resourceId: 'p', resourceType: 'asset' })
  })

  it('offers “Remove from media collections…” only where the item is directly in a collection the user manages', async () => {
    const { menu, user } = await menuFor('photo.png', undefined, inCollections('manage'))
    const item = await within(menu).findByRole('menuitem', { name: /^Remove from media collections/ })
    await user.click(item)
    expect(useTrove.getState().dialog).toEqual({ kind: 'removeFromCollections', assetId: 'p' })
    cleanup()
    resetStore()
    // In Launch at contribute only, and in Brand through its folder (nothing to remove there): not offered.
    const other = await menuFor('photo.png', undefined, inCollections('contribute'))
    await waitFor(() => expect(useTrove.getState().details?.associations).toHaveLength(2))
    expect(items(other.menu)).not.toContain('Remove from media collections…')
  })

  it('offers the focus area as its own item, opening its dialog', async () => {
    const { menu, user } = await menuFor('photo.png')
    await user.click(within(menu).getByRole('menuitem', { name: /^Set focus area/ }))
    expect(useTrove.getState().dialog).toEqual({ kind: 'focusArea', fileId: 'p' })
  })

  it.each([
    ['Add to media collections…', { kind: 'addToCollections', assetIds: ['p'] }],
    ['Edit image…', { kind: 'imageEditor', fileId: 'p' }],
    ['Add auto tags…', { kind: 'autoTags', fileId: 'p' }],
    ['Remove background…', { kind: 'removeBackground', fileId: 'p' }],
    ['Download as zip', { kind: 'downloadZip', assetIds: ['p'] }],
    ['Move to…', { kind: 'moveCopy', mode: 'move', ids: ['p'] }],
    ['Copy to…', { kind: 'moveCopy', mode: 'copy', ids: ['p'] }],
    ['Delete…', { kind: 'confirmDelete', ids: ['p'] }],
  ])('“%s” opens its dialog by name', async (label, dialog) => {
    const { menu, user } = await menuFor('photo.png')
    await user.click(within(menu).getByRole('menuitem', { name: new RegExp(`^${label.replace(/[.…]/g, '.')}`) }))
    expect(useTrove.getState().dialog).toEqual(dialog)
  })

  it('offers a folder’s own operations, with Open', async () => {
    const { menu, user } = await menuFor('Sub', [shared('manage'), folder('sub', 'Sub', 's', { level: 'manage', access: 'grant' }), photo('manage')])
    expect(menu).toHaveAccessibleName('Actions for Sub')
    expect(items(menu)).toEqual(['Open', 'Copy link', 'Download as zip', 'Rename', 'Move to…', 'Copy to…', 'Add to media collections…', 'Share…', 'Delete…'])
    await user.click(within(menu).getByRole('menuitem', { name: /^Open/ }))
    expect(await screen.findByText('This folder is empty')).toBeInTheDocument()
  })

  it('offers what can be done in the folder itself on a right-click on empty space', async () => {
    const { menu, user } = await menuFor('photo.png', [shared('contribute'), photo('contribute')])
    fireEvent.keyDown(menu, { key: 'Escape' })
    await user.keyboard('{Escape}')
    fireEvent.contextMenu(grid())
    const folderMenu = await screen.findByRole('menu', { name: 'Folder actions' })
    expect(items(folderMenu)).toEqual(['New folder…', 'Upload files…', 'Upload a folder…', 'Select all'])
    await user.click(within(folderMenu).getByRole('menuitem', { name: /New folder/ }))
    expect(await screen.findByRole('dialog', { name: 'New folder' })).toBeInTheDocument()
  })

  it('opens from the keyboard on the active item with the Menu key', async () => {
    const { user } = await openWorkspace(sessionOf(RITA), [shared('contribute'), photo('contribute'), doc('contribute')], ['s'])
    await user.dblClick(within(grid()).getByRole('option', { name: 'Shared' }))
    await within(grid()).findAllByRole('option')
    grid().focus()
    await user.keyboard('{ArrowRight}{ArrowRight}')
    fireEvent.keyDown(grid(), { key: 'ContextMenu' })
    const menu = await screen.findByRole('menu', { name: 'Actions for photo.png' })
    expect(items(menu)).toContain('Edit image…')
  })
})

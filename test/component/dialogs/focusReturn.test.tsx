// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { ADA, file, folder, sessionOf } from '../support/views.js'
import { grid, openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 2 })
const PHOTO = file('p', 'photo.png', 'h', { mime: 'image/png' })
const BRIEF = file('d', 'brief.pdf', 'h')

/** Opens the menu of a tile as a person does (the tile takes focus first), and picks an item. */
async function fromMenu(tileName: string, item: string) {
  const opened = await openWorkspace(sessionOf(ADA), [HOME, PHOTO, BRIEF], ['h'], { 'assets.delete': ({ ids }) => ({ deleted: ids, trashed: ids }) })
  const tile = await within(grid()).findByRole('option', { name: tileName })
  await opened.user.click(tile)
  fireEvent.contextMenu(tile)
  const menu = await screen.findByRole('menu')
  await opened.user.click(within(menu).getByRole('menuitem', { name: new RegExp(`^${item}`) }))
  // Delete asks before something that cannot be taken back lightly: an alert dialog.
  const role = item === 'Delete…' ? 'alertdialog' : 'dialog'
  const dialog = await screen.findByRole(role)
  return { ...opened, tile, dialog }
}

describe('focus after a dialog opened from the context menu', () => {
  for (const item of ['Move to…', 'Copy to…', 'Delete…', 'Add to media collections…']) {
    it(`returns to the tile after ${item} is closed with Escape`, async () => {
      const { tile, dialog, user } = await fromMenu('photo.png', item)
      expect(dialog).toContainElement(document.activeElement as HTMLElement)
      await user.keyboard('{Escape}')
      await waitFor(() => expect(dialog).not.toBeInTheDocument())
      // The grid holds focus and points at the active tile (aria-activedescendant): back on the tile.
      expect(grid()).toHaveFocus()
      expect(grid().getAttribute('aria-activedescendant')).toBe(tile.id)
    })
  }

  it('goes to the centre, not the page body, when what opened it is gone', async () => {
    const { dialog, user } = await fromMenu('photo.png', 'Delete…')
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(dialog).not.toBeInTheDocument())
    expect(document.activeElement).not.toBe(document.body)
    expect(screen.getByRole('main', { name: 'Contents' })).toContainElement(document.activeElement as HTMLElement)
  })
})

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import { resetStore } from '../../../renderer/store/index.js'
import { ADA, file, folder, sessionOf } from '../support/views.js'
import { grid, openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null)

async function askToDelete(names: string[], assets = [HOME, folder('b', 'Brand', 'h', { childCount: 14 }), folder('e', 'Empty', 'h'), file('l', 'logo.png', 'h')], extra = {}) {
  const opened = await openWorkspace(sessionOf(ADA), assets, ['h'], extra)
  await opened.user.click(within(grid()).getByRole('option', { name: names[0] }))
  await opened.user.keyboard('{Control>}')
  for (const n of names.slice(1)) await opened.user.click(within(grid()).getByRole('option', { name: n }))
  await opened.user.keyboard('{/Control}')
  await openFromMenu(opened.user, names[0])
  return { ...opened, dialog: await screen.findByRole('alertdialog') }
}

/** The menu's "Delete…" asks first; the Delete key sends to the trash at once, with Undo. */
async function openFromMenu(user: { click(el: Element): Promise<void> }, name: string) {
  fireEvent.contextMenu(within(grid()).getByRole('option', { name }))
  await user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: /^Delete…/ }))
}

describe('the delete confirmation', () => {
  it('names what goes, and how many items each folder takes with it', async () => {
    const { dialog } = await askToDelete(['Brand', 'Empty', 'logo.png'])
    expect(dialog).toHaveAccessibleName('Delete 3 items?')
    const list = within(dialog).getByRole('list', { name: 'To be deleted' })
    expect(within(list).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['Brandfolder with 14 items inside', 'Emptyfolder, empty', 'logo.png'])
    expect(dialog).toHaveTextContent('Folders go with everything in them, at every depth. They go to the trash')
  })

  it('deletes only when confirmed, and the centre no longer shows what went', async () => {
    const assets = [HOME, file('l', 'logo.png', 'h'), file('k', 'keep.png', 'h')]
    const { dialog, user, api } = await askToDelete(['logo.png'], assets, {
      'assets.delete': ({ ids }: { ids: string[] }) => {
        assets.splice(assets.findIndex((a) => a.id === ids[0]), 1)
        return { deleted: ids }
      },
    })
    expect(dialog).toHaveAccessibleName('Delete “logo.png”?')
    expect(dialog).not.toHaveTextContent('Folders go')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(api.callsTo('assets.delete')).toEqual([])
    await openFromMenu(user, 'logo.png')
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(within(grid()).queryByRole('option', { name: 'logo.png' })).toBeNull())
    expect(api.callsTo('assets.delete')).toEqual([{ ids: ['l'] }])
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('shows main’s refusal inside the dialog and keeps it open', async () => {
    const { dialog, user } = await askToDelete(['logo.png'], undefined, {
      'assets.delete': () => {
        throw new AppError('FORBIDDEN', 'You need manage on "logo.png" to delete it.')
      },
    })
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You need manage on "logo.png" to delete it.')
    expect(screen.getByRole('alertdialog')).toBe(dialog)
  })
})

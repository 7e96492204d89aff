// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { TrashItemView } from '../../../shared/views.js'
import { resetStore } from '../../../renderer/store/index.js'
import { ADA, file, folder, sessionOf } from '../support/views.js'
import { openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 0 })
const item = (id: string, name: string, kind: 'file' | 'folder', count = 1): TrashItemView => ({
  id, kind, name, fromPath: '/Brand', trashedAt: Date.UTC(2026, 0, 2), trashedBy: { id: 'u-ada', name: 'Ada' },
  purgeAt: Date.UTC(2026, 1, 1), count, bytes: 2048,
})

async function openTrash() {
  let items = [item('logo', 'logo.png', 'file'), item('old', 'Old', 'folder', 4)]
  const opened = await openWorkspace(sessionOf(ADA), [HOME], ['h'], {
    'trash.list': () => items,
    'trash.restore': ({ ids }) => {
      items = items.filter((i) => !ids.includes(i.id))
      return { restored: ids.map((id) => file(id, 'logo.png', 'h')) }
    },
    'trash.purge': ({ ids }) => {
      items = items.filter((i) => !ids.includes(i.id))
      return { purged: ids }
    },
    'trash.empty': () => {
      const purged = items.map((i) => i.id)
      items = []
      return { purged }
    },
  })
  await opened.user.click(screen.getByRole('button', { name: 'Trash' }))
  const pane = await screen.findByRole('main', { name: 'Trash' })
  await within(pane).findByRole('list', { name: 'Deleted items' })
  return { ...opened, pane }
}

describe('the trash screen', () => {
  it('lists what was deleted, where from and by whom, and restores an item with Undo on offer', async () => {
    const { pane, user, api } = await openTrash()
    const rows = within(pane).getAllByRole('listitem')
    expect(rows.map((r) => r.querySelector('strong')!.textContent)).toEqual(['logo.png', 'Old'])
    expect(rows[1]).toHaveTextContent(/from \/Brand · deleted by Ada on .* · 3 items inside/)
    await user.click(within(pane).getByRole('button', { name: 'Restore logo.png' }))
    expect(api.callsTo('trash.restore')).toEqual([{ ids: ['logo'] }])
    await waitFor(() => expect(within(pane).getAllByRole('listitem')).toHaveLength(1))
    expect(within(screen.getByRole('region', { name: 'Notifications' })).getByRole('status')).toHaveTextContent('Restored “logo.png” to /.')
  })

  it('deletes an item for good only after asking, and focus goes back where it was', async () => {
    const { pane, user, api } = await openTrash()
    const purge = within(pane).getByRole('button', { name: 'Delete Old for good' })
    await user.click(purge)
    const dialog = screen.getByRole('alertdialog', { name: 'Delete “Old” for good?' })
    expect(dialog).toHaveTextContent('The folder and the 3 items in it are destroyed')
    await user.keyboard('{Escape}')
    expect(purge).toHaveFocus()
    expect(api.callsTo('trash.purge')).toEqual([])
    await user.click(purge)
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete for good' }))
    expect(api.callsTo('trash.purge')).toEqual([{ ids: ['old'] }])
    await waitFor(() => expect(within(pane).getAllByRole('listitem')).toHaveLength(1))
  })

  it('empties the trash after asking', async () => {
    const { pane, user, api } = await openTrash()
    await user.click(within(pane).getByRole('button', { name: 'Empty trash…' }))
    await user.click(within(screen.getByRole('alertdialog', { name: 'Empty the trash?' })).getByRole('button', { name: 'Empty trash' }))
    expect(api.callsTo('trash.empty')).toHaveLength(1)
    expect(await within(pane).findByText('The trash is empty.')).toBeInTheDocument()
  })

  it('shows a file’s thumbnail, and a long trash a page at a time', async () => {
    const many = Array.from({ length: 230 }, (_, i) => item(`f${i}`, `file ${String(i).padStart(3, '0')}.txt`, 'file'))
    many[0] = { ...item('pic', 'pic.png', 'file'), mime: 'image/png', currentVersion: 2 }
    const { user } = await openWorkspace(sessionOf(ADA), [HOME], ['h'], { 'trash.list': () => many })
    await user.click(screen.getByRole('button', { name: 'Trash' }))
    const list = await screen.findByRole('list', { name: 'Deleted items' })
    const rows = within(list).getAllByRole('listitem')
    expect(rows).toHaveLength(100)
    expect(rows[0].querySelector('img.trash-thumb')!.getAttribute('src')).toMatch(/thumb.*pic.*v=2|v=2.*thumb.*pic/)
    expect(rows[1].querySelector('img')).toBeNull()
    expect(screen.getByText('Showing 100 of 230.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show 100 more' }))
    await user.click(screen.getByRole('button', { name: 'Show 30 more' }))
    expect(within(list).getAllByRole('listitem')).toHaveLength(230)
    expect(screen.queryByRole('button', { name: /more$/ })).toBeNull()
  })
})

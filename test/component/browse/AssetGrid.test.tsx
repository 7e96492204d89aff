// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { fakeLayout } from '../support/dom.js'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { ADA, file, folder, sessionOf } from '../support/views.js'
import { grid, openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null)

function manyFiles(n: number) {
  return Array.from({ length: n }, (_, i) => file(`f${i}`, `photo-${String(i).padStart(6, '0')}.jpg`, 'h', { mime: 'image/jpeg', size: 1000 + i }))
}

const option = (name: string) => within(grid()).getByRole('option', { name })
const selectedNames = () => within(grid()).queryAllByRole('option', { selected: true }).map((o) => o.getAttribute('aria-label'))

describe('the grid', () => {
  it('holds a bounded number of tiles in the DOM for a folder of 20,000 files, and reaches the last by keyboard', async () => {
    const restore = fakeLayout()
    onTestFinished(restore)
    // Hundreds of times what fits on screen. At 100,000 files, listing and sorting them in jsdom
    // took 20-30 s of a busy machine, a speed test with the test's timeout as its limit; how a
    // 100,000-file folder scrolls is measured in Chromium by `npm run bench -- ui`.
    const files = manyFiles(20_000)
    await openWorkspace(sessionOf(ADA), [HOME, ...files], ['h'])
    const options = await within(grid()).findAllByRole('option')
    expect(options.length).toBeGreaterThan(10)
    expect(options.length).toBeLessThanOrEqual(60)
    expect(options[0]).toHaveAttribute('aria-setsize', '20000')
    expect(options[0]).toHaveAttribute('aria-posinset', '1')
    expect(screen.getByText('20000 items')).toBeInTheDocument()

    grid().focus()
    fireEvent.keyDown(grid(), { key: 'End' })
    const last = await within(grid()).findByRole('option', { name: 'photo-019999.jpg' })
    expect(last).toHaveAttribute('aria-selected', 'true')
    expect(last).toHaveAttribute('aria-posinset', '20000')
    expect(grid()).toHaveAttribute('aria-activedescendant', last.id)
    expect(within(grid()).queryByRole('option', { name: 'photo-000000.jpg' })).toBeNull()
    expect(within(grid()).getAllByRole('option').length).toBeLessThanOrEqual(60)
  })

  it('selects with click, ctrl-click and shift-click, and all with Ctrl+A', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), [HOME, ...manyFiles(8)], ['h'])
    await user.click(option('photo-000001.jpg'))
    expect(selectedNames()).toEqual(['photo-000001.jpg'])
    await user.keyboard('{Control>}')
    await user.click(option('photo-000003.jpg'))
    await user.keyboard('{/Control}')
    expect(selectedNames()).toEqual(['photo-000001.jpg', 'photo-000003.jpg'])
    // Shift extends from the last item clicked without shift.
    await user.keyboard('{Shift>}')
    await user.click(option('photo-000005.jpg'))
    await user.keyboard('{/Shift}')
    expect(selectedNames()).toEqual(['photo-000003.jpg', 'photo-000004.jpg', 'photo-000005.jpg'])
    await user.click(option('photo-000000.jpg'))
    expect(selectedNames()).toEqual(['photo-000000.jpg'])
    await user.keyboard('{Control>}a{/Control}')
    expect(selectedNames()).toHaveLength(8)
    expect(screen.getByText(/8 selected/)).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(selectedNames()).toEqual([])
  })

  it('moves by tile and by row with the arrow keys, extends with shift, and opens a folder with Enter', async () => {
    const brand = folder('b', 'Brand', 'h', { childCount: 0 })
    const { user, api } = await openWorkspace(sessionOf(ADA), [HOME, brand, ...manyFiles(12)], ['h'])
    // 1024 px without layout: five tiles a row (see useElementSize).
    grid().focus()
    await user.keyboard('{ArrowRight}')
    expect(selectedNames()).toEqual(['Brand'])
    await user.keyboard('{ArrowRight}{ArrowDown}')
    expect(selectedNames()).toEqual(['photo-000005.jpg'])
    await user.keyboard('{Shift>}{ArrowLeft}{ArrowLeft}{/Shift}')
    expect(selectedNames()).toEqual(['photo-000003.jpg', 'photo-000004.jpg', 'photo-000005.jpg'])
    await user.keyboard('{Home}{Enter}')
    await waitFor(() => expect(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByText('Brand')).toHaveAttribute('aria-current', 'page'))
    expect(api.callsTo('assets.list')).toContainEqual({ folderId: 'b' })
  })

  it('sends to the trash with the Delete key, with Undo, where the user manages everything selected, and not otherwise', async () => {
    const mine = file('m', 'mine.png', 'h', { level: 'manage' })
    const theirs = file('t', 'theirs.png', 'h', { level: 'contribute' })
    const assets = [{ ...HOME, level: 'contribute' as const }, mine, theirs]
    const { user, api } = await openWorkspace(sessionOf(ADA), assets, ['h'], {
      'assets.delete': ({ ids }) => {
        for (const id of ids) assets.splice(assets.findIndex((a) => a.id === id), 1)
        return { deleted: ids, trashed: ids }
      },
      'trash.restore': () => {
        assets.push(mine)
        return { restored: [mine] }
      },
    })
    await user.click(option('theirs.png'))
    await user.keyboard('{Delete}')
    await user.keyboard('{Control>}a{/Control}{Delete}')
    expect(api.callsTo('assets.delete')).toEqual([])
    await user.click(option('mine.png'))
    await user.keyboard('{Delete}')
    // No question first: it goes, and the notice offers Undo.
    expect(screen.queryByRole('alertdialog')).toBeNull()
    await waitFor(() => expect(within(grid()).queryByRole('option', { name: 'mine.png' })).toBeNull())
    expect(api.callsTo('assets.delete')).toEqual([{ ids: ['m'] }])
    await user.click(await screen.findByRole('button', { name: /^Undo/ }))
    await waitFor(() => expect(api.callsTo('trash.restore')).toEqual([{ ids: ['m'] }]))
    expect(await within(grid()).findByRole('option', { name: 'mine.png' })).toBeInTheDocument()
  })

  it('sends a file the details panel shows to the trash only once the panel has its answers, so none meets a trashed file', async () => {
    const assets = [HOME, file('p', 'photo.png', 'h', { level: 'manage' })]
    let release = () => undefined as void
    const gate = new Promise<void>((r) => (release = r))
    const heard: string[] = []
    const { user, api } = await openWorkspace(sessionOf(ADA), assets, ['h'], {
      'comments.list': async () => {
        await gate
        heard.push('comments')
        return []
      },
      'activity.list': async () => {
        await gate
        heard.push('activity')
        return { items: [], hasMore: false }
      },
      'assets.delete': ({ ids }) => {
        heard.push('delete')
        assets.splice(1, 1)
        return { deleted: ids, trashed: ids }
      },
    })
    await user.click(option('photo.png'))
    await waitFor(() => expect(api.callsTo('comments.list')).toEqual([{ fileId: 'p' }]))
    await waitFor(() => expect(api.callsTo('activity.list')).toContainEqual(expect.objectContaining({ resourceId: 'p' })))
    await user.keyboard('{Delete}')
    release()
    await waitFor(() => expect(heard).toContain('delete'))
    expect(heard.slice(0, 2).sort()).toEqual(['activity', 'comments'])
    expect(heard.slice(2)).toEqual(['delete'])
    await waitFor(() => expect(screen.queryByRole('option', { name: 'photo.png' })).toBeNull())
  })

  it('shows a placeholder until a thumbnail arrives, and an icon by type for other files', async () => {
    const photo = file('p', 'photo.jpg', 'h', { mime: 'image/jpeg' })
    const doc = file('d', 'notes.txt', 'h', { mime: 'text/plain' })
    await openWorkspace(sessionOf(ADA), [HOME, photo, doc], ['h'])
    const tile = option('photo.jpg')
    const img = tile.querySelector('img')!
    expect(img.getAttribute('src')).toBe('/thumb/p?v=1')
    expect(tile.querySelector('.tile-placeholder')).not.toBeNull()
    act(() => {
      img.dispatchEvent(new Event('load'))
    })
    expect(tile.querySelector('.tile-placeholder')).toBeNull()
    expect(option('notes.txt').querySelector('img')).toBeNull()
    expect(option('notes.txt')).toHaveTextContent('TXT')
  })

  it('renames in place with F2; main’s refusal shows under the name and the field stays open', async () => {
    const photo = file('p', 'photo.jpg', 'h')
    const { user, api } = await openWorkspace(sessionOf(ADA), [HOME, photo, file('q', 'taken.jpg', 'h')], ['h'], {
      'assets.rename': ({ id, name }) => {
        if (name === 'taken.jpg') throw new AppError('CONFLICT', '"Home" already holds something named "taken.jpg".', { name })
        // Main's record changes, so the listing asked for afterwards has the new name.
        photo.name = name
        return { ...photo, id }
      },
    })
    await user.click(option('photo.jpg'))
    await user.keyboard('{F2}')
    const field = screen.getByRole('textbox', { name: 'New name for photo.jpg' })
    expect(field).toHaveFocus()
    await user.clear(field)
    await user.type(field, 'taken.jpg{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent('"Home" already holds something named "taken.jpg".')
    expect(field).toHaveAttribute('aria-invalid', 'true')
    await user.clear(field)
    await user.type(field, 'beach.jpg{Enter}')
    await waitFor(() => expect(screen.queryByRole('textbox', { name: /New name/ })).toBeNull())
    expect(api.callsTo('assets.rename')).toEqual([
      { id: 'p', name: 'taken.jpg' },
      { id: 'p', name: 'beach.jpg' },
    ])
    expect(option('beach.jpg')).toHaveAttribute('aria-selected', 'true')
    expect(useTrove.getState().renamingId).toBeNull()
  })

  it('leaves the name as it was when renaming is cancelled with Escape', async () => {
    const { user, api } = await openWorkspace(sessionOf(ADA), [HOME, file('p', 'photo.jpg', 'h')], ['h'])
    await user.click(option('photo.jpg'))
    await user.keyboard('{F2}')
    await user.keyboard('x{Escape}')
    expect(screen.queryByRole('textbox', { name: /New name/ })).toBeNull()
    expect(api.callsTo('assets.rename')).toEqual([])
    expect(option('photo.jpg')).toBeInTheDocument()
  })

  it('does not offer renaming with F2 below manage', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), [{ ...HOME, level: 'contribute' }, file('p', 'photo.jpg', 'h', { level: 'contribute' })], ['h'])
    await user.click(option('photo.jpg'))
    await user.keyboard('{F2}')
    expect(screen.queryByRole('textbox', { name: /New name/ })).toBeNull()
  })
})

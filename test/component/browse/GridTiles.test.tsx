// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { fakeLayout } from '../support/dom.js'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { THUMB_RETRY_MS, ThumbImage, Thumbnail } from '../../../renderer/components/browse/Thumbnail.js'
import { ADA, RITA, file, folder, sessionOf } from '../support/views.js'
import { grid, list, openWorkspace } from '../support/workspace.js'
import { mockApi } from '../support/mockApi.js'

beforeEach(() => localStorage.clear())
afterEach(() => {
  cleanup()
  resetStore()
  vi.useRealTimers()
})

const HOME = folder('h', 'Home', null, { childCount: 12 })
const PHOTOS = folder('ph', 'Photos', 'h', { childCount: 3 })
const files = Array.from({ length: 11 }, (_, i) => file(`f${i}`, `photo-${String(i).padStart(2, '0')}.jpg`, 'h', { mime: 'image/jpeg' }))
const LIBRARY = [HOME, PHOTOS, ...files]
const selectedNames = () => within(grid()).queryAllByRole('option', { selected: true }).map((o) => o.getAttribute('aria-label'))

describe('grid tiles', () => {
  it('sizes tiles with the slider and fits or fills pictures, remembered for each user', async () => {
    await openWorkspace(sessionOf(ADA), LIBRARY, ['h'])
    expect(grid()).toHaveAttribute('data-fit', 'fit')
    const slider = screen.getByRole('slider', { name: 'Tile size' })
    expect(slider).toHaveValue('168')
    fireEvent.change(slider, { target: { value: '264' } })
    fireEvent.click(screen.getByRole('radio', { name: 'Fill' }))
    expect(grid()).toHaveAttribute('data-fit', 'fill')
    expect(JSON.parse(localStorage.getItem(`trove.grid.${ADA.id}`)!)).toEqual({ tileSize: 264, tileFit: 'fill' })

    // Another user in this browser starts from the defaults; Ada finds hers again.
    cleanup()
    resetStore()
    await openWorkspace(sessionOf(RITA), LIBRARY, ['h'])
    expect(screen.getByRole('slider', { name: 'Tile size' })).toHaveValue('168')
    expect(grid()).toHaveAttribute('data-fit', 'fit')
    cleanup()
    resetStore()
    await openWorkspace(sessionOf(ADA), LIBRARY, ['h'])
    expect(screen.getByRole('slider', { name: 'Tile size' })).toHaveValue('264')
    expect(grid()).toHaveAttribute('data-fit', 'fill')
  })

  it('fits more tiles in a row when they are smaller', async () => {
    const restore = fakeLayout(1024, 720)
    onTestFinished(restore)
    await openWorkspace(sessionOf(ADA), LIBRARY, ['h'])
    const rowOf = () => within(grid()).getByRole('option', { name: 'Photos' }).parentElement!.style.gridTemplateColumns
    expect(rowOf()).toBe('repeat(5, minmax(0, 1fr))')
    fireEvent.change(screen.getByRole('slider', { name: 'Tile size' }), { target: { value: '120' } })
    expect(rowOf()).toBe('repeat(7, minmax(0, 1fr))')
  })

  it('shows a few pictures of a folder in its tile, as main picks them for this user', async () => {
    const { api } = await openWorkspace(sessionOf(ADA), LIBRARY, ['h'], {
      'assets.previews': ({ folderIds }) => Object.fromEntries(folderIds.map((id) => [id, id === 'ph' ? [{ id: 'p1', version: 2 }, { id: 'p2', version: 1 }] : []])),
    })
    const tile = within(grid()).getByRole('option', { name: 'Photos' })
    await waitFor(() => expect(tile.querySelectorAll('img')).toHaveLength(2))
    expect([...tile.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['/thumb/p1?v=2', '/thumb/p2?v=1'])
    expect(api.callsTo('assets.previews')).toEqual([{ folderIds: ['ph'] }])
    // A change reaching this user asks again, keeping the pictures on show meanwhile.
    await act(async () => api.emit('library.changed', { seq: 1, op: 'files.upload', tables: ['assets'], assetIds: ['p3'] }))
    await waitFor(() => expect(api.callsTo('assets.previews')).toHaveLength(2))
    expect(tile.querySelectorAll('img')).toHaveLength(2)
  })

  it('selects what a band drawn over empty space touches; Shift adds to the selection and Ctrl toggles', async () => {
    const restore = fakeLayout(1024, 720)
    onTestFinished(restore)
    await openWorkspace(sessionOf(ADA), LIBRARY, ['h'])
    // Five tiles a row (182 px wide, 16 px apart, from 24 px); rows 211 px apart from 20 px.
    const band = (from: [number, number], to: [number, number], mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}) => {
      fireEvent.pointerDown(grid(), { button: 0, clientX: from[0], clientY: from[1], pointerId: 1, ...mods })
      fireEvent.pointerMove(grid(), { clientX: to[0], clientY: to[1], pointerId: 1, ...mods })
      fireEvent.pointerUp(grid(), { clientX: to[0], clientY: to[1], pointerId: 1 })
      fireEvent.click(grid())
    }
    band([300, 10], [600, 260])
    // Photos, then photo-00 to photo-10: the band touches the 2nd and 3rd of the first two rows.
    expect(selectedNames()).toEqual(['photo-00.jpg', 'photo-01.jpg', 'photo-05.jpg', 'photo-06.jpg'])
    band([10, 10], [30, 30], { shiftKey: true })
    expect(selectedNames()).toEqual(['Photos', 'photo-00.jpg', 'photo-01.jpg', 'photo-05.jpg', 'photo-06.jpg'])
    band([300, 10], [400, 30], { ctrlKey: true })
    expect(selectedNames()).toEqual(['Photos', 'photo-01.jpg', 'photo-05.jpg', 'photo-06.jpg'])
    // A plain click on empty space still clears it.
    fireEvent.click(grid())
    expect(selectedNames()).toEqual([])
  })

  it('shows small thumbnails in the list for files that have a picture', async () => {
    await openWorkspace(sessionOf(ADA), [HOME, files[0], file('d', 'notes.txt', 'h', { mime: 'text/plain' })], ['h'])
    fireEvent.click(screen.getByRole('radio', { name: 'List' }))
    const photo = within(list()).getByRole('row', { name: /photo-00\.jpg/ })
    expect(photo.querySelector('img.list-thumb')).toHaveAttribute('src', '/thumb/f0?v=1')
    expect(within(list()).getByRole('row', { name: /notes\.txt/ }).querySelector('img')).toBeNull()
  })
})

describe('thumbnails that arrive late or fail', () => {
  it('asks again after a failure, a little later each time, then shows the type icon', () => {
    vi.useFakeTimers()
    mockApi({})
    render(<Thumbnail asset={files[0]} onScreen />)
    for (let attempt = 0; attempt < THUMB_RETRY_MS.length; attempt++) {
      const img = document.querySelector('img')!
      expect(img.getAttribute('src')).toBe(attempt === 0 ? '/thumb/f0?v=1' : `/thumb/f0?v=1&attempt=${attempt}`)
      fireEvent.error(img)
      expect(document.querySelector('img')).toBeNull()
      act(() => vi.advanceTimersByTime(THUMB_RETRY_MS[attempt] - 1))
      expect(document.querySelector('img')).toBeNull()
      act(() => vi.advanceTimersByTime(1))
    }
    fireEvent.error(document.querySelector('img')!)
    expect(document.querySelector('img')).toBeNull()
    expect(document.querySelector('.tile-file')).not.toBeNull()
  })

  it('asks first for the pictures on screen', () => {
    mockApi({})
    render(
      <>
        <ThumbImage fileId="a" onScreen className="tile-thumb" onGiveUp={() => undefined} />
        <ThumbImage fileId="b" onScreen={false} className="tile-thumb" onGiveUp={() => undefined} />
      </>,
    )
    const [near, far] = document.querySelectorAll('img')
    expect([near.getAttribute('fetchpriority'), near.getAttribute('loading')]).toEqual(['high', 'eager'])
    expect([far.getAttribute('fetchpriority'), far.getAttribute('loading')]).toEqual(['low', 'lazy'])
  })
})


// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { fakeLayout } from '../support/dom.js'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import type { Level } from '../../../shared/domain.js'
import { ADA, file, folder, sessionOf } from '../support/views.js'
import { grid, openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 3 })
const photos = (level: Level) => [
  file('a', 'a-sunrise.jpg', 'h', { mime: 'image/jpeg', width: 4000, height: 3000, level, embedded: { camera: 'Canon EOS R5' } }),
  file('b', 'b-noon.jpg', 'h', { mime: 'image/jpeg', width: 800, height: 600, level }),
  file('c', 'c-notes.zip', 'h', { mime: 'application/zip', level }),
]

async function open(level: Level = 'manage', session = sessionOf(ADA)) {
  onTestFinished(fakeLayout(1000, 700))
  const assets = [HOME, ...photos(level)]
  const opened = await openWorkspace(session, assets, ['h'])
  await screen.findByRole('option', { name: 'a-sunrise.jpg' })
  return opened
}

const viewer = () => screen.getByRole('dialog', { name: /^Viewer/ })

describe('the viewer', () => {
  it('opens on double-click, Enter and Space, and Escape goes back to the same selection', async () => {
    const { user } = await open()
    await user.dblClick(screen.getByRole('option', { name: 'a-sunrise.jpg' }))
    expect(viewer()).toHaveAccessibleName('Viewer: a-sunrise.jpg')
    expect(within(viewer()).getByLabelText('Position')).toHaveTextContent('1 of 3')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(useTrove.getState().selection).toEqual(['a'])

    grid().focus()
    await user.keyboard('{ArrowRight}{Enter}')
    expect(viewer()).toHaveAccessibleName('Viewer: b-noon.jpg')
    await user.keyboard(' ')
    expect(screen.queryByRole('dialog')).toBeNull()
    await user.keyboard(' ')
    expect(viewer()).toHaveAccessibleName('Viewer: b-noon.jpg')
    await user.keyboard('{Escape}')
    expect(useTrove.getState().selection).toEqual(['b'])
  })

  it('goes through the view with the arrow keys, and says where it is', async () => {
    const { user } = await open()
    await user.dblClick(screen.getByRole('option', { name: 'a-sunrise.jpg' }))
    await user.keyboard('{ArrowLeft}')
    expect(viewer()).toHaveAccessibleName('Viewer: a-sunrise.jpg')
    await user.keyboard('{ArrowRight}')
    expect(within(viewer()).getByLabelText('Position')).toHaveTextContent('2 of 3')
    await user.keyboard('{ArrowRight}')
    expect(viewer()).toHaveAccessibleName('Viewer: c-notes.zip')
    // A type no viewer shows: a large icon, and a download.
    expect(within(viewer()).getByText('ZIP files cannot be shown here.')).toBeInTheDocument()
    expect(within(viewer()).getAllByRole('button', { name: 'Download' }).length).toBeGreaterThan(0)
    await user.keyboard('{ArrowRight}')
    expect(viewer()).toHaveAccessibleName('Viewer: c-notes.zip')
    await user.click(within(viewer()).getByRole('button', { name: 'Previous' }))
    expect(viewer()).toHaveAccessibleName('Viewer: b-noon.jpg')
  })

  it('fits the picture, zooms to 100%, with the keys, buttons and the wheel, and starts the next file at fit', async () => {
    const { user } = await open()
    await user.dblClick(screen.getByRole('option', { name: 'a-sunrise.jpg' }))
    const level = () => within(viewer()).getByLabelText('Zoom level')
    const picture = () => within(viewer()).getByRole('img', { name: 'a-sunrise.jpg' })
    expect(level()).toHaveTextContent('Fit')
    // 4000 × 3000 in a 1000 × 700 box: 700/3000 of its size, and the preview is enough.
    expect(parseFloat(picture().style.width)).toBeCloseTo(933.33, 1)
    expect(viewer().querySelector('img.viewer-original')).toBeNull()
    await user.keyboard('1')
    expect(level()).toHaveTextContent('100%')
    expect(picture()).toHaveStyle({ width: '4000px' })
    // Larger than the preview: the original is fetched over it.
    expect(viewer().querySelector('img.viewer-original')?.getAttribute('src')).toMatch(/file/)
    await user.keyboard('-')
    expect(level()).toHaveTextContent('80%')
    await user.click(within(viewer()).getByRole('button', { name: 'Zoom in' }))
    expect(level()).toHaveTextContent('100%')
    fireEvent.wheel(screen.getByTestId('viewer-stage'), { deltaY: -100, ctrlKey: true })
    expect(level()).toHaveTextContent('272%')
    await user.keyboard('0')
    expect(level()).toHaveTextContent('Fit')
    await user.keyboard('1{ArrowRight}')
    expect(viewer()).toHaveAccessibleName('Viewer: b-noon.jpg')
    expect(level()).toHaveTextContent('Fit')
  })

  it('drags the picture to pan it once zoomed', async () => {
    await open()
    fireEvent.doubleClick(screen.getByRole('option', { name: 'a-sunrise.jpg' }))
    const stage = screen.getByTestId('viewer-stage')
    fireEvent.keyDown(window, { key: '1' })
    await waitFor(() => expect(within(viewer()).getByLabelText('Zoom level')).toHaveTextContent('100%'))
    fireEvent.pointerDown(stage, { pointerId: 1, button: 0, clientX: 500, clientY: 300 })
    fireEvent.pointerMove(stage, { pointerId: 1, clientX: 440, clientY: 330 })
    fireEvent.pointerUp(stage, { pointerId: 1 })
    expect(within(viewer()).getByRole('img', { name: 'a-sunrise.jpg' }).style.transform).toBe('translate(-60px, 30px)')
  })

  it('shows the key properties', async () => {
    const { user } = await open()
    await user.dblClick(screen.getByRole('option', { name: 'a-sunrise.jpg' }))
    const props = within(viewer()).getByLabelText('Properties')
    expect(props).toHaveTextContent('Canon EOS R5')
    expect(props).toHaveTextContent('4000 × 3000')
  })

  it('offers the actions the level allows: a viewer copies the link, a manager also shares and deletes', async () => {
    const actions = async () => within(viewer()).getAllByRole('button').map((b) => b.textContent).filter((t) => t && /^[A-Z]/.test(t))
    const { user } = await open('view')
    await user.dblClick(screen.getByRole('option', { name: 'a-sunrise.jpg' }))
    const viewing = await actions()
    expect(viewing).toContain('Copy link')
    expect(viewing).not.toContain('Share…')
    expect(viewing).not.toContain('Delete…')
    cleanup()
    resetStore()
    const second = await open('manage')
    await second.user.dblClick(screen.getByRole('option', { name: 'a-sunrise.jpg' }))
    const managing = await actions()
    expect(managing).toEqual(expect.arrayContaining(['Copy link', 'Download', 'Edit image…', 'Share…', 'Delete…']))
    await second.user.click(within(viewer()).getByRole('button', { name: 'Share…' }))
    expect(useTrove.getState().dialog).toEqual({ kind: 'share', resourceId: 'a', resourceType: 'asset' })
  })

  it('puts the open file in the address, and a reload of it opens the viewer again', async () => {
    const { user } = await open()
    await user.dblClick(screen.getByRole('option', { name: 'b-noon.jpg' }))
    await waitFor(() => expect(window.location.search).toBe('?file=b'))
    expect(window.location.hash).toBe('#/folder/h')
    cleanup()
    useTrove.setState(useTrove.getInitialState(), true)
    await openWorkspace(sessionOf(ADA), [HOME, ...photos('manage')], ['h'])
    expect(await screen.findByRole('dialog', { name: 'Viewer: b-noon.jpg' })).toBeInTheDocument()
  })

  it('holds focus like every dialog: Tab stays inside, the view beneath is hidden, and Escape gives focus back to the tile', async () => {
    const { user } = await open()
    const tile = screen.getByRole('option', { name: 'b-noon.jpg' })
    await user.click(tile)
    await user.keyboard('{Enter}')
    expect(viewer()).toHaveFocus()
    // Readers of the page meet the viewer alone while it is open.
    expect(screen.queryByRole('main', { name: 'Contents' })).toBeNull()
    for (let i = 0; i < 12; i++) {
      await user.tab()
      expect(viewer()).toContainElement(document.activeElement as HTMLElement)
    }
    await user.tab({ shift: true })
    expect(viewer()).toContainElement(document.activeElement as HTMLElement)
    // Space on a focused button presses it rather than closing the viewer.
    within(viewer()).getByRole('button', { name: 'Previous' }).focus()
    await user.keyboard(' ')
    expect(viewer()).toHaveAccessibleName('Viewer: a-sunrise.jpg')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByRole('main', { name: 'Contents' })).toBeInTheDocument()
    await waitFor(() => expect(document.activeElement?.closest('[role="listbox"]')).toBe(grid()))
  })

  it('lets a dialog opened from it take Escape first, then gives focus back to the button that opened it', async () => {
    const { user } = await open()
    await user.dblClick(screen.getByRole('option', { name: 'a-sunrise.jpg' }))
    const remove = within(viewer()).getByRole('button', { name: 'Delete…' })
    await user.click(remove)
    const question = await screen.findByRole('alertdialog')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(question).not.toBeInTheDocument())
    // The viewer is still open on the same file, and the keyboard is back where it was.
    expect(viewer()).toHaveAccessibleName('Viewer: a-sunrise.jpg')
    await waitFor(() => expect(within(viewer()).getByRole('button', { name: 'Delete…' })).toHaveFocus())
    await user.click(within(viewer()).getByRole('button', { name: 'Close viewer' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(useTrove.getState().viewerId).toBeNull()
  })
})

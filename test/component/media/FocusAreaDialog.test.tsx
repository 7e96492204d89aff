// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import type { AssetView } from '../../../shared/views.js'
import { FocusAreaOverlay } from '../../../renderer/components/media/FocusAreaOverlay.js'
import { useTrove } from '../../../renderer/store/index.js'
import { openDialog, tearDown } from '../jobs/harness.js'
import { file } from '../support/views.js'

afterEach(tearDown)

const PHOTO = file('p1', 'photo.jpg', 'f1', { mime: 'image/jpeg', width: 400, height: 300, level: 'contribute' })

function openFocus(asset: AssetView, handlers: Parameters<typeof openDialog>[1] = {}) {
  const opened = openDialog({ kind: 'focusArea', fileId: asset.id }, {
    'assets.get': () => asset,
    'focus.set': ({ rect }) => ({ ...asset, focus: rect }),
    ...handlers,
  })
  return { ...opened, u: userEvent.setup() }
}

async function focusDialog() {
  await screen.findByRole('button', { name: 'Save focus area' })
  return screen.getByRole('dialog', { name: 'Focus area' })
}

describe('the focus area', () => {
  it('is drawn with the keyboard from the middle and stored with focus.set', async () => {
    const { api, u } = openFocus(PHOTO)
    const dialog = await focusDialog()
    expect(dialog).toHaveTextContent('No focus area')
    expect(within(dialog).getByRole('button', { name: 'Save focus area' })).toBeDisabled()
    await u.click(within(dialog).getByRole('button', { name: 'Start in the middle' }))
    const area = within(dialog).getByRole('group', { name: 'Focus area' })
    area.focus()
    await u.keyboard('{Control>}{ArrowLeft}{ArrowUp}{/Control}')
    expect(area).toHaveAccessibleDescription(/15% from the left, 15% from the top, 50% wide and 50% high/)
    await u.click(within(dialog).getByRole('button', { name: 'Save focus area' }))
    expect(api.callsTo('focus.set')).toEqual([{ fileId: 'p1', rect: { x: expect.closeTo(0.15), y: expect.closeTo(0.15), width: 0.5, height: 0.5 } }])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(useTrove.getState().byId.p1.focus).toMatchObject({ width: 0.5 })
  })

  it('shows the stored one and clears it with a null rectangle', async () => {
    const { api, u } = openFocus({ ...PHOTO, focus: { x: 0.5, y: 0.1, width: 0.25, height: 0.4 } })
    const dialog = await focusDialog()
    expect(within(dialog).getByRole('group', { name: 'Focus area' })).toHaveAccessibleDescription(/50% from the left, 10% from the top, 25% wide and 40% high/)
    expect(dialog).toHaveTextContent('This is the saved focus area.')
    await u.click(within(dialog).getByRole('button', { name: 'Clear focus area' }))
    expect(api.callsTo('focus.set')).toEqual([{ fileId: 'p1', rect: null }])
  })

  it('shows main’s refusal next to the controls', async () => {
    const { u } = openFocus(PHOTO, {
      'focus.set': () => {
        throw new AppError('FORBIDDEN', 'You need contribute on photo.jpg.')
      },
    })
    const dialog = await focusDialog()
    await u.click(within(dialog).getByRole('button', { name: 'Start in the middle' }))
    await u.click(within(dialog).getByRole('button', { name: 'Save focus area' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You need contribute on photo.jpg.')
  })

  it('is refused below contribute', async () => {
    const { api } = openFocus({ ...PHOTO, level: 'view' })
    expect(await screen.findByText(/You can only view/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Save focus area' })).toBeNull()
    expect(api.callsTo('focus.set')).toEqual([])
  })

  it('is outlined over a picture in the image’s own coordinates, and not at all when there is none', () => {
    const { container, rerender } = render(<FocusAreaOverlay focus={{ x: 0.5, y: 0.1, width: 0.25, height: 0.4 }} width={400} height={300} />)
    const svg = screen.getByRole('img', { name: 'Focus area' })
    expect(svg).toHaveAttribute('viewBox', '0 0 400 300')
    const frame = container.querySelector('rect')!
    expect([frame.getAttribute('x'), frame.getAttribute('y'), frame.getAttribute('width'), frame.getAttribute('height')]).toEqual(['200', '30', '100', '120'])
    rerender(<FocusAreaOverlay focus={null} width={400} height={300} />)
    expect(screen.queryByRole('img', { name: 'Focus area' })).toBeNull()
  })
})

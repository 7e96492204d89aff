// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { InputOf } from '../../../shared/contract/index.js'
import { AppError } from '../../../shared/errors.js'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../../renderer/store/index.js'
import { openDialog, tearDown } from '../jobs/harness.js'
import { file } from '../support/views.js'

afterEach(() => {
  tearDown()
  vi.restoreAllMocks()
})

const PHOTO = file('p1', 'photo.jpg', 'f1', { mime: 'image/jpeg', width: 400, height: 300, level: 'contribute', currentVersion: 2, versionCount: 2 })

function openEditor(asset: AssetView = PHOTO, edit: (input: InputOf<'images.edit'>) => AssetView = () => ({ ...asset, currentVersion: 3 })) {
  const opened = openDialog({ kind: 'imageEditor', fileId: asset.id }, { 'assets.get': () => asset, 'images.edit': edit })
  return { ...opened, u: userEvent.setup() }
}

/** The editor once the file has come: the dialog is drawn anew then, with its controls. */
async function editor() {
  await screen.findByRole('button', { name: 'Rotate right' })
  return screen.getByRole('dialog', { name: 'Edit image' })
}

describe('the image editor', () => {
  it('previews a turn with CSS, and saves a turn and a keyboard crop as the exact edit main applies', async () => {
    const { api, u } = openEditor()
    const dialog = await editor()
    const img = dialog.querySelector('img')!
    expect(img).toHaveAttribute('src', '/preview/p1?v=2')

    await u.click(within(dialog).getByRole('button', { name: 'Rotate right' }))
    expect(img.style.transform).toContain('rotate(90deg)')
    // The stage takes the turned shape: 300 × 400, fitted into 572 × 420.
    expect(img.parentElement!.style.width).toBe('315px')
    expect(img.parentElement!.style.height).toBe('420px')

    await u.click(within(dialog).getByRole('button', { name: '1:1' }))
    const crop = within(dialog).getByRole('group', { name: 'Crop area' })
    crop.focus()
    // Shift+Up shrinks the square by a hundredth of the height each time; Right moves it.
    for (let i = 0; i < 25; i++) await u.keyboard('{Shift>}{ArrowUp}{/Shift}')
    for (let i = 0; i < 10; i++) await u.keyboard('{ArrowRight}')
    expect(dialog).toHaveTextContent('Result: 200 × 200 px, JPG')

    await u.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(api.callsTo('images.edit')).toEqual([
      { fileId: 'p1', ops: [{ op: 'rotate', degrees: 90 }, { op: 'crop', x: 0.1, y: 0.125, width: 0.6667, height: 0.5 }], saveAs: 'version' },
    ])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    // The grid and details see the new version at once.
    expect(useTrove.getState().byId.p1.currentVersion).toBe(3)
  })

  it('draws a crop by dragging on the preview', async () => {
    const { api, u } = openEditor()
    const dialog = await editor()
    const overlay = within(dialog).getByRole('group', { name: 'Crop area' }).parentElement!
    vi.spyOn(overlay, 'getBoundingClientRect').mockReturnValue({ left: 100, top: 50, width: 400, height: 300, right: 500, bottom: 350, x: 100, y: 50, toJSON: () => ({}) })
    fireEvent.pointerDown(overlay, { clientX: 140, clientY: 80, button: 0, pointerId: 1 })
    fireEvent.pointerMove(overlay, { clientX: 340, clientY: 230, pointerId: 1 })
    fireEvent.pointerUp(overlay, { pointerId: 1 })
    expect(dialog).toHaveTextContent('Result: 200 × 150 px')
    await u.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(api.callsTo('images.edit')).toEqual([{ fileId: 'p1', ops: [{ op: 'crop', x: 0.1, y: 0.1, width: 0.5, height: 0.5 }], saveAs: 'version' }])
  })

  it('flips, converts and saves as a new file under a name that follows the format', async () => {
    const { api, u } = openEditor()
    const dialog = await editor()
    await u.click(within(dialog).getByRole('button', { name: 'Flip horizontally' }))
    expect(within(dialog).getByRole('button', { name: 'Flip horizontally' })).toHaveAttribute('aria-pressed', 'true')
    expect(dialog.querySelector('img')!.style.transform).toContain('scale(-1, 1)')
    await u.click(within(dialog).getByRole('radio', { name: 'A new file beside it' }))
    expect(within(dialog).getByRole('textbox', { name: 'New file name' })).toHaveValue('photo (edited).jpg')
    await u.selectOptions(within(dialog).getByRole('combobox', { name: 'Format' }), 'WebP')
    expect(within(dialog).getByRole('textbox', { name: 'New file name' })).toHaveValue('photo (edited).webp')
    await u.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(api.callsTo('images.edit')).toEqual([{ fileId: 'p1', ops: [{ op: 'flip', axis: 'horizontal' }], format: 'webp', saveAs: { newName: 'photo (edited).webp' } }])
  })

  it('resizes with the proportions locked, or each side on its own once unlocked', async () => {
    const { api, u } = openEditor()
    const dialog = await editor()
    const width = within(dialog).getByRole('spinbutton', { name: 'Width' })
    const height = within(dialog).getByRole('spinbutton', { name: 'Height' })
    expect(width).toHaveValue(400)
    await u.clear(width)
    await u.type(width, '200')
    expect(height).toHaveValue(150)
    await u.click(within(dialog).getByRole('checkbox', { name: 'Keep proportions' }))
    await u.clear(height)
    await u.type(height, '100')
    expect(width).toHaveValue(200)
    await u.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(api.callsTo('images.edit')).toEqual([{ fileId: 'p1', ops: [{ op: 'resize', width: 200, height: 100 }], saveAs: 'version' }])
  })

  it('converts alone, and has nothing to save before any change', async () => {
    const { api, u } = openEditor()
    const dialog = await editor()
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled()
    await u.selectOptions(within(dialog).getByRole('combobox', { name: 'Format' }), 'PNG')
    await u.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(api.callsTo('images.edit')).toEqual([{ fileId: 'p1', ops: [], format: 'png', saveAs: 'version' }])
  })

  it('shows main’s refusal and stays open with the edit intact', async () => {
    const { u } = openEditor(PHOTO, () => {
      throw new AppError('CONFLICT', 'A file named "photo (edited).jpg" is already in Brand.')
    })
    const dialog = await editor()
    await u.click(within(dialog).getByRole('button', { name: 'Rotate left' }))
    await u.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('already in Brand')
    expect(dialog.querySelector('img')!.style.transform).toContain('rotate(270deg)')
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeEnabled()
  })

  it('refuses gracefully below contribute, offering no controls', async () => {
    const { api } = openEditor({ ...PHOTO, level: 'view' })
    const dialog = await screen.findByRole('dialog', { name: 'Edit image' })
    expect(await within(dialog).findByText(/You can only view “photo.jpg”/)).toHaveTextContent('Can contribute')
    expect(within(dialog).queryByRole('button', { name: 'Save' })).toBeNull()
    expect(within(dialog).queryByRole('button', { name: 'Rotate right' })).toBeNull()
    expect(api.callsTo('images.edit')).toEqual([])
  })

  it('says so for a file that is not an image', async () => {
    openEditor(file('d1', 'report.pdf', 'f1'))
    expect(await screen.findByText(/“report.pdf” is not an image/)).toBeInTheDocument()
  })
})

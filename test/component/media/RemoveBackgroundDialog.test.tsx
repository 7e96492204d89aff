// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import type { AssetView } from '../../../shared/views.js'
import { deferred, job, openDialog, tearDown } from '../jobs/harness.js'
import { file } from '../support/views.js'

afterEach(tearDown)

const PHOTO = file('p1', 'cat.jpg', 'f1', { mime: 'image/jpeg', width: 400, height: 300, level: 'contribute', currentVersion: 1 })

function openRemove(handlers: Parameters<typeof openDialog>[1], asset: AssetView = PHOTO) {
  const opened = openDialog({ kind: 'removeBackground', fileId: asset.id }, { 'assets.get': () => asset, ...handlers })
  return { ...opened, u: userEvent.setup() }
}

async function chooser() {
  await screen.findByRole('button', { name: 'Remove background' })
  return screen.getByRole('dialog', { name: 'Remove background' })
}

/** The id a job is asked to take: a random UUID the renderer makes. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('remove background', () => {
  it('runs as a job with its progress, then shows the new version', async () => {
    const removed = deferred<AssetView>()
    const { api, u } = openRemove({ 'extensions.removeBackground': () => removed.promise })
    const dialog = await chooser()
    expect(within(dialog).getByRole('radio', { name: 'A new version of cat.jpg' })).toBeChecked()
    await u.click(within(dialog).getByRole('button', { name: 'Remove background' }))
    expect(api.callsTo('extensions.removeBackground')).toEqual([{ fileId: 'p1', saveAs: 'version', jobId: expect.stringMatching(UUID) }])
    const { jobId } = api.callsTo('extensions.removeBackground')[0] as { jobId: string }
    // Busy, with no made-up value, until the job's first event.
    expect(within(dialog).getByRole('progressbar', { name: 'Background removal progress' })).not.toHaveAttribute('aria-valuenow')
    expect(dialog).toHaveTextContent('Starting…')

    // A job started earlier by something else is not this one.
    act(() => api.emit('jobs.progress', job('thumbs', { kind: 'zip', done: 9, total: 10 })))
    // Nor is another background removal, of another file.
    act(() => api.emit('jobs.progress', job('bg-other', { kind: 'removeBackground', title: 'Remove background of dog.jpg', done: 100, total: 120 })))
    act(() => api.emit('jobs.progress', job(jobId, { kind: 'removeBackground', title: 'Remove background of cat.jpg', done: 30, total: 120 })))
    expect(within(dialog).getByRole('progressbar', { name: 'Background removal progress' })).toHaveAttribute('aria-valuenow', '25')
    act(() => api.emit('jobs.progress', job(jobId, { kind: 'removeBackground', title: 'Remove background of cat.jpg', done: 90, total: 120 })))
    expect(within(dialog).getByRole('progressbar', { name: 'Background removal progress' })).toHaveAttribute('aria-valuenow', '75')

    removed.resolve({ ...PHOTO, mime: 'image/png', currentVersion: 2 })
    expect(await within(dialog).findByText('Saved as version 2 of “cat.jpg”.')).toBeInTheDocument()
    expect(within(dialog).getByRole('img', { name: 'cat.jpg without its background' })).toHaveAttribute('src', '/preview/p1?v=2')
  })

  it('says what it is doing in words, loading the model and then working, never raw byte counts', async () => {
    const removed = deferred<AssetView>()
    const { api, u } = openRemove({ 'extensions.removeBackground': () => removed.promise })
    const dialog = await chooser()
    await u.click(within(dialog).getByRole('button', { name: 'Remove background' }))
    const { jobId } = api.callsTo('extensions.removeBackground')[0] as { jobId: string }
    const bar = () => within(dialog).getByRole('progressbar', { name: 'Background removal progress' })
    act(() => api.emit('jobs.progress', job(jobId, { kind: 'removeBackground', stage: 'Loading the model', done: 42_000_000, total: 168_000_000 })))
    expect(dialog).toHaveTextContent('25% · Loading the model')
    expect(dialog).not.toHaveTextContent('42000000')
    act(() => api.emit('jobs.progress', job(jobId, { kind: 'removeBackground', stage: 'Working', done: 42_000_000, total: 0 })))
    // Its steps say nothing of time: busy, in words.
    expect(bar()).not.toHaveAttribute('aria-valuenow')
    expect(bar()).toHaveAttribute('aria-valuetext', 'Working')
    expect(dialog).toHaveTextContent('Working…')
    removed.resolve({ ...PHOTO, mime: 'image/png', currentVersion: 2 })
    expect(await within(dialog).findByText('Saved as version 2 of “cat.jpg”.')).toBeInTheDocument()
  })

  it('warns before saving a result with nothing left in it, and saves it only when asked', async () => {
    const { api, u } = openRemove({
      'extensions.removeBackground': ({ saveIfEmpty }) => {
        if (!saveIfEmpty) throw new AppError('CONFLICT', 'The model found no subject in "cat.jpg": every pixel of the result is transparent. Nothing was saved.', { fullyTransparent: true })
        return { ...PHOTO, mime: 'image/png', currentVersion: 2 }
      },
    })
    const dialog = await chooser()
    await u.click(within(dialog).getByRole('button', { name: 'Remove background' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('every pixel of the result is transparent. Nothing was saved.')
    expect(within(dialog).getByRole('button', { name: 'Keep the original' })).toHaveFocus()
    await u.click(within(dialog).getByRole('button', { name: 'Save anyway' }))
    expect(await within(dialog).findByText('Saved as version 2 of “cat.jpg”.')).toBeInTheDocument()
    expect(api.callsTo('extensions.removeBackground').map((c) => (c as { saveIfEmpty?: boolean }).saveIfEmpty)).toEqual([undefined, true])
  })

  it('saves as a new file under the name the user gives', async () => {
    const { api, u } = openRemove({ 'extensions.removeBackground': ({ saveAs }) => file('p2', (saveAs as { newName: string }).newName, 'f1', { mime: 'image/png' }) })
    const dialog = await chooser()
    await u.click(within(dialog).getByRole('radio', { name: 'A new file beside it' }))
    const name = within(dialog).getByRole('textbox', { name: 'New file name' })
    expect(name).toHaveValue('cat (no background).png')
    await u.clear(name)
    await u.type(name, 'cat cut-out.png')
    await u.click(within(dialog).getByRole('button', { name: 'Remove background' }))
    expect(api.callsTo('extensions.removeBackground')).toEqual([{ fileId: 'p1', saveAs: { newName: 'cat cut-out.png' }, jobId: expect.stringMatching(UUID) }])
    expect(await within(dialog).findByText('Saved as the new file “cat cut-out.png”.')).toBeInTheDocument()
  })

  it('cancels through its job and says nothing was saved', async () => {
    const removed = deferred<AssetView>()
    const { api, u } = openRemove({
      'extensions.removeBackground': () => removed.promise,
      'jobs.cancel': ({ jobId }) => {
        removed.reject(new AppError('CANCELLED', 'Remove background of cat.jpg was cancelled.'))
        return job(jobId, { kind: 'removeBackground', state: 'cancelled' })
      },
    })
    const dialog = await chooser()
    await u.click(within(dialog).getByRole('button', { name: 'Remove background' }))
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' })
    expect(cancel).toBeDisabled()
    const { jobId } = api.callsTo('extensions.removeBackground')[0] as { jobId: string }
    act(() => api.emit('jobs.progress', job(jobId, { kind: 'removeBackground', title: 'Remove background of cat.jpg' })))
    await u.click(cancel)
    expect(api.callsTo('jobs.cancel')).toEqual([{ jobId }])
    expect(await within(dialog).findByText('Cancelled. Nothing was saved.')).toBeInTheDocument()
  })

  it('shows a failure and lets the user try again', async () => {
    const { u } = openRemove({
      'extensions.removeBackground': () => {
        throw new AppError('INTERNAL', 'Background removal failed: out of memory')
      },
    })
    const dialog = await chooser()
    await u.click(within(dialog).getByRole('button', { name: 'Remove background' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('out of memory')
    await u.click(within(dialog).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Remove background' })).toBeInTheDocument())
  })

  it('is refused below contribute', async () => {
    const { api } = openRemove({}, { ...PHOTO, level: 'view' })
    expect(await screen.findByText(/You can only view “cat.jpg”/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Remove background' })).toBeNull()
    expect(api.callsTo('extensions.removeBackground')).toEqual([])
  })
})

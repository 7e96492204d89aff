// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { screen, waitFor } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import { deferred, openDialog, tearDown } from './harness.js'

/** The links the dialog clicked: a browser download is an <a download> click. */
let clicked: Array<{ href: string; download: string }> = []

beforeEach(() => {
  clicked = []
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.getAttribute('href')!, download: this.download })
  })
})
afterEach(() => {
  tearDown()
  vi.restoreAllMocks()
})

const small = (name: string) => () => ({ name, fileCount: 3, bytes: 4096, needsConfirmation: false })

describe('download as zip', () => {
  it('in a browser starts the HTTP download of the selection straight away when it is under the limits', async () => {
    const { api } = openDialog({ kind: 'downloadZip', assetIds: ['a', 'b'] }, { 'downloads.plan': small('a.png and 1 more.zip') })
    // The jobs panel opens only when asked for: the dialog closes and a notice says where the progress is.
    expect(await screen.findByText('Downloading a.png and 1 more.zip. Its progress is under Downloads and jobs in the top bar.')).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.callsTo('downloads.plan')).toEqual([{ assetIds: ['a', 'b'] }])
    expect(clicked).toEqual([{ href: '/download/zip?assetIds=a,b', download: 'a.png and 1 more.zip' }])
    expect(api.callsTo('downloads.zip')).toEqual([])
  })

  it('downloads a collection by its id, under the name main gives the zip', async () => {
    openDialog({ kind: 'downloadZip', collectionId: 'c1' }, { 'downloads.plan': small('Spring campaign.zip') })
    await screen.findByText(/^Downloading Spring campaign.zip/)
    expect(clicked).toEqual([{ href: '/download/zip?collectionId=c1', download: 'Spring campaign.zip' }])
  })

  it('asks first, with the count and size, for more than 10,000 files or 10 GB', async () => {
    const { api } = openDialog({ kind: 'downloadZip', assetIds: ['f1'] }, {
      'downloads.plan': () => ({ name: 'Brand.zip', fileCount: 12_345, bytes: 14.2 * 1024 ** 3, needsConfirmation: true }),
    })
    const dialog = await screen.findByRole('dialog', { name: 'Download as zip' })
    await waitFor(() => expect(dialog).toHaveTextContent('Brand.zip will hold 12,345 files (14 GB).'))
    expect(clicked).toEqual([])
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download 14 GB' }))
    expect(clicked).toEqual([{ href: '/download/zip?assetIds=f1', download: 'Brand.zip' }])
    expect(api.callsTo('downloads.plan')).toHaveLength(1)
  })

  it('downloads nothing when the confirmation is cancelled', async () => {
    openDialog({ kind: 'downloadZip', assetIds: ['f1'] }, { 'downloads.plan': () => ({ name: 'Brand.zip', fileCount: 20_000, bytes: 1, needsConfirmation: true }) })
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(clicked).toEqual([])
  })

  it('on the desktop asks where to save, then writes the zip there and says where its progress is, without opening the jobs panel', async () => {
    const zip = deferred<never>()
    const { api } = openDialog(
      { kind: 'downloadZip', assetIds: ['a'] },
      {
        'downloads.plan': small('logo.png.zip'),
        'dialogs.saveFile': () => ({ available: true, path: '/home/ada/logo.png.zip' }),
        'downloads.zip': () => zip.promise,
      },
      { desktop: true },
    )
    await screen.findByText('Making logo.png.zip. Its progress is under Downloads and jobs in the top bar.')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.callsTo('dialogs.saveFile')).toEqual([{ defaultName: 'logo.png.zip' }])
    expect(api.callsTo('downloads.zip')).toEqual([{ assetIds: ['a'], destPath: '/home/ada/logo.png.zip' }])
    expect(clicked).toEqual([])
  })

  it('on the desktop makes nothing when the save dialog is cancelled', async () => {
    const { api } = openDialog(
      { kind: 'downloadZip', assetIds: ['a'] },
      { 'downloads.plan': small('logo.png.zip'), 'dialogs.saveFile': () => ({ available: true, path: null }) },
      { desktop: true },
    )
    await waitFor(() => expect(api.callsTo('dialogs.saveFile')).toHaveLength(1))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.callsTo('downloads.zip')).toEqual([])
  })

  it('reports a zip that failed while written, but not one the user cancelled', async () => {
    let outcome: AppError = new AppError('INVALID_INPUT', 'Cannot write /home/ada/x.zip: ENOSPC.')
    const handlers = {
      'downloads.plan': small('x.zip'),
      'dialogs.saveFile': () => ({ available: true, path: '/home/ada/x.zip' }),
      'downloads.zip': () => {
        throw outcome
      },
    }
    openDialog({ kind: 'downloadZip', assetIds: ['a'] }, handlers, { desktop: true })
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot write /home/ada/x.zip: ENOSPC.')

    tearDown()
    outcome = new AppError('CANCELLED', 'Download x.zip was cancelled.')
    const { api } = openDialog({ kind: 'downloadZip', assetIds: ['a'] }, handlers, { desktop: true })
    await waitFor(() => expect(api.callsTo('downloads.zip')).toHaveLength(1))
    await screen.findByText(/^Making x.zip/)
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('shows why main would not plan it, and says so when there is nothing to download', async () => {
    openDialog({ kind: 'downloadZip', assetIds: ['a'] }, {
      'downloads.plan': () => {
        throw new AppError('NOT_FOUND', 'No asset a.')
      },
    })
    expect(await screen.findByRole('alert')).toHaveTextContent('No asset a.')
    tearDown()

    openDialog({ kind: 'downloadZip', assetIds: ['f1'] }, { 'downloads.plan': () => ({ name: 'Brand.zip', fileCount: 0, bytes: 0, needsConfirmation: false }) })
    expect(await screen.findByText(/nothing in this selection you can download/)).toBeInTheDocument()
    expect(clicked).toEqual([])
  })
})

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import type { DownloadView } from '../../../shared/views.js'
import { job, openDialog, tearDown } from './harness.js'

afterEach(tearDown)

function download(id: string, extra: Partial<DownloadView> = {}): DownloadView {
  return { id, name: `${id}.zip`, destPath: `/home/ada/Downloads/${id}.zip`, state: 'done', fileCount: 3, bytes: 5 * 1024 * 1024, createdAt: 1_700_000_000_000, finishedAt: 1_700_000_060_000, ...extra }
}

async function openDownloads(...args: Parameters<typeof openDialog>) {
  const opened = openDialog(...args)
  await userEvent.setup().click(await screen.findByRole('tab', { name: 'Downloads' }))
  return opened
}

describe('view downloads', () => {
  it('lists name, item count, size, state and time, and the running one with its job’s progress', async () => {
    await openDownloads({ kind: 'jobs' }, {
      'jobs.list': () => [job('j9', { title: 'Download Brand.zip', done: 2, total: 8, bytesDone: 10, bytesTotal: 40 })],
      'downloads.list': () => [
        download('Brand', { state: 'running', bytes: 0, finishedAt: undefined, jobId: 'j9', fileCount: 8 }),
        download('Photos', { fileCount: 1234 }),
        download('Broken', { state: 'failed', error: 'Cannot write /mnt/x.zip: EACCES.' }),
      ],
    })
    const photos = await screen.findByRole('listitem', { name: 'Photos.zip' })
    expect(photos).toHaveTextContent('1,234 files · 5.0 MB')
    expect(photos).toHaveTextContent('Done')
    expect(photos).toHaveTextContent(/2023/)
    const brand = screen.getByRole('listitem', { name: 'Brand.zip' })
    expect(brand).toHaveTextContent('Running')
    expect(within(brand).getByRole('progressbar', { name: 'Progress of Brand.zip' })).toHaveAttribute('aria-valuenow', '25')
    // Still being written: nothing to remove yet.
    expect(within(brand).queryByRole('button')).toBeNull()
    expect(screen.getByRole('listitem', { name: 'Broken.zip' })).toHaveTextContent('Cannot write /mnt/x.zip: EACCES.')
  })

  it('removes a finished download from the list only, and in a browser offers no file deletion', async () => {
    const { api } = await openDownloads({ kind: 'jobs' }, {
      'downloads.list': () => [download('Photos')],
      'downloads.remove': ({ downloadId }) => ({ removed: downloadId, fileDeleted: false }),
    })
    const row = await screen.findByRole('listitem', { name: 'Photos.zip' })
    expect(within(row).queryByRole('button', { name: /Delete the file|in its folder/ })).toBeNull()
    // The path is the server's temporary file, long gone: not shown.
    expect(row).not.toHaveTextContent('/home/ada')
    await userEvent.setup().click(within(row).getByRole('button', { name: 'Remove Photos.zip from the list' }))
    expect(api.callsTo('downloads.remove')).toEqual([{ downloadId: 'Photos' }])
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Photos.zip' })).toBeNull())
  })

  it('on the desktop deletes the zip’s file too, after saying which file', async () => {
    const { api } = await openDownloads(
      { kind: 'jobs' },
      {
        'downloads.list': () => [download('Photos')],
        'downloads.remove': ({ downloadId }) => ({ removed: downloadId, fileDeleted: true }),
      },
      { desktop: true },
    )
    const u = userEvent.setup()
    const row = await screen.findByRole('listitem', { name: 'Photos.zip' })
    expect(row).toHaveTextContent('/home/ada/Downloads/Photos.zip')
    await u.click(within(row).getByRole('button', { name: 'Delete the file of Photos.zip' }))
    const confirm = within(row).getByRole('group', { name: 'Delete the file of Photos.zip?' })
    expect(confirm).toHaveTextContent('Delete /home/ada/Downloads/Photos.zip from the disk')
    expect(api.callsTo('downloads.remove')).toEqual([])
    await u.click(within(confirm).getByRole('button', { name: 'Delete file' }))
    expect(api.callsTo('downloads.remove')).toEqual([{ downloadId: 'Photos', deleteFile: true }])
  })

  it('on the desktop shows a finished zip in its folder, and says so on the row when it has gone', async () => {
    let gone = false
    const { api } = await openDownloads(
      { kind: 'jobs' },
      {
        'downloads.list': () => [download('Photos'), download('Broken', { state: 'failed' })],
        'dialogs.showDownload': () => {
          if (gone) throw new AppError('NOT_FOUND', 'Photos.zip is no longer at /home/ada/Downloads/Photos.zip.')
          return { available: true }
        },
      },
      { desktop: true },
    )
    const u = userEvent.setup()
    const row = await screen.findByRole('listitem', { name: 'Photos.zip' })
    await u.click(within(row).getByRole('button', { name: 'Show Photos.zip in its folder' }))
    expect(api.callsTo('dialogs.showDownload')).toEqual([{ downloadId: 'Photos' }])
    expect(within(row).queryByRole('alert')).toBeNull()
    gone = true
    await u.click(within(row).getByRole('button', { name: 'Show Photos.zip in its folder' }))
    expect(await within(row).findByRole('alert')).toHaveTextContent('Photos.zip is no longer at /home/ada/Downloads/Photos.zip.')
    // Nothing to show of a zip that was never finished.
    expect(within(screen.getByRole('listitem', { name: 'Broken.zip' })).queryByRole('button', { name: /in its folder/ })).toBeNull()
  })

  it('shows a refused removal on its row and keeps the row', async () => {
    await openDownloads({ kind: 'jobs' }, {
      'downloads.list': () => [download('Photos')],
      'downloads.remove': () => {
        throw new AppError('CONFLICT', '"Photos.zip" is still being written; cancel it first.')
      },
    })
    const row = await screen.findByRole('listitem', { name: 'Photos.zip' })
    await userEvent.setup().click(within(row).getByRole('button', { name: 'Remove Photos.zip from the list' }))
    expect(await within(row).findByRole('alert')).toHaveTextContent('still being written')
    expect(screen.getByRole('listitem', { name: 'Photos.zip' })).toBeInTheDocument()
  })

  it('asks for the list again when main records a download', async () => {
    let listed = [download('Photos')]
    const { api } = await openDownloads({ kind: 'jobs' }, { 'downloads.list': () => listed })
    await screen.findByRole('listitem', { name: 'Photos.zip' })
    listed = [download('Brand'), ...listed]
    act(() => api.emit('library.changed', { seq: 9, op: 'downloads.finish', tables: ['downloads', 'activity'], assetIds: [] }))
    expect(await screen.findByRole('listitem', { name: 'Brand.zip' })).toBeInTheDocument()
  })

  it('says so when there are none yet', async () => {
    await openDownloads({ kind: 'jobs' }, { 'downloads.list': () => [] })
    expect(await screen.findByText(/No downloads yet/)).toBeInTheDocument()
  })
})

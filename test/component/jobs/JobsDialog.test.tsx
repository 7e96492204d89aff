// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import { useTrove } from '../../../renderer/store/index.js'
import { useRunningJobCount } from '../../../renderer/store/jobSelectors.js'
import { job, openDialog, tearDown } from './harness.js'

afterEach(tearDown)

const MB = 1024 * 1024

describe('the jobs panel', () => {
  it('draws each job from its progress events: count, bytes and percentage, moving on as events arrive', async () => {
    const { api } = openDialog({ kind: 'jobs' }, {})
    await screen.findByText(/Nothing is running/)

    act(() => api.emit('jobs.progress', job('j1', { done: 3, total: 10, bytesDone: 1 * MB, bytesTotal: 4 * MB })))
    const bar = await screen.findByRole('progressbar', { name: 'Download j1.zip' })
    // Bytes decide the bar where the job reports them: 1 of 4 MB.
    expect(bar).toHaveAttribute('aria-valuenow', '25')
    const row = screen.getByRole('listitem', { name: 'Download j1.zip' })
    expect(row).toHaveTextContent('3 of 10 files · 1.0 MB of 4.0 MB')
    expect(row).toHaveTextContent('Running')

    act(() => api.emit('jobs.progress', job('j1', { done: 9, total: 10, bytesDone: 3 * MB, bytesTotal: 4 * MB })))
    expect(bar).toHaveAttribute('aria-valuenow', '75')
    expect(row).toHaveTextContent('9 of 10 files')
  })

  it('shows a job that has not counted its work yet as busy, without a made-up value', async () => {
    const { api } = openDialog({ kind: 'jobs' }, {})
    act(() => api.emit('jobs.progress', job('j1', { kind: 'removeBackground', title: 'Remove background of cat.png' })))
    const bar = await screen.findByRole('progressbar', { name: 'Remove background of cat.png' })
    expect(bar).not.toHaveAttribute('aria-valuenow')
    expect(bar).toHaveAttribute('aria-valuetext', 'Starting')
  })

  it('cancels a running job with its id and then shows it as cancelled', async () => {
    const { api } = openDialog({ kind: 'jobs' }, {
      'jobs.list': () => [job('j1', { done: 1, total: 4 })],
      'jobs.cancel': ({ jobId }) => job(jobId, { state: 'cancelled', done: 1, total: 4, finishedAt: 1_700_000_100_000 }),
    })
    const row = await screen.findByRole('listitem', { name: 'Download j1.zip' })
    await userEvent.setup().click(within(row).getByRole('button', { name: 'Cancel Download j1.zip' }))
    expect(api.callsTo('jobs.cancel')).toEqual([{ jobId: 'j1' }])
    await waitFor(() => expect(row).toHaveTextContent('Cancelled'))
    expect(row).toHaveTextContent('Stopped before it finished')
    expect(within(row).queryByRole('button', { name: /^Cancel/ })).toBeNull()
    expect(within(row).queryByRole('progressbar')).toBeNull()
  })

  it('says what happened to finished jobs: done with its totals, failed with main’s message', async () => {
    openDialog({ kind: 'jobs' }, {
      'jobs.list': () => [
        // Its last progress event came before its last bytes were counted.
        job('ok', { state: 'done', done: 12, total: 12, bytesDone: 0, bytesTotal: 2 * MB, finishedAt: 1_700_000_100_000 }),
        job('bad', { state: 'failed', error: { code: 'INVALID_INPUT', message: 'Cannot write /mnt/full/bad.zip: ENOSPC.' }, finishedAt: 1_700_000_100_000 }),
      ],
    })
    const ok = await screen.findByRole('listitem', { name: 'Download ok.zip' })
    expect(ok).toHaveTextContent('Done')
    expect(ok).toHaveTextContent('12 files · 2.0 MB')
    const bad = screen.getByRole('listitem', { name: 'Download bad.zip' })
    expect(bad).toHaveTextContent('Failed')
    expect(bad).toHaveTextContent('Cannot write /mnt/full/bad.zip: ENOSPC.')
  })

  it('keeps a job where its newest event put it when an older list answer arrives late', async () => {
    let listed = [] as ReturnType<typeof job>[]
    const { api } = openDialog({ kind: 'jobs' }, { 'jobs.list': () => listed })
    await screen.findByText(/Nothing is running/)
    act(() => api.emit('jobs.progress', job('j1', { state: 'done', done: 5, total: 5 })))
    // A list made before the job finished, answered after its last event.
    listed = [job('j1', { done: 2, total: 5 })]
    await act(() => useTrove.getState().loadJobs())
    const row = screen.getByRole('listitem', { name: 'Download j1.zip' })
    expect(row).toHaveTextContent('Done')
    expect(within(row).queryByRole('progressbar')).toBeNull()
  })

  it('counts the acting user’s queued and running jobs for the top bar, and never another user’s', async () => {
    function Count() {
      return <output aria-label="Running jobs">{useRunningJobCount()}</output>
    }
    const { api } = openDialog({ kind: 'jobs' }, { 'jobs.list': () => [job('a'), job('b', { state: 'queued' }), job('c', { state: 'done' })] })
    render(<Count />)
    const count = screen.getByRole('status', { name: 'Running jobs' })
    await waitFor(() => expect(count).toHaveTextContent('2'))
    act(() => api.emit('jobs.progress', job('a', { state: 'done' })))
    expect(count).toHaveTextContent('1')
    act(() => api.emit('jobs.progress', job('x', { ownerId: 'u-rita' })))
    expect(count).toHaveTextContent('1')
    expect(screen.queryByRole('listitem', { name: 'Download x.zip' })).toBeNull()
  })

  it('reports a refused cancel where it can be read', async () => {
    openDialog({ kind: 'jobs' }, {
      'jobs.list': () => [job('j1')],
      'jobs.cancel': ({ jobId }) => {
        throw new AppError('NOT_FOUND', `No job ${jobId}.`)
      },
    })
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Cancel Download j1.zip' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('No job j1.')
    expect(useTrove.getState().jobsById.j1.state).toBe('running')
  })
})

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportReport } from '../../../shared/contract/imports.js'
import { AppError } from '../../../shared/errors.js'
import { DialogHost } from '../../../renderer/components/dialogs/DialogHost.js'
import { ErrorToasts } from '../../../renderer/components/ErrorToasts.js'
import { useTrove } from '../../../renderer/store/index.js'
import { connectLive } from '../../../renderer/store/live.js'
import { deferred, job, tearDown } from '../jobs/harness.js'
import { mockApi, type Handlers } from '../support/mockApi.js'
import { ADA, folder, sessionOf } from '../support/views.js'

const HOME = folder('h', 'Home', null)
const BRAND = folder('f1', 'Brand', 'h')
/** The id a job is asked to take: a random UUID the renderer makes. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const SOURCES = ['/home/ada/Pictures/shoot', '/home/ada/Pictures/logo.png']

let disconnect: (() => void) | null = null
afterEach(() => {
  disconnect?.()
  disconnect = null
  tearDown()
})

function report(extra: Partial<ImportReport> = {}): ImportReport {
  return { imported: 4, replaced: 0, foldersCreated: 1, bytes: 3 * 1024 * 1024, skipped: [], renamed: [], top: [], ...extra }
}

const plan = (
  conflicts: { path: string; name: string; clashesWith?: string }[] = [],
  skipped: { path: string; reason: string }[] = [],
  renamed: { path: string; name: string }[] = [],
) => ({ files: 5, folders: 1, bytes: 3 * 1024 * 1024, conflicts, skipped, renamed })

/** The desktop app inside the Brand folder, as the menu's Import Files… finds it. */
function desktopApp(handlers: Partial<Handlers>) {
  const api = mockApi(
    {
      'jobs.list': () => [],
      'assets.list': () => [],
      'assets.get': ({ id }) => (id === 'h' ? HOME : BRAND),
      'assets.roots': () => [HOME],
      'dialogs.openFiles': () => ({ available: true, paths: SOURCES }),
      'dialogs.openFolder': () => ({ available: true, paths: [SOURCES[0]] }),
      ...handlers,
    },
    { desktop: true },
  )
  useTrove.getState().remember([HOME, BRAND])
  useTrove.setState({ session: sessionOf(ADA), status: 'ready', folderId: 'f1', listing: 'ready' })
  disconnect = connectLive()
  render(
    <>
      <DialogHost />
      <ErrorToasts />
    </>,
  )
  return api
}

describe('importing from disk', () => {
  it('asks how to resolve name clashes, listing them, and imports with the chosen policy', async () => {
    const api = desktopApp({
      'imports.plan': () => plan([{ path: '/home/ada/Pictures/logo.png', name: '/Brand/logo.png' }], [{ path: '/home/ada/Pictures/shoot/link', reason: 'a symbolic link outside the chosen folder' }]),
      'imports.start': () => report({ imported: 3, replaced: 1 }),
    })
    act(() => api.emit('app.command', { command: 'importFiles' }))

    const dialog = await screen.findByRole('dialog', { name: 'Some names are already taken' })
    expect(api.callsTo('dialogs.openFiles')).toEqual([{ multiple: true }])
    expect(api.callsTo('imports.plan')).toEqual([{ sources: SOURCES, targetFolderId: 'f1' }])
    const clashes = within(dialog).getByRole('list', { name: 'Name clashes' })
    expect(within(clashes).getByTitle('/home/ada/Pictures/logo.png')).toHaveTextContent('logo.pngalready at /Brand/logo.png')
    expect(within(dialog).getByRole('list', { name: 'Will be skipped' })).toHaveTextContent('a symbolic link outside the chosen folder')
    expect(within(dialog).getByRole('radio', { name: 'Keep both' })).toBeChecked()
    expect(api.callsTo('imports.start')).toEqual([])

    const u = userEvent.setup()
    await u.click(within(dialog).getByRole('radio', { name: 'Replace as a new version' }))
    await u.click(within(dialog).getByRole('button', { name: 'Import' }))
    expect(api.callsTo('imports.start')).toEqual([{ sources: SOURCES, targetFolderId: 'f1', onConflict: 'replace', jobId: expect.stringMatching(UUID) }])
    const done = await screen.findByRole('dialog', { name: 'Import into Brand' })
    await waitFor(() => expect(done).toHaveTextContent('3 files added, 1 existing file given a new version, 1 folder created (3.0 MB).'))
  })

  it('lists names in one source folder that differ only in case, and names repaired from bytes that are not UTF-8', async () => {
    const api = desktopApp({
      'imports.plan': () =>
        plan(
          [{ path: '/home/ada/Docs/faq.html', name: '/Brand/Docs/FAQ.html', clashesWith: '/home/ada/Docs/FAQ.html' }],
          [],
          [{ path: '/home/ada/Docs/latin1-\ufffdt.txt', name: 'latin1-ét.txt' }],
        ),
      'imports.start': () => report({ imported: 4, renamed: [{ path: '/home/ada/Docs/latin1-\ufffdt.txt', name: 'latin1-ét.txt' }] }),
    })
    act(() => api.emit('app.command', { command: 'importFiles' }))
    const dialog = await screen.findByRole('dialog', { name: 'Some names are already taken' })
    const clashes = within(dialog).getByRole('list', { name: 'Name clashes' })
    expect(within(clashes).getByTitle('/home/ada/Docs/faq.html')).toHaveTextContent('same name as /home/ada/Docs/FAQ.html but for case or Unicode form; that one goes to /Brand/Docs/FAQ.html')
    expect(within(dialog).getByRole('list', { name: 'Will be renamed' })).toHaveTextContent('as latin1-ét.txt')
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Import' }))
    const done = await screen.findByRole('dialog', { name: 'Import into Brand' })
    expect(await within(done).findByRole('list', { name: 'Renamed' })).toHaveTextContent('as latin1-ét.txt')
  })

  it('imports straight away when nothing clashes, with the import job’s progress, then lists what was skipped and why', async () => {
    const started = deferred<ImportReport>()
    const api = desktopApp({ 'imports.plan': () => plan(), 'imports.start': () => started.promise })
    act(() => api.emit('app.command', { command: 'importFolder' }))
    const dialog = await screen.findByRole('dialog', { name: 'Import into Brand' })
    await waitFor(() => expect(api.callsTo('imports.start')).toEqual([{ sources: [SOURCES[0]], targetFolderId: 'f1', jobId: expect.stringMatching(UUID) }]))
    const { jobId } = api.callsTo('imports.start')[0] as { jobId: string }

    act(() => api.emit('jobs.progress', job('other', { kind: 'zip', done: 1, total: 2 })))
    // Another import, started elsewhere while this one runs, is not this one.
    act(() => api.emit('jobs.progress', job('imp-elsewhere', { kind: 'import', title: 'Import elsewhere', done: 4, total: 5 })))
    act(() => api.emit('jobs.progress', job(jobId, { kind: 'import', title: 'Import shoot', done: 2, total: 5, bytesDone: 1024, bytesTotal: 4096 })))
    // Only the import's own job, by the id it was asked to take, is drawn here.
    expect(within(dialog).getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '25')

    started.resolve(report({ imported: 3, skipped: [{ path: '/home/ada/Pictures/shoot/bad:name.png', reason: 'its name cannot be used' }, { path: '/home/ada/Pictures/shoot/locked.png', reason: 'it cannot be read (EACCES)' }] }))
    const skipped = await within(dialog).findByRole('list', { name: 'Skipped' })
    expect(within(skipped).getAllByRole('listitem').map((li) => [li.title, li.querySelector('.reason')!.textContent])).toEqual([
      ['/home/ada/Pictures/shoot/bad:name.png', 'its name cannot be used'],
      ['/home/ada/Pictures/shoot/locked.png', 'it cannot be read (EACCES)'],
    ])
    expect(dialog).toHaveTextContent('2 files skipped')
  })

  it('cancels the running import through its job', async () => {
    const started = deferred<ImportReport>()
    const api = desktopApp({
      'imports.plan': () => plan(),
      'imports.start': () => started.promise,
      'jobs.cancel': ({ jobId }) => {
        started.reject(new AppError('CANCELLED', 'Import shoot was cancelled.'))
        return job(jobId, { kind: 'import', state: 'cancelled' })
      },
    })
    act(() => api.emit('app.command', { command: 'importFiles' }))
    const dialog = await screen.findByRole('dialog', { name: 'Import into Brand' })
    const cancel = within(dialog).getByRole('button', { name: 'Cancel import' })
    // Nothing to cancel until main has said the job is there.
    expect(cancel).toBeDisabled()
    const { jobId } = api.callsTo('imports.start')[0] as { jobId: string }
    act(() => api.emit('jobs.progress', job(jobId, { kind: 'import', title: 'Import 2 items' })))
    await userEvent.setup().click(cancel)
    expect(api.callsTo('jobs.cancel')).toEqual([{ jobId }])
    expect(await within(dialog).findByText(/The import was cancelled/)).toBeInTheDocument()
  })

  it('does not import when the plan is dropped at the clash question', async () => {
    const api = desktopApp({ 'imports.plan': () => plan([{ path: '/home/ada/Pictures/logo.png', name: '/Brand/logo.png' }]) })
    act(() => api.emit('app.command', { command: 'importFiles' }))
    const dialog = await screen.findByRole('dialog', { name: 'Some names are already taken' })
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.callsTo('imports.start')).toEqual([])
  })

  it('shows why main refused to look at what was chosen', async () => {
    const api = desktopApp({
      'imports.plan': () => {
        throw new AppError('FORBIDDEN', 'You cannot upload into Brand.')
      },
    })
    act(() => api.emit('app.command', { command: 'importFiles' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('You cannot upload into Brand.')
    expect(api.callsTo('imports.start')).toEqual([])
  })

  it('does nothing when the picker is closed without a choice', async () => {
    const api = desktopApp({ 'dialogs.openFiles': () => ({ available: true, paths: [] }) })
    act(() => api.emit('app.command', { command: 'importFiles' }))
    await waitFor(() => expect(api.callsTo('dialogs.openFiles')).toHaveLength(1))
    expect(api.callsTo('imports.plan')).toEqual([])
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})

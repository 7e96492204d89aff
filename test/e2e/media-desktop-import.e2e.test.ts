import { describe, expect } from 'vitest'
import { E2E_TIMEOUT, e2e, screenshot } from './fixtures.js'
import { LibraryPage } from './pages/LibraryPage.js'
import { MediaDialogs } from './pages/MediaDialogs.js'
import { bridgeCalls, emitEvent, installDesktopBridge, releaseChannel } from './pages/DesktopBridge.js'

const SOURCES = ['/home/ada/Pictures/Shoot 2024', '/home/ada/Pictures/notes.txt']

/**
 * The desktop import's dialogs in a real browser. A browser session may not read paths, so
 * the native picker and main's answers to the path-based channels are stood in for; the rest
 * of the app (session, folders, listings) is the real browser-mode server.
 */
describe('the desktop import dialogs, end to end in a browser', { timeout: E2E_TIMEOUT }, () => {
  e2e('asks how to resolve name clashes, shows the import’s progress, and lists what was skipped and why', async ({ app }) => {
    const [home] = await app.admin.call('assets.roots')
    const photos = await app.admin.call('folders.create', { parentId: home.id, name: 'Photos' })
    await app.admin.call('files.upload', { folderId: photos.id, name: 'notes.txt', base64: Buffer.from('old notes\n').toString('base64') })
    const { page } = app
    await installDesktopBridge(
      page,
      {
        'dialogs.openFiles': { available: true, paths: SOURCES },
        'imports.plan': {
          files: 8,
          folders: 2,
          bytes: 24_500_000,
          conflicts: [{ path: '/home/ada/Pictures/notes.txt', name: '/Photos/notes.txt' }],
          skipped: [{ path: '/home/ada/Pictures/Shoot 2024/link-to-elsewhere.jpg', reason: 'a symbolic link outside the chosen folder' }],
          renamed: [],
        },
        'imports.start': {
          imported: 6,
          replaced: 1,
          foldersCreated: 2,
          bytes: 23_900_000,
          skipped: [
            { path: '/home/ada/Pictures/Shoot 2024/link-to-elsewhere.jpg', reason: 'a symbolic link outside the chosen folder' },
            { path: '/home/ada/Pictures/Shoot 2024/locked.jpg', reason: 'it cannot be read (EACCES)' },
          ],
          renamed: [],
          top: [],
        },
      },
      ['imports.start'],
    )
    const library = new LibraryPage(page)
    const media = new MediaDialogs(page)
    await library.open(app.server.url)
    await library.openFolder('Photos')
    await library.tile('notes.txt').waitFor()

    await emitEvent(page, 'app.command', { command: 'importFiles' })
    const clashes = media.dialog('Some names are already taken')
    await clashes.getByRole('list', { name: 'Name clashes' }).getByText('already at /Photos/notes.txt').waitFor()
    await clashes.getByRole('radio', { name: 'Replace as a new version' }).check()
    await screenshot(page, 'media-09-import-name-clashes')
    await clashes.getByRole('button', { name: 'Import' }).click()
    const started = (await bridgeCalls(page, 'imports.start')) as { jobId: string }[]
    expect(started).toEqual([{ sources: SOURCES, targetFolderId: photos.id, onConflict: 'replace', jobId: expect.any(String) }])

    const running = media.dialog('Import into Photos')
    const job = { id: started[0].jobId, kind: 'import', title: 'Import 2 items', ownerId: 'x', state: 'running', createdAt: Date.now(), done: 3, total: 8, bytesDone: 9_800_000, bytesTotal: 24_500_000 }
    const { user } = await app.admin.call('session.current')
    await emitEvent(page, 'jobs.progress', { ...job, ownerId: user.id })
    await running.getByRole('progressbar', { name: 'Import progress' }).waitFor()
    expect(await running.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe('40')
    await screenshot(page, 'media-10-import-running')

    // Hidden, the import goes on in the jobs panel, beside a zip that failed earlier.
    await media.closeWith(running, 'Hide')
    await emitEvent(page, 'jobs.progress', {
      ...job, id: 'job-0', kind: 'zip', title: 'Download Brand.zip', state: 'failed', createdAt: Date.now() - 60_000, finishedAt: Date.now() - 50_000,
      ownerId: user.id, error: { code: 'INVALID_INPUT', message: 'Cannot write /media/usb/Brand.zip: ENOSPC.' },
    })
    await page.getByRole('button', { name: 'Downloads and jobs, 1 running' }).click()
    const importRow = media.jobsPanel.getByRole('listitem', { name: 'Import 2 items' })
    await importRow.getByRole('button', { name: 'Cancel Import 2 items' }).waitFor()
    await screenshot(page, 'media-10b-jobs-panel-running')
    await media.closeWith(media.jobsPanel, 'Close')

    // It ends with files skipped: the summary comes back by itself.
    await releaseChannel(page, 'imports.start')
    const summary = media.dialog('Import into Photos')
    const skipped = summary.getByRole('list', { name: 'Skipped' })
    await skipped.getByText('it cannot be read (EACCES)').waitFor()
    expect(await summary.textContent()).toContain('6 files added, 1 existing file given a new version, 2 folders created (23 MB).')
    await screenshot(page, 'media-11-import-summary')
    await media.closeWith(summary, 'Done')
  })
})

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import type { AssetView } from '../../../shared/views.js'
import { resetStore } from '../../../renderer/store/index.js'
import { ADA, folder, sessionOf } from '../support/views.js'
import { dataTransfer, grid, openWorkspace } from '../support/workspace.js'
import { png, uploadHandlers } from '../support/uploads.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 1 })
const BRAND = folder('b', 'Brand', 'h', { path: '/Brand' })

describe('uploads', () => {
  it('sends picked files into the open folder with a progress bar while they go', async () => {
    const assets = [HOME, BRAND]
    let release = () => undefined as void
    const gate = new Promise<void>((r) => (release = r))
    const { user, api } = await openWorkspace(sessionOf(ADA), assets, ['h'], uploadHandlers(assets, gate))
    await user.click(screen.getByRole('button', { name: 'Upload' }))
    await user.upload(screen.getByLabelText('Upload files'), [png('a.png'), png('b.png')])
    const bar = await screen.findByRole('progressbar', { name: 'Uploading files' })
    expect(bar).toHaveAttribute('aria-valuetext', 'Uploading 1 of 2: a.png')
    release()
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull())
    expect(api.callsTo('files.upload')).toEqual([
      { folderId: 'h', name: 'a.png', base64: btoa('bytes of a.png') },
      { folderId: 'h', name: 'b.png', base64: btoa('bytes of b.png') },
    ])
    expect(await within(grid()).findByRole('option', { name: 'b.png' })).toBeInTheDocument()
  })

  it('keeps a picked folder’s structure, making its folders first and reusing one already there', async () => {
    const assets: AssetView[] = [HOME, BRAND, folder('trip', 'Trip', 'h')]
    const { user, api } = await openWorkspace(sessionOf(ADA), assets, ['h'], uploadHandlers(assets))
    await user.click(screen.getByRole('button', { name: 'Upload folder' }))
    await user.upload(screen.getByLabelText('Upload a folder'), [png('a.png', 'Trip/day 1/a.png'), png('b.png', 'Trip/b.png'), png('c.png', 'Trip/day 1/c.png')])
    await waitFor(() => expect(api.callsTo('files.upload')).toHaveLength(3))
    expect(api.callsTo('folders.create')).toEqual([
      { parentId: 'h', name: 'Trip' },
      { parentId: 'trip', name: 'day 1' },
    ])
    const day1 = assets.find((a) => a.name === 'day 1')!.id
    expect(api.callsTo('files.upload').map((c) => [(c as { folderId: string }).folderId, (c as { name: string }).name])).toEqual([
      [day1, 'a.png'],
      ['trip', 'b.png'],
      [day1, 'c.png'],
    ])
  })

  it('takes files dropped from the desktop onto the centre, or onto a folder in it', async () => {
    const assets = [HOME, BRAND]
    const { api } = await openWorkspace(sessionOf(ADA), assets, ['h'], uploadHandlers(assets))
    const centre = screen.getByRole('main', { name: 'Contents' })
    const drop = dataTransfer({ files: [png('dropped.png')] })
    fireEvent.dragOver(centre, { dataTransfer: drop })
    expect(centre).toHaveClass('is-drop-target')
    fireEvent.drop(centre, { dataTransfer: drop })
    await waitFor(() => expect(api.callsTo('files.upload')).toEqual([{ folderId: 'h', name: 'dropped.png', base64: btoa('bytes of dropped.png') }]))

    fireEvent.drop(within(grid()).getByRole('option', { name: 'Brand' }), { dataTransfer: dataTransfer({ files: [png('into-brand.png')] }) })
    await waitFor(() => expect(api.callsTo('files.upload')).toContainEqual({ folderId: 'b', name: 'into-brand.png', base64: btoa('bytes of into-brand.png') }))
  })

  it('reports a file that could not be sent and goes on with the rest', async () => {
    const assets = [HOME]
    const handlers = uploadHandlers(assets)
    const { user, api } = await openWorkspace(sessionOf(ADA), assets, ['h'], {
      ...handlers,
      'files.upload': (input) => {
        if (input.name === 'bad.png') throw new AppError('CONFLICT', '"Home" already holds something named "bad.png".')
        return handlers['files.upload']!(input)
      },
    })
    await user.upload(screen.getByLabelText('Upload files'), [png('bad.png'), png('good.png')])
    expect(await screen.findByRole('alert')).toHaveTextContent('"Home" already holds something named "bad.png".')
    await waitFor(() => expect(api.callsTo('files.upload')).toHaveLength(2))
  })

  it('uses the desktop’s own picker and streamed import where there is one', async () => {
    const { user, api } = await openWorkspace(sessionOf(ADA), [HOME], ['h'], {
      'dialogs.openFiles': () => ({ available: true, paths: ['/home/ada/Pictures/a.jpg'] }),
      'imports.plan': () => ({ files: 1, folders: 0, bytes: 10, conflicts: [], skipped: [], renamed: [] }),
      'imports.start': () => ({ imported: 1, replaced: 0, foldersCreated: 0, bytes: 10, skipped: [], renamed: [], top: [] }),
    }, { desktop: true })
    await user.click(screen.getByRole('button', { name: 'Upload' }))
    await waitFor(() => expect(api.callsTo('imports.plan')).toEqual([{ sources: ['/home/ada/Pictures/a.jpg'], targetFolderId: 'h' }]))
    expect(api.callsTo('dialogs.openFiles')).toEqual([{ multiple: true }])
    expect(api.callsTo('files.upload')).toEqual([])
  })

  it('offers no upload where the user may only view', async () => {
    const viewOnly = folder('s', 'Shared', 'h', { level: 'view', access: 'grant' })
    await openWorkspace(sessionOf(ADA), [{ ...HOME, level: 'view' }, viewOnly], ['h'])
    expect(screen.queryByRole('button', { name: 'Upload' })).toBeNull()
    const centre = screen.getByRole('main', { name: 'Contents' })
    fireEvent.dragOver(centre, { dataTransfer: dataTransfer({ files: [png('x.png')] }) })
    expect(centre).not.toHaveClass('is-drop-target')
  })
})

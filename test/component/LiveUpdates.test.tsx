// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import './support/dom.js'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore, useTrove } from '../../renderer/store/index.js'
import { AppError } from '../../shared/errors.js'
import type { CollectionView } from '../../shared/views.js'
import { ADA, RITA, file, folder, sessionOf } from './support/views.js'
import { mockApi } from './support/mockApi.js'
import { App } from '../../renderer/components/App.js'
import { grid, openWorkspace } from './support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

describe('live updates', () => {
  it('shows a change made elsewhere without a reload, once a burst of changes settles', async () => {
    const assets = [folder('h', 'Home', null), file('a', 'first.png', 'h')]
    const { api } = await openWorkspace(sessionOf(ADA), assets, ['h'])
    await within(grid()).findByRole('option', { name: 'first.png' })
    const listings = api.callsTo('assets.list').length

    // Another window uploads two files: two commits, one refresh.
    assets.push(file('b', 'second.png', 'h'))
    api.emit('library.changed', { seq: 1, op: 'files.upload', tables: ['assets'], assetIds: ['b'] })
    assets.push(file('c', 'third.png', 'h'))
    api.emit('library.changed', { seq: 2, op: 'files.upload', tables: ['assets'], assetIds: ['c'] })
    expect(await within(grid()).findByRole('option', { name: 'third.png' })).toBeInTheDocument()
    expect(within(grid()).getByRole('option', { name: 'second.png' })).toBeInTheDocument()
    const refreshes = api.callsTo('assets.list').filter((input) => (input as { folderId: string }).folderId === 'h').length
    expect(refreshes - listings).toBeLessThanOrEqual(2)
  })

  it('refreshes the open details when a comment is added by someone else', async () => {
    const photo = file('p', 'photo.png', 'h')
    let comments = 0
    const { api, user } = await openWorkspace(sessionOf(ADA), [folder('h', 'Home', null), photo], ['h'], {
      'comments.list': () => Array.from({ length: comments }, (_, i) => ({ id: `c${i}`, fileId: 'p', authorId: 'u-bea', authorName: 'Bea', text: `Note ${i}`, createdAt: 1, updatedAt: 1 })),
    })
    await user.click(within(grid()).getByRole('option', { name: 'photo.png' }))
    const panel = screen.getByRole('complementary', { name: 'Details' })
    await within(panel).findByText('No comments yet.')
    comments = 1
    api.emit('library.changed', { seq: 3, op: 'comments.add', tables: ['comments'], assetIds: ['p'] })
    expect(await within(panel).findByText('Note 0')).toBeInTheDocument()
  })

  it('ignores changes to tables nothing on screen shows', async () => {
    const { api } = await openWorkspace(sessionOf(ADA), [folder('h', 'Home', null)], ['h'])
    const before = api.calls.length
    api.emit('library.changed', { seq: 4, op: 'downloads.zip', tables: ['downloads', 'activity'], assetIds: [] })
    await new Promise((r) => setTimeout(r, 300))
    await waitFor(() => expect(api.calls.length).toBe(before))
  })

  it('finishes a first load that a change overtook, rather than staying on “Loading…”', async () => {
    let release = () => undefined as void
    const gate = new Promise<void>((r) => (release = r))
    const api = mockApi({
      'session.current': () => sessionOf(RITA),
      'assets.roots': async () => {
        await gate
        return []
      },
    })
    render(<App />)
    expect(await screen.findByText('Loading…')).toBeInTheDocument()
    api.emit('library.changed', { seq: 5, op: 'sharing.remove', tables: ['grants'], assetIds: [] })
    await new Promise((r) => setTimeout(r, 300))
    release()
    expect(await screen.findByRole('heading', { name: 'Nothing has been shared with you yet' })).toBeInTheDocument()
  })

  it('shows a collection shared from elsewhere in the sidebar without a reload', async () => {
    let collections: CollectionView[] = []
    const { api } = await openWorkspace(sessionOf(RITA), [folder('h', 'Home', null)], ['h'], { 'collections.list': () => collections })
    const sidebar = screen.getByRole('region', { name: 'Media collections' })
    collections = [{ id: 'c1', name: 'Press kit', createdBy: 'u-ada', createdAt: 1, updatedAt: 1, level: 'view', assetCount: 0 }]
    api.emit('library.changed', { seq: 8, op: 'sharing.set', tables: ['grants', 'activity'], assetIds: [] })
    expect(await within(sidebar).findByText('Press kit')).toBeInTheDocument()
  })

  it('asks nothing while a switch of user is out: main may already act as the new user', async () => {
    let release = () => undefined as void
    const gate = new Promise<void>((r) => (release = r))
    const { api } = await openWorkspace(sessionOf(ADA), [folder('h', 'Home', null), file('a', 'first.png', 'h')], ['h'], {
      'session.switchUser': async () => {
        await gate
        return sessionOf(RITA)
      },
    })
    await within(grid()).findByRole('option', { name: 'first.png' })
    const before = api.calls.length
    api.emit('library.changed', { seq: 6, op: 'users.create', tables: ['users'], assetIds: [] })
    const switching = useTrove.getState().switchUser(RITA.id)
    await new Promise((r) => setTimeout(r, 400))
    expect(api.calls.slice(before).map((c) => c.channel)).toEqual(['session.switchUser'])
    release()
    await switching
    // Rita's view is loaded afresh; Ada's refresh is never made.
    await new Promise((r) => setTimeout(r, 400))
    expect(useTrove.getState().session?.user.id).toBe(RITA.id)
  })

  it('still makes the refresh when the switch of user fails', async () => {
    const { api } = await openWorkspace(sessionOf(ADA), [folder('h', 'Home', null), file('a', 'first.png', 'h')], ['h'], {
      'session.switchUser': async () => {
        await new Promise((r) => setTimeout(r, 300))
        throw new AppError('UNAUTHENTICATED', 'Wrong password.')
      },
    })
    await within(grid()).findByRole('option', { name: 'first.png' })
    const listings = api.callsTo('assets.list').length
    api.emit('library.changed', { seq: 7, op: 'files.upload', tables: ['assets'], assetIds: [] })
    await expect(useTrove.getState().switchUser(RITA.id, 'nope')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    await waitFor(() => expect(api.callsTo('assets.list').length).toBeGreaterThan(listings))
  })
})

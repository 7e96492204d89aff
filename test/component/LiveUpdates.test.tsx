// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import './support/dom.js'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore } from '../../renderer/store/index.js'
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
})

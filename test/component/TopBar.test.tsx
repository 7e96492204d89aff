// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import './support/dom.js'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { JobView } from '../../shared/views.js'
import { resetStore, useTrove } from '../../renderer/store/index.js'
import { ADA, file, folder, sessionOf } from './support/views.js'
import { grid, openWorkspace } from './support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 2 })
const BRAND = folder('b', 'Brand', 'h', { childCount: 1 })
const LOGO = file('l', 'logo.png', 'b', { path: '/Brand/logo.png', mime: 'image/png' })
const NOTES = file('n', 'notes.txt', 'h', { mime: 'text/plain' })

const job = (id: string, state: JobView['state']): JobView => ({ id, kind: 'zip', title: 'Zip', ownerId: ADA.id, state, done: 0, total: 1, createdAt: 1 })

describe('the top bar', () => {
  it('searches the library as the user types, shows the results in the centre, and goes back when cleared', async () => {
    const { user, api } = await openWorkspace(sessionOf(ADA), [HOME, BRAND, LOGO, NOTES], ['h'], {
      'search.assets': ({ query }) => {
        const items = [LOGO, NOTES].filter((a) => a.name.includes(query))
        return { items, hasMore: false, total: items.length }
      },
    })
    await user.type(screen.getByRole('searchbox', { name: 'Search the library' }), 'logo')
    expect(await screen.findByRole('heading', { name: 'Results for “logo”' })).toBeInTheDocument()
    expect(within(grid()).getAllByRole('option').map((o) => o.getAttribute('aria-label'))).toEqual(['logo.png'])
    expect(grid()).toHaveAccessibleName('Search results for logo')
    // Typing pauses before asking: one search for the whole word.
    expect(api.callsTo('search.assets')).toEqual([{ query: 'logo', limit: 200 }])
    expect(screen.getByText('1 match')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Back to Home' }))
    expect(await screen.findByRole('listbox', { name: 'Contents of Home' })).toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: 'Search the library' })).toHaveValue('')
  })

  it('says when nothing matches, and what search looks at', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), [HOME], ['h'], { 'search.assets': () => ({ items: [], hasMore: false, total: 0 }) })
    await user.type(screen.getByRole('searchbox', { name: 'Search the library' }), 'zebra{Enter}')
    expect(await screen.findByRole('heading', { name: 'Nothing matches “zebra”' })).toBeInTheDocument()
    expect(screen.getByText(/names, tags, custom metadata, and embedded keywords/)).toBeInTheDocument()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Nothing matches/ })).toBeNull())
  })

  it('shows how many jobs are running on the downloads button, and opens the jobs panel', async () => {
    const { user, api } = await openWorkspace(sessionOf(ADA), [HOME], ['h'], { 'jobs.list': () => [job('j1', 'running'), job('j2', 'queued'), job('j3', 'done')] })
    const button = await screen.findByRole('button', { name: 'Downloads and jobs, 2 running' })
    api.emit('jobs.progress', job('j1', 'done'))
    await waitFor(() => expect(button).toHaveAccessibleName('Downloads and jobs, 1 running'))
    await user.click(button)
    expect(useTrove.getState().dialog).toEqual({ kind: 'jobs' })
  })

  it('shows a small bar of how far running jobs have got, gone when none runs; the panel stays closed', async () => {
    const { api } = await openWorkspace(sessionOf(ADA), [HOME], ['h'], { 'jobs.list': () => [{ ...job('j1', 'running'), done: 1, total: 4 }] })
    const bar = await screen.findByRole('progressbar', { name: 'Jobs running' })
    expect(bar).toHaveAttribute('aria-valuenow', '25')
    api.emit('jobs.progress', { ...job('j1', 'running'), done: 3, total: 4 })
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '75'))
    api.emit('jobs.progress', job('j1', 'done'))
    await waitFor(() => expect(screen.queryByRole('progressbar', { name: 'Jobs running' })).toBeNull())
    expect(useTrove.getState().dialog).toBeNull()
  })

  it('offers the administration screen to an admin, and brings back the library', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), [HOME], ['h'], { 'groups.list': () => [] })
    const screens = screen.getByRole('navigation', { name: 'Screens' })
    expect(within(screens).getByRole('button', { name: 'Library' })).toHaveAttribute('aria-current', 'page')
    await user.click(within(screens).getByRole('button', { name: 'Administration' }))
    expect(await screen.findByRole('heading', { name: 'Administration', level: 1 })).toBeInTheDocument()
    expect(screen.queryByRole('tree', { name: 'Folders' })).toBeNull()
    await user.click(within(screens).getByRole('button', { name: 'Library' }))
    expect(await screen.findByRole('tree', { name: 'Folders' })).toBeInTheDocument()
  })
})

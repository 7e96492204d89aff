// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import './support/dom.js'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors.js'
import type { CollectionView } from '../../shared/views.js'
import { App } from '../../renderer/components/App.js'
import { resetStore } from '../../renderer/store/index.js'
import { mockApi } from './support/mockApi.js'
import { treeHandlers } from './support/library.js'
import { ADA, RITA, folder, sessionOf } from './support/views.js'

afterEach(() => {
  cleanup()
  resetStore()
})

describe('empty states and errors', () => {
  it('tells a restricted user with nothing shared that nothing has been shared yet', async () => {
    mockApi({ 'session.current': () => sessionOf(RITA), 'assets.roots': () => [] })
    render(<App />)
    expect(await screen.findByRole('heading', { name: 'Nothing has been shared with you yet' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Upload/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /New folder/ })).toBeNull()
    expect(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByText('Shared with me')).toHaveAttribute('aria-current', 'page')
  })

  it('tells a restricted user whose only shared collection is empty that it holds nothing yet', async () => {
    const kit: CollectionView = { id: 'c1', name: 'Press kit', createdBy: 'u-ada', createdAt: 1, updatedAt: 1, level: 'view', assetCount: 0 }
    mockApi({ 'session.current': () => sessionOf(RITA), 'assets.roots': () => [], 'collections.list': () => [kit] })
    render(<App />)
    const empty = await screen.findByRole('region', { name: 'No files or folders have been shared with you yet' })
    expect(empty).toHaveTextContent('The collection in the sidebar is shared with you but holds nothing yet.')
    expect(screen.queryByRole('heading', { name: 'Nothing has been shared with you yet' })).toBeNull()
  })

  it('offers upload and a new folder in an empty folder the user can contribute to', async () => {
    mockApi({ 'session.current': () => sessionOf(ADA), ...treeHandlers([folder('h', 'Home', null)], ['h']) })
    render(<App />)
    const empty = await screen.findByRole('region', { name: 'This folder is empty' })
    expect(within(empty).getByRole('button', { name: 'Upload files' })).toBeInTheDocument()
    expect(within(empty).getByRole('button', { name: 'New folder' })).toBeInTheDocument()
  })

  it('says a view-only empty folder cannot be added to, and offers nothing to add with', async () => {
    const shared = folder('b', 'Brand', 'h', { level: 'view', access: 'grant' })
    mockApi({ 'session.current': () => sessionOf(RITA), ...treeHandlers([shared], ['b']) })
    const u = userEvent.setup()
    render(<App />)
    await u.dblClick(await screen.findByRole('option', { name: 'Brand' }))
    const empty = await screen.findByRole('region', { name: 'This folder is empty' })
    expect(empty).toHaveTextContent('You can view this folder but not add to it.')
    expect(screen.queryByRole('button', { name: /Upload/ })).toBeNull()
  })

  it('shows main’s reason next to the name when a new folder is refused, and keeps the dialog open', async () => {
    const api = mockApi({
      'session.current': () => sessionOf(ADA),
      ...treeHandlers([folder('h', 'Home', null)], ['h']),
      'folders.create': ({ name }) => {
        throw new AppError('CONFLICT', `There is already something called "${name}" in Home.`, { field: 'name' })
      },
    })
    const u = userEvent.setup()
    render(<App />)
    await u.click((await screen.findAllByRole('button', { name: 'New folder' }))[0])
    const dialog = screen.getByRole('dialog', { name: 'New folder' })
    expect(within(dialog).getByLabelText('Name')).toHaveFocus()
    await u.type(within(dialog).getByLabelText('Name'), 'Brand')
    await u.click(within(dialog).getByRole('button', { name: 'Create' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('There is already something called "Brand" in Home.')
    expect(api.callsTo('folders.create')).toEqual([{ parentId: 'h', name: 'Brand' }])
  })

  it('shows a failure that belongs to no form as a message that stays until dismissed', async () => {
    mockApi({
      'session.current': () => sessionOf(ADA),
      'assets.roots': () => {
        throw new AppError('INTERNAL', 'Something went wrong inside Trove. The details are in the application log.')
      },
    })
    const u = userEvent.setup()
    render(<App />)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Something went wrong inside Trove.')
    // Radix counts its toasts in a transition: the corner takes clicks once that has rendered.
    await waitFor(() => expect(alert.closest('[role="region"]')).not.toHaveStyle({ pointerEvents: 'none' }))
    await u.click(within(alert).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('tells a browser without a session to open the printed link', async () => {
    mockApi({
      'session.current': () => {
        throw new AppError('UNAUTHENTICATED', 'This browser is not connected to Trove.', { reason: 'noBrowserSession' })
      },
    })
    render(<App />)
    expect(await screen.findByRole('heading', { name: 'This window is not connected to Trove' })).toBeInTheDocument()
  })

  it('asks to sign in when nobody is signed in yet', async () => {
    mockApi({
      'session.current': () => {
        throw new AppError('UNAUTHENTICATED', 'Sign in first.')
      },
    })
    render(<App />)
    expect(await screen.findByRole('heading', { name: 'Sign in to Trove' })).toBeInTheDocument()
  })
})

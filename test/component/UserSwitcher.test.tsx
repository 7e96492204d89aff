// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../shared/errors.js'
import type { SessionView } from '../../shared/views.js'
import { App } from '../../renderer/components/App.js'
import { resetStore, useTrove } from '../../renderer/store/index.js'
import { mockApi } from './support/mockApi.js'
import { treeHandlers } from './support/library.js'
import { ADA, RITA, folder, sessionOf, user } from './support/views.js'

const HOME = folder('h', 'Home', null)
const DEV = user('u-dev', 'Dan', 'developer', { hasPassword: true })

afterEach(() => {
  cleanup()
  resetStore()
})

/** Main's session handling in miniature: the session is held here, as main holds it. */
function sessionHandlers(start: SessionView) {
  let current = start
  return {
    'session.current': () => current,
    'users.list': () => [ADA, DEV, RITA],
    'session.viewAs': ({ userId }: { userId: string }) => (current = sessionOf(userId === RITA.id ? RITA : DEV, ADA)),
    'session.endViewAs': () => (current = sessionOf(ADA)),
    // Main's rule: an admin switches without a password; anyone else gives the right one.
    'session.switchUser': ({ userId, password }: { userId: string; password?: string }) => {
      const target = [ADA, DEV, RITA].find((u) => u.id === userId)!
      if (!current.isAdmin && password !== 'sesame long') throw new AppError('UNAUTHENTICATED', `That is not ${target.name}’s password.`)
      return (current = sessionOf(target))
    },
  }
}

async function openSwitcher() {
  const u = userEvent.setup()
  await u.click(await screen.findByRole('button', { name: /^Acting as Ada, Administrator/ }))
  const panel = await screen.findByRole('dialog', { name: 'Switch user' })
  await within(panel).findByText('Rita')
  return { u, panel }
}

describe('the user switcher and the view-as banner', () => {
  it('offers view as only for restricted users, and shows a banner until the admin returns', async () => {
    const api = mockApi({ ...sessionHandlers(sessionOf(ADA)), ...treeHandlers([HOME], ['h']) })
    render(<App />)
    const { u, panel } = await openSwitcher()
    expect(within(panel).queryByRole('button', { name: 'View as Dan' })).toBeNull()
    expect(screen.queryByRole('region', { name: 'View as' })).toBeNull()

    await u.click(within(panel).getByRole('button', { name: 'View as Rita' }))
    const banner = await screen.findByRole('region', { name: 'View as' })
    expect(banner).toHaveTextContent('Viewing as Rita')
    expect(api.callsTo('session.viewAs')).toEqual([{ userId: RITA.id }])
    expect(screen.getByRole('button', { name: /^Acting as Rita, Restricted/ })).toBeInTheDocument()
    // The banner stays while the view-as lasts, whatever else happens on screen.
    await u.click(screen.getByRole('button', { name: /^Acting as Rita/ }))
    await screen.findByRole('dialog', { name: 'Switch user' })
    await u.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Switch user' })).toBeNull()
    expect(screen.getByRole('button', { name: /^Acting as Rita/ })).toHaveFocus()
    expect(screen.getByRole('region', { name: 'View as' })).toBeInTheDocument()

    await u.click(within(banner).getByRole('button', { name: 'Return to Ada' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'View as' })).toBeNull())
    expect(api.callsTo('session.endViewAs')).toHaveLength(1)
    expect(screen.getByRole('button', { name: /^Acting as Ada/ })).toBeInTheDocument()
  })

  it('returns the admin to where they were before viewing as someone, not to their start', async () => {
    const BRAND = folder('b', 'Brand', 'h')
    mockApi({ ...sessionHandlers(sessionOf(ADA)), ...treeHandlers([{ ...HOME, childCount: 1 }, BRAND], ['h']) })
    render(<App />)
    const u = userEvent.setup()
    await u.dblClick(await screen.findByRole('option', { name: 'Brand' }))
    await waitFor(() => expect(window.location.hash).toBe('#/folder/b'))
    await u.click(screen.getByRole('button', { name: /^Acting as Ada/ }))
    const panel = await screen.findByRole('dialog', { name: 'Switch user' })
    await u.click(await within(panel).findByRole('button', { name: 'View as Rita' }))
    const banner = await screen.findByRole('region', { name: 'View as' })
    await waitFor(() => expect(window.location.hash).not.toBe('#/folder/b'))
    await u.click(within(banner).getByRole('button', { name: 'Return to Ada' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'View as' })).toBeNull())
    await waitFor(() => expect(window.location.hash).toBe('#/folder/b'))
    await waitFor(() => expect(useTrove.getState().folderId).toBe('b'))
  })

  it('never names the actor itself: switching only asks main, with the chosen user id', async () => {
    const api = mockApi({ ...sessionHandlers(sessionOf(ADA)), ...treeHandlers([HOME], ['h']), 'assets.roots': () => [] })
    render(<App />)
    const { u, panel } = await openSwitcher()
    await u.click(within(panel).getByRole('button', { name: 'Switch to Rita' }))
    await screen.findByRole('button', { name: /^Acting as Rita/ })
    expect(api.callsTo('session.switchUser')).toEqual([{ userId: RITA.id, password: undefined }])
    const inputs = api.calls.filter((c) => c.channel !== 'session.switchUser').map((c) => JSON.stringify(c.input ?? {}))
    expect(inputs.filter((i) => i.includes(RITA.id))).toEqual([])
  })

  it('lets an admin switch to a user who has a password without asking for it, and explains Switch against View as', async () => {
    const api = mockApi({ ...sessionHandlers(sessionOf(ADA)), ...treeHandlers([HOME], ['h']), 'assets.roots': () => [] })
    render(<App />)
    const { u, panel } = await openSwitcher()
    expect(panel).toHaveTextContent('Switch makes this window act as that user; as an administrator you are not asked for their password.')
    expect(panel).toHaveTextContent('View as shows exactly what a restricted user sees')
    await u.click(within(panel).getByRole('button', { name: 'Switch to Dan' }))
    await screen.findByRole('button', { name: /^Acting as Dan, Developer/ })
    expect(screen.queryByRole('dialog', { name: 'Switch to Dan' })).toBeNull()
    expect(api.callsTo('session.switchUser')).toEqual([{ userId: DEV.id, password: undefined }])
  })

  it('asks anyone but an admin for the password, whoever they switch to, and shows main’s refusal next to the field', async () => {
    const api = mockApi({ ...sessionHandlers(sessionOf(DEV)), ...treeHandlers([HOME], ['h']), 'assets.roots': () => [] })
    render(<App />)
    const u = userEvent.setup()
    await u.click(await screen.findByRole('button', { name: /^Acting as Dan, Developer/ }))
    const panel = await screen.findByRole('dialog', { name: 'Switch user' })
    await within(panel).findByText('Rita')
    expect(panel).toHaveTextContent('Switch makes this window act as that user: you need their password.')
    expect(panel).not.toHaveTextContent('View as')
    expect(within(panel).queryByRole('button', { name: 'View as Rita' })).toBeNull()
    await u.click(within(panel).getByRole('button', { name: 'Switch to Ada' }))
    const dialog = await screen.findByRole('dialog', { name: 'Switch to Ada' })
    expect(api.callsTo('session.switchUser')).toEqual([])
    await u.type(within(dialog).getByLabelText("Ada's password"), 'wrong guess')
    await u.click(within(dialog).getByRole('button', { name: 'Switch' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That is not Ada’s password.')
    expect(screen.getByRole('button', { name: /^Acting as Dan/, hidden: true })).toBeInTheDocument()

    await u.clear(within(dialog).getByLabelText("Ada's password"))
    await u.type(within(dialog).getByLabelText("Ada's password"), 'sesame long')
    await u.click(within(dialog).getByRole('button', { name: 'Switch' }))
    await screen.findByRole('button', { name: /^Acting as Ada, Administrator/ })
    expect(screen.queryByRole('dialog', { name: 'Switch to Ada' })).toBeNull()
    expect(api.callsTo('session.switchUser')).toEqual([
      { userId: ADA.id, password: 'wrong guess' },
      { userId: ADA.id, password: 'sesame long' },
    ])
  })

  it('shows a restricted user only the names main gives, and asks for a password to switch', async () => {
    mockApi({
      ...sessionHandlers(sessionOf(RITA)),
      'users.list': () => [ADA, DEV, RITA].map(({ id, name }) => ({ id, name })),
      'assets.roots': () => [],
    })
    render(<App />)
    const u = userEvent.setup()
    await u.click(await screen.findByRole('button', { name: /^Acting as Rita, Restricted/ }))
    const panel = await screen.findByRole('dialog', { name: 'Switch user' })
    await within(panel).findByText('Dan')
    const list = within(panel).getByRole('list', { name: 'Users' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(2)
    // No emails and no roles: main does not give them to a restricted user, and nothing makes them up.
    expect(list).not.toHaveTextContent(/@|Administrator|Developer|Restricted|undefined/)
    await u.click(within(panel).getByRole('button', { name: 'Switch to Dan' }))
    await screen.findByRole('dialog', { name: 'Switch to Dan' })
  })

  it('follows a switch made elsewhere in the same browser session', async () => {
    const handlers = sessionHandlers(sessionOf(ADA))
    const api = mockApi({ ...handlers, ...treeHandlers([HOME], ['h']), 'assets.roots': () => [] })
    render(<App />)
    await screen.findByRole('button', { name: /^Acting as Ada/ })
    handlers['session.switchUser']({ userId: RITA.id })
    api.emit('session.changed', { userId: RITA.id })
    await screen.findByRole('button', { name: /^Acting as Rita/ })
  })
})

describe('the switcher panel as a dialog', () => {
  it('takes focus, keeps it inside on Tab, hides the page beneath, and gives it back to its button on a click outside', async () => {
    mockApi({ ...sessionHandlers(sessionOf(ADA)), ...treeHandlers([HOME], ['h']) })
    render(<App />)
    const { u, panel } = await openSwitcher()
    expect(panel).toContainElement(document.activeElement as HTMLElement)
    expect(document.querySelector('.switcher-button')).toHaveAttribute('aria-expanded', 'true')
    // The rest of the page is out of reach while the panel is open.
    expect(screen.queryByRole('main', { name: 'Contents' })).toBeNull()
    for (let i = 0; i < 8; i++) {
      await u.tab()
      expect(panel).toContainElement(document.activeElement as HTMLElement)
    }
    // The page beneath takes no pointer while the panel is open (as Radix has it): the click lands on the page itself.
    await userEvent.setup({ pointerEventsCheck: 0 }).click(document.body)
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Switch user' })).toBeNull())
    await waitFor(() => expect(screen.getByRole('button', { name: /^Acting as Ada/ })).toHaveFocus())
    expect(screen.getByRole('button', { name: /^Acting as Ada/ })).toHaveAttribute('aria-expanded', 'false')
    expect(screen.getByRole('main', { name: 'Contents' })).toBeInTheDocument()
  })

  it('gives focus back to its button after the password dialog it led to is cancelled', async () => {
    mockApi({ ...sessionHandlers(sessionOf(DEV)), ...treeHandlers([HOME], ['h']), 'assets.roots': () => [] })
    render(<App />)
    const u = userEvent.setup()
    await u.click(await screen.findByRole('button', { name: /^Acting as Dan/ }))
    const panel = await screen.findByRole('dialog', { name: 'Switch user' })
    await u.click(await within(panel).findByRole('button', { name: 'Switch to Rita' }))
    const dialog = await screen.findByRole('dialog', { name: 'Switch to Rita' })
    await waitFor(() => expect(within(dialog).getByLabelText("Rita's password")).toHaveFocus())
    await u.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Switch to Rita' })).toBeNull())
    await waitFor(() => expect(screen.getByRole('button', { name: /^Acting as Dan/ })).toHaveFocus())
  })
})

describe('signing out of a browser session', () => {
  it('ends the session on the server and starts the page again', async () => {
    const reload = vi.fn()
    const location = window.location
    Object.defineProperty(window, 'location', { configurable: true, value: { ...location, reload } })
    try {
      const signOut = vi.fn(async () => true)
      mockApi({ ...sessionHandlers(sessionOf(ADA)), ...treeHandlers([HOME], ['h']) }, { signOut })
      render(<App />)
      const { u, panel } = await openSwitcher()
      await u.click(within(panel).getByRole('button', { name: 'Sign out' }))
      await waitFor(() => expect(reload).toHaveBeenCalledTimes(1))
      expect(signOut).toHaveBeenCalledTimes(1)
    } finally {
      Object.defineProperty(window, 'location', { configurable: true, value: location })
    }
  })

  it('is not offered where the window cannot sign out through a server (the desktop menu does it)', async () => {
    mockApi({ ...sessionHandlers(sessionOf(ADA)), ...treeHandlers([HOME], ['h']) }, { desktop: true })
    render(<App />)
    const { panel } = await openSwitcher()
    expect(within(panel).queryByRole('button', { name: 'Sign out' })).toBeNull()
  })
})

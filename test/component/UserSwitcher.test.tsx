// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors.js'
import type { SessionView } from '../../shared/views.js'
import { App } from '../../renderer/components/App.js'
import { resetStore } from '../../renderer/store/index.js'
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
    'session.switchUser': ({ userId, password }: { userId: string; password?: string }) => {
      if (userId === DEV.id && password !== 'sesame long') throw new AppError('UNAUTHENTICATED', 'That user and password do not match.')
      return (current = sessionOf(userId === DEV.id ? DEV : RITA))
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

  it('asks for the password of a user who has one and shows main’s refusal next to the field', async () => {
    const api = mockApi({ ...sessionHandlers(sessionOf(ADA)), ...treeHandlers([HOME], ['h']) })
    render(<App />)
    const { u, panel } = await openSwitcher()
    await u.click(within(panel).getByRole('button', { name: 'Switch to Dan' }))
    const dialog = await screen.findByRole('dialog', { name: 'Switch to Dan' })
    await u.type(within(dialog).getByLabelText("Dan's password"), 'wrong guess')
    await u.click(within(dialog).getByRole('button', { name: 'Switch' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That user and password do not match.')
    expect(screen.getByRole('button', { name: /^Acting as Ada/ })).toBeInTheDocument()

    await u.clear(within(dialog).getByLabelText("Dan's password"))
    await u.type(within(dialog).getByLabelText("Dan's password"), 'sesame long')
    await u.click(within(dialog).getByRole('button', { name: 'Switch' }))
    await screen.findByRole('button', { name: /^Acting as Dan, Developer/ })
    expect(screen.queryByRole('dialog', { name: 'Switch to Dan' })).toBeNull()
    expect(api.callsTo('session.switchUser')).toEqual([
      { userId: DEV.id, password: 'wrong guess' },
      { userId: DEV.id, password: 'sesame long' },
    ])
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

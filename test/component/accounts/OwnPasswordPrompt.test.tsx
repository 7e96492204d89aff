// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { RITA, folder, sessionOf, user } from '../support/views.js'
import { openWorkspace } from '../support/workspace.js'
import { adminWorld } from '../admin/fixtures.js'

afterEach(() => {
  cleanup()
  resetStore()
})

/** The first admin of a fresh library: no password yet. */
const OWNER = user('u-ada', 'Ada', 'admin')
const HOME = [folder('h', 'Home', null)]

async function openAs(users: ReturnType<typeof user>[]) {
  const { world, handlers } = adminWorld()
  world.users = users
  const opened = await openWorkspace(sessionOf(OWNER), HOME, ['h'], handlers)
  return { ...opened, world }
}

async function createUser(u: Awaited<ReturnType<typeof openAs>>['user'], name: string, role: string) {
  await u.click(within(screen.getByRole('navigation', { name: 'Screens' })).getByRole('button', { name: 'Administration' }))
  await u.click(await screen.findByRole('tab', { name: 'Users' }))
  await u.click(await screen.findByRole('button', { name: 'New user' }))
  const dialog = screen.getByRole('dialog', { name: 'New user' })
  await u.type(within(dialog).getByLabelText('Name'), name)
  await u.type(within(dialog).getByLabelText('Email'), `${name.toLowerCase()}@example.com`)
  await u.selectOptions(within(dialog).getByLabelText('Role'), role)
  await u.click(within(dialog).getByRole('button', { name: 'Create user' }))
}

describe('an administrator without a password', () => {
  it('is not asked while alone in the library', async () => {
    await openAs([OWNER])
    expect(screen.queryByRole('dialog', { name: 'Set your password' })).toBeNull()
  })

  it('is asked the moment a second account is created, and may put it off while every other account is an admin', async () => {
    const { user: u, api } = await openAs([OWNER])
    await createUser(u, 'Bea', 'Administrator')
    const prompt = await screen.findByRole('dialog', { name: 'Set your password' })
    expect(prompt).toHaveTextContent('put this off while every other account is an administrator')
    await u.click(within(prompt).getByRole('button', { name: 'Not now' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Set your password' })).toBeNull())
    expect(api.callsTo('users.update')).toEqual([])
    // Asked again with the next account.
    await createUser(u, 'Cy', 'Developer')
    await screen.findByRole('dialog', { name: 'Set your password' })
  })

  it('cannot put it off once someone who is not an admin is in the library, and the password set is their own', async () => {
    const { user: u, api } = await openAs([OWNER])
    await createUser(u, 'Sam', 'Restricted')
    const prompt = await screen.findByRole('dialog', { name: 'Set your password' })
    expect(within(prompt).queryByRole('button', { name: 'Not now' })).toBeNull()
    await u.keyboard('{Escape}')
    expect(screen.getByRole('dialog', { name: 'Set your password' })).toBeInTheDocument()
    await u.type(within(prompt).getByLabelText('New password'), 'correct horse')
    await u.click(within(prompt).getByRole('button', { name: 'Set password' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Set your password' })).toBeNull())
    expect(api.callsTo('users.update')).toEqual([{ userId: OWNER.id, password: 'correct horse' }])
  })

  it('is asked when the library opens with a restricted account already in it (a library from before the rule)', async () => {
    await openAs([OWNER, RITA])
    const prompt = await screen.findByRole('dialog', { name: 'Set your password' })
    expect(within(prompt).queryByRole('button', { name: 'Not now' })).toBeNull()
  })

  it('is not asked while viewing as someone, nor once a password is set', async () => {
    const { world, handlers } = adminWorld()
    world.users = [{ ...OWNER, hasPassword: true }, RITA]
    await openWorkspace(sessionOf(OWNER), HOME, ['h'], handlers)
    expect(screen.queryByRole('dialog', { name: 'Set your password' })).toBeNull()
    cleanup()
    resetStore()
    const other = adminWorld()
    other.world.users = [OWNER, RITA]
    await openWorkspace(sessionOf(RITA, OWNER), [], [], other.handlers)
    expect(screen.queryByRole('dialog', { name: 'Set your password' })).toBeNull()
  })
})

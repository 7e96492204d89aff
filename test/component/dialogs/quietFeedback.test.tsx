// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { NOTICE_MS } from '../../../renderer/components/Notices.js'
import { ADA, folder, sessionOf } from '../support/views.js'
import { openWorkspace } from '../support/workspace.js'

afterEach(() => {
  cleanup()
  resetStore()
  vi.useRealTimers()
})

const HOME = folder('h', 'Home', null)

describe('quiet feedback', () => {
  it('a name main refuses puts focus on the field, with the message read with it, and focus goes back to the opener after', async () => {
    const { user } = await openWorkspace(sessionOf(ADA), [HOME], ['h'], {
      'folders.create': ({ name }) => {
        throw new AppError('CONFLICT', `"Home" already holds something named "${name}".`)
      },
    })
    const opener = screen.getAllByRole('button', { name: 'New folder' })[0]
    await user.click(opener)
    const dialog = await screen.findByRole('dialog', { name: 'New folder' })
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Brand')
    await user.click(within(dialog).getByRole('button', { name: 'Create' }))
    const field = within(dialog).getByRole('textbox', { name: 'Name' })
    await waitFor(() => expect(field).toHaveFocus())
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription('"Home" already holds something named "Brand".')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await waitFor(() => expect(opener).toHaveFocus())
  })

  it('errors stay until dismissed but never more than four at once; notices go by themselves', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { user } = await openWorkspace(sessionOf(ADA), [HOME], ['h'])
    act(() => {
      for (let i = 1; i <= 6; i++) useTrove.getState().reportError(new AppError('INTERNAL', `failure ${i}`))
      useTrove.getState().notify('Moved 1 item.')
    })
    act(() => vi.advanceTimersByTime(NOTICE_MS * 10))
    expect(screen.queryByText('Moved 1 item.')).toBeNull()
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['failure 3', 'failure 4', 'failure 5', 'failure 6'])
    await user.click(within(screen.getAllByRole('alert')[0]).getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(3))
  })
})

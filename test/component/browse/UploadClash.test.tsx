// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetStore } from '../../../renderer/store/index.js'
import { ADA, file, folder, sessionOf } from '../support/views.js'
import { dataTransfer, grid, openWorkspace } from '../support/workspace.js'
import { png, uploadHandlers } from '../support/uploads.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const HOME = folder('h', 'Home', null, { childCount: 2 })

const sent = (calls: unknown[]) => calls.map((c) => { const { name, onConflict } = c as { name: string; onConflict?: string }; return onConflict ? `${name}:${onConflict}` : name })

describe('an upload meeting names already taken', () => {
  it('asks once for the batch and applies the choice to every clash, in one call each', async () => {
    const assets = [HOME, file('a', 'a.png', 'h'), file('b', 'b.png', 'h')]
    const { user, api } = await openWorkspace(sessionOf(ADA), assets, ['h'], uploadHandlers(assets))
    await user.upload(screen.getByLabelText('Upload files'), [png('a.png'), png('new.png'), png('b.png')])
    const dialog = await screen.findByRole('dialog', { name: 'This name is already taken' })
    expect(dialog).toHaveTextContent('“Home” already holds something named “a.png”.')
    expect(within(dialog).getByRole('checkbox', { name: 'Apply to all other taken names in this upload' })).toBeChecked()
    await user.click(within(dialog).getByRole('radio', { name: 'Replace as a new version' }))
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    await waitFor(() => expect(sent(api.callsTo('files.upload'))).toEqual(['a.png', 'a.png:replace', 'new.png', 'b.png', 'b.png:replace']))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('asks about each clash when "apply to all" is unticked, and says how many were skipped', async () => {
    const assets = [HOME, file('a', 'a.png', 'h'), file('b', 'b.png', 'h')]
    const { user, api } = await openWorkspace(sessionOf(ADA), assets, ['h'], uploadHandlers(assets))
    await user.upload(screen.getByLabelText('Upload files'), [png('a.png'), png('b.png')])
    let dialog = await screen.findByRole('dialog', { name: 'This name is already taken' })
    await user.click(within(dialog).getByRole('checkbox', { name: /Apply to all/ }))
    await user.click(within(dialog).getByRole('radio', { name: 'Skip' }))
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    dialog = await screen.findByRole('dialog', { name: 'This name is already taken' })
    expect(dialog).toHaveTextContent('named “b.png”')
    // The last file of the batch: nothing after it to apply a choice to.
    expect(within(dialog).queryByRole('checkbox')).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    await waitFor(() => expect(sent(api.callsTo('files.upload'))).toEqual(['a.png', 'b.png', 'b.png:keepBoth']))
    expect(await screen.findByText('1 file skipped: its name was taken.')).toBeInTheDocument()
  })

  it('asks for a folder upload and a drop too; closing the question skips the file', async () => {
    const trip = folder('trip', 'Trip', 'h')
    const assets = [HOME, trip, file('t1', 'a.png', 'trip')]
    const { user, api } = await openWorkspace(sessionOf(ADA), assets, ['h'], uploadHandlers(assets))
    await user.upload(screen.getByLabelText('Upload a folder'), [png('a.png', 'Trip/a.png'), png('c.png', 'Trip/c.png')])
    const dialog = await screen.findByRole('dialog', { name: 'This name is already taken' })
    expect(dialog).toHaveTextContent('“Trip” already holds something named “a.png”.')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(sent(api.callsTo('files.upload'))).toEqual(['a.png', 'c.png']))

    fireEvent.drop(within(grid()).getByRole('option', { name: 'Trip' }), { dataTransfer: dataTransfer({ files: [png('c.png')] }) })
    await user.click(within(await screen.findByRole('dialog', { name: 'This name is already taken' })).getByRole('button', { name: 'Continue' }))
    await waitFor(() => expect(sent(api.callsTo('files.upload')).slice(2)).toEqual(['c.png', 'c.png:keepBoth']))
  })
})

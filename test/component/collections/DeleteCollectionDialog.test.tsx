// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import { DialogHost } from '../../../renderer/components/dialogs/DialogHost.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { mockApi, type Handlers } from '../support/mockApi.js'
import { RITA } from '../support/views.js'
import { collection, signedIn } from './fixtures.js'

afterEach(() => {
  cleanup()
  resetStore()
})

function open(assetCount: number, handlers: Partial<Handlers> = {}) {
  const kit = collection('c-kit', 'Brand assets', 'manage', assetCount)
  const api = mockApi({ 'collections.list': () => [], 'assets.roots': () => [], 'users.list': () => [], ...handlers })
  signedIn(RITA, { collections: [kit] })
  useTrove.getState().openDialog({ kind: 'deleteCollection', collectionId: 'c-kit' })
  render(<DialogHost />)
  return { api, dialog: screen.getByRole('dialog', { name: 'Delete media collection' }) }
}

describe('Delete media collection', () => {
  it('says that no asset is deleted, whatever the collection holds', () => {
    expect(open(1).dialog).toHaveTextContent('No asset is deleted. The one item in it stays in the library where it is. Only the collection and the access it gave go.')
    cleanup()
    expect(open(0).dialog).toHaveTextContent('No asset is deleted. Only the collection and the access it gave go.')
  })

  it('starts on Cancel, so Enter alone deletes nothing; Enter on the delete button deletes with the exact id', async () => {
    const user = userEvent.setup()
    const { api, dialog } = open(5, { 'collections.delete': ({ collectionId }) => ({ deleted: collectionId }) })
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.tab()
    expect(within(dialog).getByRole('button', { name: 'Delete collection' })).toHaveFocus()
    await user.tab()
    // Focus stays in the dialog.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.tab({ shift: true })
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.callsTo('collections.delete')).toEqual([{ collectionId: 'c-kit' }])
    expect(useTrove.getState().collections).toEqual([])
  })

  it('shows main’s refusal and keeps the collection', async () => {
    const user = userEvent.setup()
    const { dialog } = open(5, {
      'collections.delete': () => {
        throw new AppError('FORBIDDEN', 'You cannot delete the collection "Brand assets": that needs manage access and you have view.')
      },
    })
    await user.click(within(dialog).getByRole('button', { name: 'Delete collection' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Not allowed. You cannot delete the collection "Brand assets"')
    expect(useTrove.getState().collections.map((c) => c.id)).toEqual(['c-kit'])
  })

  it('closes on Escape without deleting', async () => {
    const user = userEvent.setup()
    const { api } = open(5)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.calls).toEqual([])
  })
})

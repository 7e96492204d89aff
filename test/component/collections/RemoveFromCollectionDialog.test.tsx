// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { Level } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import { DialogHost } from '../../../renderer/components/dialogs/DialogHost.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { mockApi, type Handlers } from '../support/mockApi.js'
import { RITA, file, folder } from '../support/views.js'
import { collection, manyFiles, signedIn } from './fixtures.js'

const BRAND = folder('b', 'Brand', 'h')
const LOGO = file('logo', 'logo.png', 'b')
const GUIDE = file('guide', 'guide.pdf', 'b')

afterEach(() => {
  cleanup()
  resetStore()
})

function open(level: Level, assetIds: string[], handlers: Partial<Handlers> = {}) {
  const kit = collection('c-brand', 'Brand assets', level, 3)
  const api = mockApi({ 'collections.list': () => [kit], 'collections.assets': () => [BRAND, LOGO], ...handlers })
  signedIn(RITA, { assets: [BRAND, LOGO, GUIDE, ...manyFiles(101)], collections: [kit] })
  useTrove.setState({ collectionScope: { collectionId: 'c-brand', folderIds: [] }, itemIds: ['b', 'logo', 'guide'] })
  useTrove.getState().openDialog({ kind: 'removeFromCollection', collectionId: 'c-brand', assetIds })
  render(<DialogHost />)
  return { api, dialog: screen.getByRole('dialog', { name: 'Remove from media collection' }) }
}

describe('Remove from media collection', () => {
  it('asks first, saying the assets stay in the library; Enter confirms with the exact ids', async () => {
    const user = userEvent.setup()
    const { api, dialog } = open('manage', ['logo', 'guide'], { 'collections.removeAssets': () => ({ removed: 2, stillReachable: [] }) })
    expect(dialog).toHaveTextContent('Remove “logo.png” and “guide.pdf” from “Brand assets”? They stay in the library where they are: only the association with the collection goes.')
    expect(api.callsTo('collections.removeAssets')).toEqual([])
    // Focus starts on the confirming button, so Enter submits.
    expect(within(dialog).getByRole('button', { name: 'Remove' })).toHaveFocus()
    await user.keyboard('{Enter}')
    // No second dialog: it closes, and a notice says what happened, with Undo.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(useTrove.getState().notices.map((n) => [n.message, n.undoable])).toEqual([['Removed 2 items from “Brand assets”. Nothing was deleted from the library.', true]])
    expect(api.callsTo('collections.removeAssets')).toEqual([{ collectionId: 'c-brand', assetIds: ['logo', 'guide'] }])
    // The open collection is listed again.
    expect(api.callsTo('collections.assets')).toEqual([{ collectionId: 'c-brand' }])
  })

  it('says which assets are still in the collection through a parent folder', async () => {
    const user = userEvent.setup()
    const { dialog } = open('manage', ['logo', 'guide'], {
      'collections.removeAssets': () => ({ removed: 2, stillReachable: [{ assetId: 'logo', viaAssetId: 'b' }] }),
    })
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }))
    const note = await within(dialog).findByRole('note', { name: 'Still in the collection' })
    expect(note).toHaveTextContent('“logo.png” is still in “Brand assets” through its parent folder “Brand”, which is in the collection.')
    expect(note).not.toHaveTextContent('guide.pdf')
  })

  for (const level of ['view', 'contribute'] as const) {
    it(`at ${level} it explains that removing needs manage and offers no way to send`, async () => {
      const user = userEvent.setup()
      const { api, dialog } = open(level, ['logo'])
      expect(within(dialog).getByRole('alert')).toHaveTextContent(`Removing assets from “Brand assets” needs manage access to the collection; you have ${level} access.`)
      expect(within(dialog).getByRole('button', { name: 'Remove' })).toBeDisabled()
      await user.keyboard('{Enter}')
      expect(api.callsTo('collections.removeAssets')).toEqual([])
    })
  }

  it('refuses more than 100 assets before sending', async () => {
    const user = userEvent.setup()
    const { api, dialog } = open('manage', manyFiles(101).map((f) => f.id))
    expect(within(dialog).getByRole('alert')).toHaveTextContent('101 items are selected; at most 100 can be removed from a collection at once.')
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }))
    expect(api.callsTo('collections.removeAssets')).toEqual([])
  })

  it('shows main’s refusal and stays open', async () => {
    const user = userEvent.setup()
    const { dialog } = open('manage', ['logo'], {
      'collections.removeAssets': () => {
        throw new AppError('FORBIDDEN', 'You cannot remove assets from the collection "Brand assets": that needs manage access and you have view.')
      },
    })
    await user.keyboard('{Enter}')
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Not allowed. You cannot remove assets from the collection "Brand assets"')
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })

  it('keeps focus inside and closes on Escape without removing', async () => {
    const user = userEvent.setup()
    const { api, dialog } = open('manage', ['logo'])
    await user.tab()
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.tab({ shift: true })
    expect(within(dialog).getByRole('button', { name: 'Remove' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.callsTo('collections.removeAssets')).toEqual([])
  })
})

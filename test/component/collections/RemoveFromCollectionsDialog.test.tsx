// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { AssociationView } from '../../../shared/views.js'
import { AppError } from '../../../shared/errors.js'
import { DialogHost } from '../../../renderer/components/dialogs/DialogHost.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { mockApi, type Handlers } from '../support/mockApi.js'
import { RITA, file, folder } from '../support/views.js'
import { collection, signedIn } from './fixtures.js'

const BRAND = folder('b', 'Brand', 'h')
const LOGO = file('logo', 'logo.png', 'b')
const KIT = collection('c-kit', 'Brand assets', 'manage', 4)
const LAUNCH = collection('c-launch', 'Launch', 'manage', 2)
const PRESS = collection('c-press', 'Press kit', 'contribute', 9)
const ARCHIVE = collection('c-arch', 'Archive', 'view', 1)

/** Directly in Brand assets, Launch and Press kit; in Brand assets and Archive through the folder Brand too. */
const ASSOCIATIONS: AssociationView[] = [
  { collection: KIT, viaAssetId: 'logo', direct: true },
  { collection: LAUNCH, viaAssetId: 'logo', direct: true },
  { collection: PRESS, viaAssetId: 'logo', direct: true },
  { collection: KIT, viaAssetId: 'b', direct: false },
  { collection: ARCHIVE, viaAssetId: 'b', direct: false },
]

afterEach(() => {
  cleanup()
  resetStore()
})

function open(handlers: Partial<Handlers> = {}, associations = ASSOCIATIONS) {
  const api = mockApi({ 'collections.associations': () => associations, 'collections.list': () => [KIT, LAUNCH, PRESS, ARCHIVE], ...handlers })
  signedIn(RITA, { assets: [BRAND, LOGO], collections: [KIT, LAUNCH, PRESS, ARCHIVE] })
  useTrove.getState().openDialog({ kind: 'removeFromCollections', assetId: 'logo' })
  render(<DialogHost />)
  return { api, dialog: screen.getByRole('dialog', { name: 'Remove “logo.png” from media collections' }) }
}

const list = (dialog: HTMLElement) => within(dialog).getByRole('list', { name: 'Collections it is directly in that you manage' })

describe('Remove from media collections', () => {
  it('lists the collections the asset is directly in where the user has manage, and names the others', async () => {
    const { api, dialog } = open()
    await within(dialog).findByRole('checkbox', { name: /Brand assets/ })
    expect(api.callsTo('collections.associations')).toEqual([{ assetId: 'logo' }])
    expect(within(list(dialog)).getAllByRole('checkbox').map((c) => c.getAttribute('aria-label'))).toEqual(['Brand assets, 4 items', 'Launch, 2 items'])
    expect(dialog).toHaveTextContent('Also directly in “Press kit”, where removing needs manage access.')
    expect(dialog).toHaveTextContent('In “Brand assets”, “Archive” through a parent folder: remove that folder to take it out of those collections.')
    expect(dialog).toHaveTextContent('You can remove an asset from up to 100 collections at once.')
  })

  it('searches, removes from the chosen ones with the exact input, and says where it is still reachable', async () => {
    const user = userEvent.setup()
    const { api, dialog } = open({
      'collections.removeAssetFromCollections': () => ({ removed: 2, stillReachable: [{ collectionId: 'c-kit', viaAssetId: 'b' }] }),
    })
    await within(dialog).findByRole('checkbox', { name: /Brand assets/ })
    await user.type(within(dialog).getByRole('searchbox'), 'laun')
    expect(within(list(dialog)).getAllByRole('checkbox')).toHaveLength(1)
    await user.click(within(dialog).getByRole('checkbox', { name: /Launch/ }))
    await user.clear(within(dialog).getByRole('searchbox'))
    await user.click(within(dialog).getByRole('checkbox', { name: /Brand assets/ }))
    await user.keyboard('{Enter}')
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Removed from “Launch”, “Brand assets”. Nothing was deleted from the library.')
    expect(api.callsTo('collections.removeAssetFromCollections')).toEqual([{ assetId: 'logo', collectionIds: ['c-launch', 'c-kit'] }])
    expect(within(dialog).getByRole('note', { name: 'Still in the collection' })).toHaveTextContent(
      '“logo.png” is still in “Brand assets” through its parent folder “Brand”, which is in that collection.',
    )
  })

  it('says so when there is nothing it can remove', async () => {
    const { dialog } = open({}, [{ collection: ARCHIVE, viaAssetId: 'b', direct: false }])
    expect(await within(dialog).findByText('It is not directly in any collection you manage.')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Remove' })).toBeDisabled()
  })

  it('refuses more than 100 collections before sending', async () => {
    const many = Array.from({ length: 101 }, (_, i): AssociationView => ({ collection: collection(`c${i}`, `C ${String(i).padStart(3, '0')}`, 'manage'), viaAssetId: 'logo', direct: true }))
    const { api, dialog } = open({}, many)
    await within(dialog).findByRole('checkbox', { name: /^C 000\b/ })
    for (const box of within(list(dialog)).getAllByRole('checkbox')) fireEvent.click(box)
    expect(within(dialog).getByRole('alert')).toHaveTextContent('101 collections are chosen; an asset can be removed from at most 100 at once.')
    expect(within(dialog).getByRole('button', { name: 'Remove' })).toBeDisabled()
    expect(api.callsTo('collections.removeAssetFromCollections')).toEqual([])
  })

  it('shows main’s refusal', async () => {
    const user = userEvent.setup()
    const { dialog } = open({
      'collections.removeAssetFromCollections': () => {
        throw new AppError('NOT_FOUND', '"logo.png" is not directly in the collection "Launch".')
      },
    })
    await user.click(await within(dialog).findByRole('checkbox', { name: /Launch/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('No longer there. "logo.png" is not directly in the collection "Launch".')
  })

  it('keeps focus inside and closes on Escape', async () => {
    const user = userEvent.setup()
    const { api, dialog } = open()
    const search = await within(dialog).findByRole('searchbox')
    expect(search).toHaveFocus()
    await user.tab({ shift: true })
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.tab()
    expect(search).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.callsTo('collections.removeAssetFromCollections')).toEqual([])
  })
})

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { levelRank, type Level } from '../../../shared/domain.js'
import type { GrantView, GroupView, InheritedGrantView, SharingView } from '../../../shared/views.js'
import { AppError } from '../../../shared/errors.js'
import { DialogHost } from '../../../renderer/components/dialogs/DialogHost.js'
import { resetStore, useTrove } from '../../../renderer/store/index.js'
import { mockApi, type Handlers } from '../support/mockApi.js'
import { ADA, file, folder, user } from '../support/views.js'
import { collection, signedIn } from '../collections/fixtures.js'

const HOME = folder('h', 'Home', null)
const BRAND = folder('b', 'Brand', 'h', { path: '/Brand' })
const LOGOS = folder('l', 'Logos', 'b', { path: '/Brand/Logos' })
const LOGO = file('logo', 'logo.png', 'l', { path: '/Brand/Logos/logo.png' })
const KIT = collection('c-kit', 'Brand assets', 'manage', 2)

const MIRA = user('u-mira', 'Mira', 'restricted', { email: 'mira@example.com' })
const SAM = user('u-sam', 'Sam', 'restricted', { email: 'sam@example.com' })
const FRED = user('u-fred', 'Fred', 'fullAccess')
const MARKETING: GroupView = { id: 'g-mkt', name: 'Marketing', memberIds: ['u-mira'], createdAt: 1 }
const SALES: GroupView = { id: 'g-sales', name: 'Sales', memberIds: ['u-sam', 'u-x'], createdAt: 1 }

const grant = (subjectId: string, subjectName: string, level: Level, subjectType: 'user' | 'group' = 'group'): GrantView => ({
  subjectType, subjectId, subjectName, level, grantedBy: 'u-ada', grantedAt: 1,
})
const inherited = (g: GrantView, sourceId: string | null, sourcePath: string | null): InheritedGrantView => ({ ...g, sourceId, sourcePath })

afterEach(() => {
  cleanup()
  resetStore()
})

/**
 * A tiny sharing engine for one resource: direct grants, grants inherited from above, and
 * main's rule that a grant lower than what the same subject inherits is refused.
 */
function sharingHandlers(resourceId: string, resourceType: 'asset' | 'collection', start: { direct?: GrantView[]; inherited?: InheritedGrantView[] } = {}): Partial<Handlers> {
  let direct = start.direct ?? []
  const above = start.inherited ?? []
  const view = (): SharingView => ({ resourceId, resourceType, ownerId: 'u-ada', direct, inherited: above })
  const names: Record<string, string> = { 'g-mkt': 'Marketing', 'g-sales': 'Sales', 'u-mira': 'Mira', 'u-sam': 'Sam' }
  return {
    'sharing.list': () => view(),
    'users.list': () => [ADA, FRED, MIRA, SAM],
    'groups.list': () => [MARKETING, SALES],
    'sharing.set': ({ subjectId, level }) => {
      const from = above.filter((g) => g.subjectId === subjectId).sort((a, b) => levelRank[b.level] - levelRank[a.level])[0]
      if (from && levelRank[level] < levelRank[from.level]) {
        throw new AppError('CANNOT_LOWER', `${names[subjectId]} already has ${from.level} access here, inherited from ${from.sourcePath}. A grant on a subfolder can raise that level but not lower it.`, {
          inherited: from.level, sourceId: from.sourceId, sourcePath: from.sourcePath, subjectId,
        })
      }
      direct = [...direct.filter((g) => g.subjectId !== subjectId), grant(subjectId, names[subjectId], level, subjectId.startsWith('g-') ? 'group' : 'user')]
      return view()
    },
    'sharing.remove': ({ subjectId }) => {
      direct = direct.filter((g) => g.subjectId !== subjectId)
      return view()
    },
  }
}

function openFor(resourceId: string, resourceType: 'asset' | 'collection', handlers: Partial<Handlers>) {
  const api = mockApi(handlers)
  signedIn(ADA, { assets: [HOME, BRAND, LOGOS, LOGO], collections: [KIT] })
  useTrove.getState().openDialog({ kind: 'share', resourceId, resourceType })
  render(<DialogHost />)
  return { api, dialog: screen.getByRole('dialog') }
}

const options = (select: HTMLElement) => within(select).getAllByRole('option').map((o) => o.textContent)

describe('Share dialog, users and user groups', () => {
  it('shows every grant with its level, and inherited ones read-only with the folder they come from', async () => {
    const { dialog } = openFor(
      'l',
      'asset',
      sharingHandlers('l', 'asset', {
        direct: [grant('g-sales', 'Sales', 'view'), grant('u-mira', 'Mira', 'manage', 'user')],
        inherited: [inherited(grant('g-mkt', 'Marketing', 'contribute'), 'b', '/Brand')],
      }),
    )
    expect(dialog).toHaveAccessibleName('Share “Logos”')
    const who = await within(dialog).findByRole('list', { name: 'Who has access' })
    expect(within(who).getAllByRole('listitem').map((li) => li.querySelector('.grant-name')?.textContent)).toEqual(['Sales', 'Mira'])
    expect(within(who).getByRole('combobox', { name: 'Level for Sales' })).toHaveValue('view')
    expect(within(who).getByRole('combobox', { name: 'Level for Mira' })).toHaveValue('manage')
    const above = within(dialog).getByRole('list', { name: 'Inherited access' })
    expect(within(above).getByRole('listitem')).toHaveTextContent('MarketingGroup · from /BrandCan contribute')
    expect(within(above).queryByRole('combobox')).toBeNull()
    expect(within(above).queryByRole('button')).toBeNull()
  })

  it('picks restricted users and groups by search, and shares them at the chosen level with exact inputs', async () => {
    const u = userEvent.setup()
    const { api, dialog } = openFor('b', 'asset', sharingHandlers('b', 'asset'))
    const search = await within(dialog).findByRole('searchbox', { name: 'Search users and user groups' })
    const pickable = within(dialog).getByRole('list', { name: 'Users and user groups to share with' })
    await within(pickable).findByRole('checkbox', { name: /Sales/ })
    // Only restricted users can be given access (docs/permissions.md, sharing): Ada (admin) and Fred (full access) are not offered.
    expect(within(pickable).getAllByRole('checkbox').map((c) => c.closest('label')?.querySelector('.choose-name')?.textContent)).toEqual(['Marketing', 'Sales', 'Mira', 'Sam'])
    expect(search).toHaveFocus()
    await u.type(search, 'sa')
    expect(within(pickable).getAllByRole('checkbox')).toHaveLength(2)
    await u.click(within(pickable).getByRole('checkbox', { name: /^Sales/ }))
    await u.click(within(pickable).getByRole('checkbox', { name: /^Sam/ }))
    await u.selectOptions(within(dialog).getByRole('combobox', { name: 'Level' }), 'contribute')
    await u.click(within(dialog).getByRole('button', { name: 'Share with 2' }))
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Level for Sam' })).toHaveValue('contribute'))
    expect(api.callsTo('sharing.set')).toEqual([
      { resourceId: 'b', subjectId: 'g-sales', level: 'contribute' },
      { resourceId: 'b', subjectId: 'u-sam', level: 'contribute' },
    ])
    // Granted subjects leave the picker: they are changed in the list now.
    expect(within(pickable).queryByRole('checkbox', { name: /^Sales/ })).toBeNull()
  })

  it('says when a user already has access through a group, here or from a folder above', async () => {
    const { dialog } = openFor('l', 'asset', sharingHandlers('l', 'asset', { inherited: [inherited(grant('g-mkt', 'Marketing', 'contribute'), 'b', '/Brand')] }))
    const pickable = within(dialog).getByRole('list', { name: 'Users and user groups to share with' })
    const mira = await within(pickable).findByRole('checkbox', { name: /^Mira/ })
    expect(mira).toHaveAccessibleName('Mira, mira@example.com, Already can contribute through Marketing')
    expect(mira.closest('label')).toHaveTextContent('Already can contribute through Marketing')
    // Sam is in no group with access: nothing is said.
    expect(within(pickable).getByRole('checkbox', { name: /^Sam/ })).toHaveAccessibleName('Sam, sam@example.com')
  })

  it('Enter in the search field shares what is picked', async () => {
    const u = userEvent.setup()
    const { api, dialog } = openFor('b', 'asset', sharingHandlers('b', 'asset'))
    await u.click(await within(dialog).findByRole('checkbox', { name: /^Marketing/ }))
    await u.click(within(dialog).getByRole('searchbox'))
    await u.keyboard('{Enter}')
    await waitFor(() => expect(api.callsTo('sharing.set')).toEqual([{ resourceId: 'b', subjectId: 'g-mkt', level: 'view' }]))
  })

  it('names a folder the reader cannot see only as "a folder above"', async () => {
    const { dialog } = openFor('l', 'asset', sharingHandlers('l', 'asset', { inherited: [inherited(grant('g-mkt', 'Marketing', 'contribute'), null, null)] }))
    const above = await within(dialog).findByRole('list', { name: 'Inherited access' })
    expect(within(above).getByRole('listitem')).toHaveTextContent('MarketingGroup · from a folder aboveCan contribute')
    await userEvent.setup().click(await within(dialog).findByRole('checkbox', { name: /^Marketing/ }))
    expect(dialog).toHaveTextContent('Marketing inherits “Can contribute” from a folder above.')
  })

  it('does not offer a level below what a picked subject inherits, and says why', async () => {
    const u = userEvent.setup()
    const { dialog } = openFor('l', 'asset', sharingHandlers('l', 'asset', { inherited: [inherited(grant('g-mkt', 'Marketing', 'contribute'), 'b', '/Brand')] }))
    const level = within(dialog).getByRole('combobox', { name: 'Level' })
    expect(options(level)).toEqual(['Can view', 'Can contribute', 'Can manage'])
    await u.click(await within(dialog).findByRole('checkbox', { name: /^Marketing/ }))
    expect(options(level)).toEqual(['Can contribute', 'Can manage'])
    expect(level).toHaveValue('contribute')
    expect(dialog).toHaveTextContent('Marketing inherits “Can contribute” from /Brand. A grant here can raise an inherited level but not lower it, so lower levels are not offered.')
  })

  it('changes and removes an existing grant, never offering less than is inherited', async () => {
    const u = userEvent.setup()
    const { api, dialog } = openFor(
      'l',
      'asset',
      sharingHandlers('l', 'asset', {
        direct: [grant('g-mkt', 'Marketing', 'manage'), grant('g-sales', 'Sales', 'view')],
        inherited: [inherited(grant('g-mkt', 'Marketing', 'contribute'), 'b', '/Brand')],
      }),
    )
    const mkt = await within(dialog).findByRole('combobox', { name: 'Level for Marketing' })
    expect(options(mkt)).toEqual(['Can contribute', 'Can manage'])
    expect(options(within(dialog).getByRole('combobox', { name: 'Level for Sales' }))).toEqual(['Can view', 'Can contribute', 'Can manage'])
    await u.selectOptions(mkt, 'contribute')
    await waitFor(() => expect(api.callsTo('sharing.set')).toEqual([{ resourceId: 'l', subjectId: 'g-mkt', level: 'contribute' }]))
    await u.click(within(dialog).getByRole('button', { name: 'Stop sharing with Sales' }))
    await waitFor(() => expect(within(dialog).queryByRole('combobox', { name: 'Level for Sales' })).toBeNull())
    expect(api.callsTo('sharing.remove')).toEqual([{ resourceId: 'l', subjectId: 'g-sales' }])
    // Sales can be picked again.
    expect(within(dialog).getByRole('checkbox', { name: /^Sales/ })).toBeInTheDocument()
  })

  it('explains main’s CANNOT_LOWER and where to change the level instead', async () => {
    const u = userEvent.setup()
    // The renderer does not know of this inherited grant (it came in after the dialog opened); main does.
    const handlers = sharingHandlers('l', 'asset', { inherited: [inherited(grant('g-sales', 'Sales', 'manage'), 'b', '/Brand')] })
    const list = handlers['sharing.list']!
    handlers['sharing.list'] = (input) => ({ ...(list(input) as SharingView), inherited: [] })
    const { dialog } = openFor('l', 'asset', handlers)
    await u.click(await within(dialog).findByRole('checkbox', { name: /^Sales/ }))
    await u.click(within(dialog).getByRole('button', { name: 'Share' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('That level is lower than an inherited one. Sales already has manage access here, inherited from /Brand.')
    expect(alert).toHaveTextContent('To give less access, lower or remove the grant on /Brand instead.')
  })

  it('shows main’s refusal when the user may not share this at all', async () => {
    const { dialog } = openFor('b', 'asset', {
      ...sharingHandlers('b', 'asset'),
      'sharing.list': () => {
        throw new AppError('FORBIDDEN', 'You cannot share "Brand": that needs manage access and you have contribute.')
      },
    })
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Not allowed. You cannot share "Brand": that needs manage access and you have contribute.')
    expect(within(dialog).queryByText('Loading who has access…')).toBeNull()
  })

  it('does not offer to share Home with restricted users or groups', async () => {
    const { dialog } = openFor('h', 'asset', sharingHandlers('h', 'asset'))
    expect(dialog).toHaveAccessibleName('Share “Home”')
    expect(await within(dialog).findByRole('note')).toHaveTextContent('Home cannot be shared with restricted users or groups')
    expect(within(dialog).queryByRole('searchbox')).toBeNull()
    expect(within(dialog).queryByRole('button', { name: 'Share' })).toBeNull()
  })

  it('shares a collection with a group, without an associations tab', async () => {
    const u = userEvent.setup()
    const { api, dialog } = openFor('c-kit', 'collection', sharingHandlers('c-kit', 'collection'))
    expect(dialog).toHaveAccessibleName('Share “Brand assets”')
    expect(within(dialog).getAllByRole('tab').map((t) => t.textContent)).toEqual(['Users & user groups'])
    await u.click(await within(dialog).findByRole('checkbox', { name: /^Marketing/ }))
    await u.selectOptions(within(dialog).getByRole('combobox', { name: 'Level' }), 'manage')
    await u.click(within(dialog).getByRole('searchbox'))
    await u.keyboard('{Enter}')
    await waitFor(() => expect(api.callsTo('sharing.set')).toEqual([{ resourceId: 'c-kit', subjectId: 'g-mkt', level: 'manage' }]))
  })
})

describe('Share dialog, media collection associations', () => {
  it('lists the collections the asset is in, directly or through a parent folder', async () => {
    const u = userEvent.setup()
    const { api, dialog } = openFor('logo', 'asset', {
      ...sharingHandlers('logo', 'asset'),
      'collections.associations': () => [
        { collection: KIT, viaAssetId: 'logo', direct: true },
        { collection: collection('c-launch', 'Launch', 'view', 5), viaAssetId: 'b', direct: false },
      ],
    })
    const tabs = within(dialog).getAllByRole('tab')
    expect(tabs.map((t) => t.textContent)).toEqual(['Users & user groups', 'Media collection associations'])
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true')
    await u.click(tabs[1])
    const list = await within(dialog).findByRole('list', { name: 'Media collections it is in' })
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Brand assetsAdded directly', 'LaunchThrough the parent folder “Brand”'])
    expect(api.callsTo('collections.associations')).toEqual([{ assetId: 'logo' }])
  })

  it('says so when the asset is in no collection', async () => {
    const u = userEvent.setup()
    const { dialog } = openFor('logo', 'asset', { ...sharingHandlers('logo', 'asset'), 'collections.associations': () => [] })
    await u.click(within(dialog).getByRole('tab', { name: 'Media collection associations' }))
    expect(await within(dialog).findByText('“logo.png” is not in any media collection you can see.')).toBeInTheDocument()
  })
})

describe('Share dialog, keyboard', () => {
  it('moves between tabs with the arrow keys, keeps focus inside, and closes on Escape', async () => {
    const u = userEvent.setup()
    const { dialog } = openFor('logo', 'asset', { ...sharingHandlers('logo', 'asset'), 'collections.associations': () => [] })
    const search = await within(dialog).findByRole('searchbox')
    expect(search).toHaveFocus()
    const [people, collections] = within(dialog).getAllByRole('tab')
    // Back past the tab panel (a tab stop of its own, as the ARIA tabs pattern has it) to the tabs.
    await u.tab({ shift: true })
    expect(within(dialog).getByRole('tabpanel')).toHaveFocus()
    await u.tab({ shift: true })
    expect(people).toHaveFocus()
    await u.keyboard('{ArrowRight}')
    expect(collections).toHaveFocus()
    expect(collections).toHaveAttribute('aria-selected', 'true')
    await within(dialog).findByText('“logo.png” is not in any media collection you can see.')
    // From the first stop backwards lands on the last one, inside the dialog.
    await u.tab({ shift: true })
    expect(within(dialog).getByRole('button', { name: 'Done' })).toHaveFocus()
    await u.tab()
    expect(collections).toHaveFocus()
    await u.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})

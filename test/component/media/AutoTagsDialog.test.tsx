// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors.js'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../../renderer/store/index.js'
import { openDialog, tearDown } from '../jobs/harness.js'
import { file } from '../support/views.js'

afterEach(tearDown)

const PHOTO = file('p1', 'beach.jpg', 'f1', { mime: 'image/jpeg', width: 400, height: 300, level: 'contribute', tags: ['holiday'] })
const SUGGESTED = ['landscape', 'blue', 'canon eos r5', '2024-07']

function openTags(asset: AssetView = PHOTO, handlers: Parameters<typeof openDialog>[1] = {}) {
  const opened = openDialog({ kind: 'autoTags', fileId: asset.id }, {
    'assets.get': () => asset,
    'extensions.autoTags': () => ({ suggestions: SUGGESTED }),
    'tags.add': ({ ids, tags }) => ids.map(() => ({ ...asset, tags: [...(asset.tags ?? []), ...tags] })),
    ...handlers,
  })
  return { ...opened, u: userEvent.setup() }
}

async function chips() {
  await screen.findByRole('checkbox', { name: 'landscape' })
  return screen.getByRole('dialog', { name: 'Add auto tags' })
}

describe('auto tags', () => {
  it('shows the suggestions as chips, none chosen, and adds the chosen ones in the order suggested', async () => {
    const { api, u } = openTags()
    const dialog = await chips()
    expect(api.callsTo('extensions.autoTags')).toEqual([{ fileId: 'p1' }])
    expect(within(dialog).getAllByRole('checkbox').map((c) => c.closest('label')!.textContent)).toEqual(SUGGESTED)
    expect(within(dialog).getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked)).toEqual([])
    expect(within(dialog).getByRole('button', { name: 'Add selected' })).toBeDisabled()

    await u.click(within(dialog).getByRole('checkbox', { name: '2024-07' }))
    await u.click(within(dialog).getByRole('checkbox', { name: 'landscape' }))
    await u.click(within(dialog).getByRole('checkbox', { name: 'blue' }))
    await u.click(within(dialog).getByRole('checkbox', { name: 'blue' }))
    await u.click(within(dialog).getByRole('button', { name: 'Add 2 selected' }))
    expect(api.callsTo('tags.add')).toEqual([{ ids: ['p1'], tags: ['landscape', '2024-07'] }])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(useTrove.getState().byId.p1.tags).toEqual(['holiday', 'landscape', '2024-07'])
  })

  it('adds every suggestion with "Add all"', async () => {
    const { api, u } = openTags()
    const dialog = await chips()
    await u.click(within(dialog).getByRole('button', { name: 'Add all' }))
    expect(api.callsTo('tags.add')).toEqual([{ ids: ['p1'], tags: SUGGESTED }])
  })

  it('shows a refused addition and stays open', async () => {
    const { u } = openTags(PHOTO, {
      'tags.add': () => {
        throw new AppError('LIMIT_EXCEEDED', 'beach.jpg would have more than 500 tags.')
      },
    })
    const dialog = await chips()
    await u.click(within(dialog).getByRole('button', { name: 'Add all' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('more than 500 tags')
    expect(within(dialog).getByRole('checkbox', { name: 'landscape' })).toBeInTheDocument()
  })

  it('shows why the image could not be read, and says when there is nothing new', async () => {
    openTags(PHOTO, {
      'extensions.autoTags': () => {
        throw new AppError('INVALID_INPUT', '"beach.jpg" could not be read as an image: corrupt header.')
      },
    })
    expect(await screen.findByRole('alert')).toHaveTextContent('corrupt header')
    tearDown()
    openTags(PHOTO, { 'extensions.autoTags': () => ({ suggestions: [] }) })
    expect(await screen.findByText(/nothing new to suggest/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Add all' })).toBeNull()
  })

  it('is refused below contribute without asking main for suggestions', async () => {
    const { api } = openTags({ ...PHOTO, level: 'view' })
    expect(await screen.findByText(/You can only view “beach.jpg”/)).toBeInTheDocument()
    expect(api.callsTo('extensions.autoTags')).toEqual([])
  })
})

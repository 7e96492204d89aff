// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import '../support/dom.js'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Level } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { AssetView, FieldView } from '../../../shared/views.js'
import { resetStore } from '../../../renderer/store/index.js'
import type { Handlers } from '../support/mockApi.js'
import { RITA, folder, sessionOf } from '../support/views.js'
import { grid, openWorkspace } from '../support/workspace.js'
import { SHARED, detailHandlers, photo } from './fixtures.js'

afterEach(() => {
  cleanup()
  resetStore()
})

const FIELDS: FieldView[] = [
  { id: 'fText', name: 'Credit', type: 'text', options: [] },
  { id: 'fNum', name: 'Rating', type: 'number', options: [] },
  { id: 'fDate', name: 'Shoot date', type: 'date', options: [] },
  { id: 'fBool', name: 'Approved', type: 'boolean', options: [] },
  { id: 'fOne', name: 'Season', type: 'singleSelect', options: ['Spring', 'Summer'] },
  { id: 'fMany', name: 'Channels', type: 'multiSelect', options: ['Web', 'Print', 'Social'] },
]

async function select(level: Level, asset: AssetView = photo(level), extra: Partial<Handlers> = {}, others: AssetView[] = []) {
  const { handlers, state } = detailHandlers(asset)
  const opened = await openWorkspace(sessionOf(RITA), [SHARED(level), asset, ...others], ['s'], { 'metadata.fields': () => FIELDS, ...handlers, ...extra })
  await opened.user.dblClick(within(grid()).getByRole('option', { name: 'Studio' }))
  await opened.user.click(await within(grid()).findByRole('option', { name: asset.name }))
  const panel = screen.getByRole('complementary', { name: 'Details' })
  await within(panel).findByRole('heading', { name: asset.name })
  return { ...opened, panel, state }
}

const section = (panel: HTMLElement, name: string | RegExp) => within(panel).getByRole('region', { name })

describe('custom metadata', () => {
  it('edits each field by its type and sends typed values', async () => {
    const { panel, user, api } = await select('contribute', undefined, { 'metadata.set': ({ values }) => photo('contribute', { metadata: values as AssetView['metadata'] }) })
    const meta = section(panel, 'Custom metadata')
    await user.type(within(meta).getByLabelText('Credit'), 'Studio North{Enter}')
    await user.type(within(meta).getByLabelText('Rating'), '4{Enter}')
    await user.type(within(meta).getByLabelText('Shoot date'), '2024-05-01')
    await user.click(within(meta).getByLabelText('Approved'))
    await user.selectOptions(within(meta).getByLabelText('Season'), 'Summer')
    await user.click(within(within(meta).getByRole('group', { name: 'Channels' })).getByLabelText('Print'))
    await waitFor(() => expect(api.callsTo('metadata.set')).toHaveLength(6))
    expect(api.callsTo('metadata.set')).toEqual([
      { fileId: 'p', values: { fText: 'Studio North' } },
      { fileId: 'p', values: { fNum: 4 } },
      { fileId: 'p', values: { fDate: '2024-05-01' } },
      { fileId: 'p', values: { fBool: true } },
      { fileId: 'p', values: { fOne: 'Summer' } },
      { fileId: 'p', values: { fMany: ['Print'] } },
    ])
  })

  it('clears a value when emptied, and shows main’s refusal under the field', async () => {
    const asset = photo('contribute', { metadata: { fText: 'Old credit' } })
    const { panel, user, api } = await select('contribute', asset, {
      'metadata.set': ({ values }) => {
        if (values.fNum === 11) throw new AppError('INVALID_INPUT', 'Rating must be a number from 0 to 5.', { field: 'fNum' })
        return asset
      },
    })
    const meta = section(panel, 'Custom metadata')
    await user.clear(within(meta).getByLabelText('Credit'))
    await user.tab()
    await waitFor(() => expect(api.callsTo('metadata.set')).toEqual([{ fileId: 'p', values: { fText: null } }]))
    await user.type(within(meta).getByLabelText('Rating'), '11{Enter}')
    expect(await within(meta).findByRole('alert')).toHaveTextContent('Rating must be a number from 0 to 5.')
    expect(within(meta).getByLabelText('Rating')).toHaveAttribute('aria-invalid', 'true')
  })

  it('shows values read-only at view', async () => {
    const { panel } = await select('view', photo('view', { metadata: { fOne: 'Spring', fBool: false, fMany: ['Web', 'Social'] } }))
    const meta = section(panel, 'Custom metadata')
    expect(within(meta).queryByRole('textbox')).toBeNull()
    expect(within(meta).queryByRole('combobox')).toBeNull()
    expect(within(meta).getByText('Season').nextElementSibling).toHaveTextContent('Spring')
    expect(within(meta).getByText('Approved').nextElementSibling).toHaveTextContent('No')
    expect(within(meta).getByText('Channels').nextElementSibling).toHaveTextContent('Web, Social')
    expect(within(meta).getByText('Credit').nextElementSibling).toHaveTextContent('—')
  })
})

describe('embedded metadata', () => {
  it('shows what the file itself says, read-only', async () => {
    const embedded = {
      camera: 'Fujifilm X-T5', lens: 'XF 23mm F1.4', takenAt: '2024-04-05T19:02:00Z', exposure: '1/250 s at f/2.8, ISO 400',
      gps: { latitude: 59.9139, longitude: -10.7522 }, keywords: ['harbour', 'boats'], title: 'Evening harbour', caption: 'Boats coming in', copyright: '© Bea',
    }
    const { panel } = await select('view', photo('view', { embedded }))
    const box = section(panel, 'Embedded metadata')
    const value = (term: string) => within(box).getByText(term).nextElementSibling?.textContent
    expect(value('Camera')).toBe('Fujifilm X-T5')
    expect(value('Lens')).toBe('XF 23mm F1.4')
    expect(value('Taken')).toMatch(/2024/)
    expect(value('Exposure')).toBe('1/250 s at f/2.8, ISO 400')
    expect(value('Location')).toBe('59.91390° N, 10.75220° W')
    expect(value('Keywords')).toBe('harbour, boats')
    expect(value('Title')).toBe('Evening harbour')
    expect(value('Caption')).toBe('Boats coming in')
    expect(value('Copyright')).toBe('© Bea')
    expect(within(box).queryByRole('textbox')).toBeNull()
  })
})

describe('all metadata', () => {
  it('lists every field read from the file, grouped where it was found, when asked', async () => {
    const fields = [
      { group: 'exif', name: 'Make', value: 'Fujifilm' },
      { group: 'exif', name: 'DateTimeOriginal', value: '2024:04:05 19:02:00' },
      { group: 'iptc', name: 'Keywords', value: 'Zürich; Rio de Janeiro, Brazil' },
      { group: 'xmp', name: 'subject', value: '1984' },
    ]
    const { panel, user, api } = await select('view', photo('view', { embedded: { camera: 'Fujifilm X-T5' } }), { 'files.embeddedFields': () => fields })
    const box = section(panel, 'Embedded metadata')
    // Nothing is read from the file until it is asked for.
    expect(api.callsTo('files.embeddedFields')).toEqual([])
    const toggle = within(box).getByRole('button', { name: 'All metadata' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const exif = await within(box).findByRole('region', { name: 'EXIF fields' })
    const pairs = (region: HTMLElement) => within(region).getAllByRole('term').map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])
    expect(pairs(exif)).toEqual([['Make', 'Fujifilm'], ['DateTimeOriginal', '2024:04:05 19:02:00']])
    expect(pairs(within(box).getByRole('region', { name: 'IPTC fields' }))).toEqual([['Keywords', 'Zürich; Rio de Janeiro, Brazil']])
    expect(pairs(within(box).getByRole('region', { name: 'XMP fields' }))).toEqual([['subject', '1984']])
    expect(api.callsTo('files.embeddedFields')).toEqual([{ fileId: 'p' }])
    await user.click(toggle)
    expect(within(box).queryByRole('region', { name: 'EXIF fields' })).toBeNull()
  })

  it('says why when the file cannot be read', async () => {
    const { panel, user } = await select('view', photo('view'), {
      'files.embeddedFields': () => {
        throw new AppError('NOT_FOUND', 'The file is gone.')
      },
    })
    const box = section(panel, 'Embedded metadata')
    await user.click(within(box).getByRole('button', { name: 'All metadata' }))
    expect(await within(box).findByRole('alert')).toHaveTextContent('The file is gone.')
  })
})

describe('comments', () => {
  it('are listed, added, edited and deleted (with a confirmation) at contribute', async () => {
    const { panel, user, api } = await select('contribute')
    const comments = section(panel, /^Comments/)
    const first = await within(comments).findByRole('listitem', { name: 'Comment by Ada' })
    expect(first).toHaveTextContent('Lovely light.')

    await user.type(within(comments).getByRole('textbox', { name: 'New comment' }), 'Can we crop tighter?')
    await user.click(within(comments).getByRole('button', { name: 'Comment' }))
    expect(await within(comments).findByText('Can we crop tighter?')).toBeInTheDocument()
    expect(api.callsTo('comments.add')).toEqual([{ fileId: 'p', text: 'Can we crop tighter?' }])

    await user.click(within(first).getByRole('button', { name: 'Edit' }))
    const edit = within(first).getByRole('textbox', { name: 'Edit comment' })
    await user.clear(edit)
    await user.type(edit, 'Lovely evening light.')
    await user.click(within(first).getByRole('button', { name: 'Save' }))
    expect(await within(comments).findByText('Lovely evening light.')).toBeInTheDocument()
    expect(api.callsTo('comments.edit')).toEqual([{ commentId: 'c1', text: 'Lovely evening light.' }])

    const edited = within(comments).getByRole('listitem', { name: 'Comment by Ada' })
    await user.click(within(edited).getByRole('button', { name: 'Delete' }))
    expect(api.callsTo('comments.delete')).toEqual([])
    await user.click(within(edited).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(within(comments).queryByText('Lovely evening light.')).toBeNull())
    expect(api.callsTo('comments.delete')).toEqual([{ commentId: 'c1' }])
  })

  it('are read-only at view', async () => {
    const { panel } = await select('view')
    const comments = section(panel, /^Comments/)
    await within(comments).findByText('Lovely light.')
    expect(within(comments).queryByRole('textbox')).toBeNull()
    expect(within(comments).queryByRole('button')).toBeNull()
  })
})

describe('collections', () => {
  it('lists the collections the asset is in, saying which come through a folder above it', async () => {
    const studio = SHARED('view')
    const col = (id: string, name: string) => ({ id, name, createdBy: 'u-ada', createdAt: 1, updatedAt: 1, level: 'view' as const, assetCount: 3 })
    const { panel } = await select('view', undefined, {
      'collections.associations': () => [
        { collection: col('c1', 'Brand kit'), viaAssetId: 'p', direct: true },
        { collection: col('c2', 'Press'), viaAssetId: studio.id, direct: false },
      ],
    })
    const list = within(section(panel, 'Collections')).getByRole('list', { name: 'Media collections' })
    const items = await within(list).findAllByRole('listitem')
    expect(items.map((i) => i.textContent)).toEqual(['Brand kit', 'Pressthrough Studio'])
    expect(within(section(panel, 'Collections')).queryByRole('button', { name: 'Add to…' })).toBeNull()
  })
})

describe('several selected', () => {
  it('shows how many, and edits the tags they share', async () => {
    const second = photo('contribute', { id: 'q', name: 'pier.jpg', tags: ['boats', 'pier'] })
    const { user, api, panel } = await select('contribute', undefined, { 'tags.add': ({ tags }) => [photo('contribute', { tags: ['boats', 'evening', ...tags] }), { ...second, tags: ['boats', 'pier', ...tags] }] }, [second])
    await user.keyboard('{Control>}')
    await user.click(within(grid()).getByRole('option', { name: 'pier.jpg' }))
    await user.keyboard('{/Control}')
    expect(within(panel).getByRole('heading', { name: '2 items selected' })).toBeInTheDocument()
    const common = section(panel, 'Tags in common')
    expect(within(common).getAllByRole('listitem').map((t) => t.textContent)).toEqual(['boats'])
    await user.type(within(common).getByRole('textbox', { name: 'New tag' }), 'sea{Enter}')
    await waitFor(() => expect(api.callsTo('tags.add')).toEqual([{ ids: ['p', 'q'], tags: ['sea'] }]))
  })

  it('shows a folder’s item count and its collections, without file sections', async () => {
    const sub = folder('sub', 'Sketches', 's', { level: 'view', access: 'grant', childCount: 12 })
    const { panel } = await select('view', sub)
    expect(within(section(panel, 'Properties')).getByText('Contains').nextElementSibling).toHaveTextContent('12 items')
    expect(within(panel).queryByRole('region', { name: 'Versions' })).toBeNull()
    expect(within(panel).getByRole('region', { name: 'Collections' })).toBeInTheDocument()
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FileRecord, FolderRecord, Id } from '../../../shared/domain.js'
import type { Caller } from '../../../main/core/index.js'
import type { InputOf } from '../../../shared/contract/index.js'
import { expectRefused, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

/**
 * Each search filter against the search channel, on a library where Rita (restricted) can
 * view one folder: hits, counts and the camera list never reach past what she can view.
 */

let t: TempLibrary
let rita: Caller
let fieldId: Id
const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`)

function folder(id: Id, name: string, parentId: Id): FolderRecord {
  return { id, kind: 'folder', name, parentId, createdBy: 'x', createdAt: 1, updatedAt: day('2024-01-01') }
}

function file(id: Id, name: string, parentId: Id, extra: { mime?: string; camera?: string; takenAt?: string; tags?: string[]; updated?: string; metadata?: FileRecord['metadata']; lens?: string } = {}): FileRecord {
  const embedded = { ...(extra.camera ? { camera: extra.camera } : {}), ...(extra.takenAt ? { takenAt: extra.takenAt } : {}), ...(extra.lens ? { lens: extra.lens } : {}) }
  return {
    id, kind: 'file', name, parentId, createdBy: 'x', createdAt: 1, updatedAt: day(extra.updated ?? '2024-01-01'),
    versions: [{ number: 1, hash: id.padEnd(64, '0'), size: 1, mime: extra.mime ?? 'image/jpeg', createdBy: 'x', createdAt: 1, ...(Object.keys(embedded).length ? { embedded } : {}) }],
    currentVersion: 1, tags: extra.tags ?? [], metadata: extra.metadata ?? {}, focus: null,
  }
}

beforeEach(async () => {
  t = await tempLibrary()
  const field = await t.admin.call('metadata.defineField', { name: 'Client', type: 'text' })
  fieldId = field.id
  const h = t.homeId
  await t.library.core.store.commit({
    actor: null,
    op: 'test',
    put: {
      assets: [
        folder('shared', 'Shared', h),
        folder('sub', 'Sub', 'shared'),
        folder('secret', 'Secret', h),
        file('s1', 'beach.jpg', 'shared', { camera: 'Canon EOS R5', takenAt: '2024-07-14T23:30:00', tags: ['Summer', 'sea'], metadata: { [fieldId]: 'Acme Corp' } }),
        file('s2', 'notes.pdf', 'sub', { mime: 'application/pdf', updated: '2024-03-10' }),
        file('s3', 'clip.mp4', 'sub', { mime: 'video/mp4', camera: 'Sony A7', takenAt: '2023-12-31T10:00:00+01:00', lens: 'FE 24-70' }),
        file('x1', 'beach-secret.jpg', 'secret', { camera: 'Leica Q3', takenAt: '2024-07-14T10:00:00', tags: ['Summer'], metadata: { [fieldId]: 'Acme Corp' } }),
      ],
    },
    del: [],
  })
  const user = await t.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
  await t.admin.call('sharing.set', { resourceId: 'shared', subjectId: user.id, level: 'view' })
  rita = t.library.as('rita@example.com')
})
afterEach(async () => t.close())

const ids = async (caller: Caller, input: InputOf<'search.assets'>) => {
  const r = await caller.call('search.assets', input)
  return { ids: r.items.map((i) => i.id).sort(), total: r.total }
}

describe('search filters', () => {
  it('type: images, videos, documents, folders', async () => {
    expect(await ids(t.admin, { query: '', type: 'image' })).toEqual({ ids: ['s1', 'x1'], total: 2 })
    expect(await ids(t.admin, { query: '', type: 'video' })).toEqual({ ids: ['s3'], total: 1 })
    expect(await ids(t.admin, { query: '', type: 'document' })).toEqual({ ids: ['s2'], total: 1 })
    expect(await ids(rita, { query: '', type: 'folder' })).toEqual({ ids: ['shared', 'sub'], total: 2 })
  })

  it('tags, every one of them', async () => {
    expect(await ids(t.admin, { query: '', tags: ['summer'] })).toEqual({ ids: ['s1', 'x1'], total: 2 })
    expect(await ids(t.admin, { query: '', tags: ['summer', 'SEA'] })).toEqual({ ids: ['s1'], total: 1 })
    expect(await ids(rita, { query: '', tags: ['summer'] })).toEqual({ ids: ['s1'], total: 1 })
  })

  it('date taken, by the day where it was taken', async () => {
    expect(await ids(t.admin, { query: '', takenFrom: '2024-07-14', takenTo: '2024-07-14' })).toEqual({ ids: ['s1', 'x1'], total: 2 })
    expect(await ids(t.admin, { query: '', takenTo: '2023-12-31' })).toEqual({ ids: ['s3'], total: 1 })
  })

  it("date modified, by the searcher's days", async () => {
    expect(await ids(t.admin, { query: '', modifiedFrom: '2024-03-10', modifiedTo: '2024-03-10', timeZoneOffset: 0 })).toEqual({ ids: ['s2'], total: 1 })
    // Eleven hours west, noon UTC on the 10th is 01:00 on the 10th.
    expect(await ids(t.admin, { query: '', modifiedFrom: '2024-03-10', modifiedTo: '2024-03-10', timeZoneOffset: 660 })).toEqual({ ids: ['s2'], total: 1 })
    // Fourteen hours east, noon UTC on the 10th is 02:00 on the 11th.
    expect(await ids(t.admin, { query: '', modifiedFrom: '2024-03-10', modifiedTo: '2024-03-10', timeZoneOffset: -840 })).toEqual({ ids: [], total: 0 })
    expect(await ids(t.admin, { query: '', modifiedFrom: '2024-03-11', modifiedTo: '2024-03-11', timeZoneOffset: -840 })).toEqual({ ids: ['s2'], total: 1 })
  })

  it('camera, and a camera list naming only cameras of files the caller can view', async () => {
    expect(await ids(t.admin, { query: '', camera: 'canon' })).toEqual({ ids: ['s1'], total: 1 })
    expect(await t.admin.call('search.cameras', {})).toEqual(['Canon EOS R5', 'Leica Q3', 'Sony A7'])
    expect(await rita.call('search.cameras', {})).toEqual(['Canon EOS R5', 'Sony A7'])
    expect(await rita.call('search.cameras', { folderId: 'sub' })).toEqual(['Sony A7'])
    expect(await ids(rita, { query: '', camera: 'Leica' })).toEqual({ ids: [], total: 0 })
  })

  it('custom metadata, as a filter and as text', async () => {
    expect(await ids(t.admin, { query: '', metadata: [{ fieldId, value: 'acme' }] })).toEqual({ ids: ['s1', 'x1'], total: 2 })
    expect(await ids(t.admin, { query: 'acme corp' })).toEqual({ ids: ['s1', 'x1'], total: 2 })
    expect(await ids(rita, { query: 'acme' })).toEqual({ ids: ['s1'], total: 1 })
  })

  it('embedded camera and lens as text', async () => {
    expect(await ids(t.admin, { query: 'fe 24-70' })).toEqual({ ids: ['s3'], total: 1 })
    expect(await ids(t.admin, { query: 'leica' })).toEqual({ ids: ['x1'], total: 1 })
    expect(await ids(rita, { query: 'leica' })).toEqual({ ids: [], total: 0 })
  })

  it('in this folder, and a hidden folder answered as a missing one', async () => {
    expect(await ids(rita, { query: '', folderId: 'sub' })).toEqual({ ids: ['s2', 's3'], total: 2 })
    expect(await ids(t.admin, { query: 'beach', folderId: 'shared' })).toEqual({ ids: ['s1'], total: 1 })
    const hidden = await expectRefused(rita.call('search.assets', { query: '', folderId: 'secret' }), 'NOT_FOUND')
    const missing = await expectRefused(rita.call('search.assets', { query: '', folderId: 'nothere' }), 'NOT_FOUND')
    expect(hidden.message.replace('secret', 'ID')).toBe(missing.message.replace('nothere', 'ID'))
  })

  it('pages with no cap, each page continuing the last, with a count of every viewable hit', async () => {
    const all = await t.admin.call('search.assets', { query: '' })
    expect(all.total).toBe(7)
    const seen: Id[] = []
    for (let offset = 0; offset < all.total; offset += 3) {
      const page = await t.admin.call('search.assets', { query: '', limit: 3, offset })
      expect(page.total).toBe(7)
      expect(page.hasMore).toBe(offset + 3 < 7)
      seen.push(...page.items.map((i) => i.id))
    }
    expect(seen).toEqual(all.items.map((i) => i.id))
    const ritas = await rita.call('search.assets', { query: '', limit: 1 })
    expect(ritas.total).toBe(5)
  })
})

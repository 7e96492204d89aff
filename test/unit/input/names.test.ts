import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused, pngBase64, tempLibrary } from '../../support/tempLibrary.js'
import { makeWorld, refusedUnchanged, type World } from './world.js'

/** docs/names.md: names are unique in their folder, compared case-insensitively; Home is fixed. */
let w: World
beforeEach(async () => {
  w = await makeWorld()
})
afterEach(async () => w.close())

const childNames = async (folderId: string) => (await w.admin.call('assets.list', { folderId })).map((a) => a.name)

describe('names are unique in their folder, whatever the case', () => {
  it('folders.create refuses a name taken in another case', async () => {
    const error = await refusedUnchanged(w.library, w.admin, 'folders.create', { parentId: w.homeId, name: 'MARKETING' }, 'CONFLICT')
    expect(error.message).toContain('MARKETING')
    await refusedUnchanged(w.library, w.admin, 'folders.create', { parentId: w.marketingId, name: 'Logo.PNG' }, 'CONFLICT')
  })

  it('compares letters beyond ASCII case-insensitively too', async () => {
    await w.admin.call('folders.create', { parentId: w.homeId, name: 'Ärger' })
    await refusedUnchanged(w.library, w.admin, 'folders.create', { parentId: w.homeId, name: 'äRGER' }, 'CONFLICT')
  })

  it('files.upload refuses a name taken in another case', async () => {
    await refusedUnchanged(w.library, w.admin, 'files.upload', { folderId: w.marketingId, name: 'LOGO.png', base64: pngBase64() }, 'CONFLICT')
    await refusedUnchanged(w.library, w.admin, 'files.upload', { folderId: w.marketingId, name: 'brand', base64: pngBase64() }, 'CONFLICT')
  })

  it('assets.rename refuses a sibling\'s name in another case', async () => {
    await refusedUnchanged(w.library, w.admin, 'assets.rename', { id: w.notesId, name: 'LOGO.PNG' }, 'CONFLICT')
  })

  it('assets.move refuses a name taken in the target, and two moved items of one name', async () => {
    const elsewhere = await w.admin.call('folders.create', { parentId: w.homeId, name: 'Elsewhere' })
    const twin = await w.admin.call('files.upload', { folderId: elsewhere.id, name: 'Logo.png', base64: pngBase64() })
    await refusedUnchanged(w.library, w.admin, 'assets.move', { ids: [twin.id], targetFolderId: w.marketingId }, 'CONFLICT')
    await refusedUnchanged(w.library, w.admin, 'assets.move', { ids: [twin.id, w.logoId], targetFolderId: w.brandId }, 'CONFLICT')
  })

  it('allows the same name in different folders', async () => {
    const file = await w.admin.call('files.upload', { folderId: w.brandId, name: 'logo.png', base64: pngBase64() })
    expect(file.path).toBe('/Marketing/Brand/logo.png')
  })

  it('accepts names at the edges of the rules', async () => {
    for (const name of ['n'.repeat(255), 'Café ☕ 日本.png', '.hidden', 'a..b', '...', 'x.', "it's (1) [a] {b} #2 & co"]) {
      const folder = await w.admin.call('folders.create', { parentId: w.brandId, name })
      expect(folder.name).toBe(name)
    }
  })
})

describe('renaming', () => {
  it('allows a change of case only, which keeps the asset and its links', async () => {
    const renamed = await w.admin.call('assets.rename', { id: w.logoId, name: 'LOGO.png' })
    expect(renamed).toMatchObject({ id: w.logoId, name: 'LOGO.png', path: '/Marketing/LOGO.png' })
    expect(await childNames(w.marketingId)).toContain('LOGO.png')
    expect((await w.admin.call('collections.assets', { collectionId: w.collectionId })).map((a) => a.id)).toEqual([w.logoId])
    // The old lower-cased name still belongs to it: nothing else may take it.
    await refusedUnchanged(w.library, w.admin, 'folders.create', { parentId: w.marketingId, name: 'logo.png' }, 'CONFLICT')
  })

  it('allows a collection and a group to change case only', async () => {
    expect((await w.admin.call('collections.rename', { collectionId: w.collectionId, name: 'LAUNCH' })).name).toBe('LAUNCH')
    expect((await w.admin.call('groups.rename', { groupId: w.groupId, name: 'EDITORS' })).name).toBe('EDITORS')
  })

  it('refuses a collection or group name taken in another case', async () => {
    await w.admin.call('collections.create', { name: 'Summer' })
    await refusedUnchanged(w.library, w.admin, 'collections.rename', { collectionId: w.collectionId, name: 'summer' }, 'CONFLICT')
    await refusedUnchanged(w.library, w.admin, 'groups.create', { name: 'editors' }, 'CONFLICT')
  })
})

describe('copying', () => {
  it('gives a copy in the same folder a "(copy)" name, then "(copy 2)"', async () => {
    const [first] = await w.admin.call('assets.copy', { ids: [w.logoId], targetFolderId: w.marketingId })
    const [second] = await w.admin.call('assets.copy', { ids: [w.logoId], targetFolderId: w.marketingId })
    expect([first.name, second.name]).toEqual(['logo (copy).png', 'logo (copy 2).png'])
    expect(first.id).not.toBe(w.logoId)
    const [folder] = await w.admin.call('assets.copy', { ids: [w.brandId], targetFolderId: w.marketingId })
    expect(folder.name).toBe('Brand (copy)')
  })

  it('keeps the name when the target folder has no such name', async () => {
    const [copy] = await w.admin.call('assets.copy', { ids: [w.logoId], targetFolderId: w.brandId })
    expect(copy.path).toBe('/Marketing/Brand/logo.png')
  })

  it('gives two copied items of one name different names', async () => {
    const twin = await w.admin.call('files.upload', { folderId: w.brandId, name: 'LOGO.png', base64: pngBase64() })
    const copies = await w.admin.call('assets.copy', { ids: [w.logoId, twin.id], targetFolderId: w.homeId })
    const lower = copies.map((c) => c.name.toLowerCase())
    expect(new Set(lower).size).toBe(2)
  })
})

describe('copies of names at the length limit', () => {
  const longExt = `.${'e'.repeat(253)}`
  const isWellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)

  it('keeps " (copy N)" whole when the extension alone is 254 characters, so copying twice ends', async () => {
    const file = await w.admin.call('files.upload', { folderId: w.brandId, name: `a${longExt}`, base64: pngBase64() })
    const [first] = await w.admin.call('assets.copy', { ids: [file.id], targetFolderId: w.brandId })
    expect(first.name).toMatch(/^a \(copy\)\.e+$/)
    const [second] = await w.admin.call('assets.copy', { ids: [file.id], targetFolderId: w.brandId })
    expect(second.name).toMatch(/^a \(copy 2\)\.e+$/)
    for (const name of [first.name, second.name]) expect(name.length).toBeLessThanOrEqual(255)
    // As much of the extension as fits is kept.
    expect(second.name.length).toBe(255)
  })

  it('cuts a long name between characters, never inside an emoji', async () => {
    const name = `${'\u{1F600}'.repeat(125)}x.png`
    expect(name.length).toBe(255)
    const file = await w.admin.call('files.upload', { folderId: w.brandId, name, base64: pngBase64() })
    const [copy] = await w.admin.call('assets.copy', { ids: [file.id], targetFolderId: w.brandId })
    expect(isWellFormed(copy.name)).toBe(true)
    expect(copy.name).toMatch(/^(\u{1F600})+ \(copy\)\.png$/u)
    expect(copy.name.length).toBeLessThanOrEqual(255)
    // The copy's name is one the contract takes back (it can be renamed to itself).
    expect((await w.admin.call('assets.rename', { id: copy.id, name: copy.name })).name).toBe(copy.name)
  })

  it('gives up with a clear error, changing nothing, when every numbered copy name is taken', async () => {
    const store = w.library.core.store
    const now = Date.now()
    const holder = await w.admin.call('folders.create', { parentId: w.homeId, name: 'Crowded' })
    const original = await w.admin.call('folders.create', { parentId: holder.id, name: 'Draft' })
    const copies = Array.from({ length: 10_000 }, (_, i) => ({
      id: `crowd-${i}`, kind: 'folder' as const, name: `Draft (copy${i === 0 ? '' : ` ${i + 1}`})`, parentId: holder.id, createdBy: w.admin.session.userId!, createdAt: now, updatedAt: now,
    }))
    // Straight into the store: ten thousand copies made one by one would take the test minutes.
    await store.commit({ actor: w.admin.session.userId!, op: 'test.crowd', put: { assets: copies } })
    const error = await refusedUnchanged(w.library, w.admin, 'assets.copy', { ids: [original.id], targetFolderId: holder.id }, 'LIMIT_EXCEEDED')
    expect(error.message).toMatch(/10,000 copies of "Draft"/)
  })
})

describe('folders cannot go inside themselves', () => {
  it('refuses moving a folder into itself or a descendant', async () => {
    const deep = await w.admin.call('folders.create', { parentId: w.brandId, name: 'Deep' })
    for (const target of [w.marketingId, w.brandId, deep.id]) {
      await refusedUnchanged(w.library, w.admin, 'assets.move', { ids: [w.marketingId], targetFolderId: target }, 'INVALID_INPUT')
    }
  })

  it('refuses copying a folder into itself or a descendant', async () => {
    for (const target of [w.marketingId, w.brandId]) {
      await refusedUnchanged(w.library, w.admin, 'assets.copy', { ids: [w.marketingId], targetFolderId: target }, 'INVALID_INPUT')
    }
  })
})

describe('Home', () => {
  it('cannot be renamed, moved, copied, deleted or shared with a restricted user', async () => {
    await refusedUnchanged(w.library, w.admin, 'assets.rename', { id: w.homeId, name: 'Start' }, 'FORBIDDEN')
    await refusedUnchanged(w.library, w.admin, 'assets.move', { ids: [w.homeId], targetFolderId: w.brandId }, 'FORBIDDEN')
    await refusedUnchanged(w.library, w.admin, 'assets.copy', { ids: [w.homeId], targetFolderId: w.brandId }, 'FORBIDDEN')
    await refusedUnchanged(w.library, w.admin, 'assets.delete', { ids: [w.homeId] }, 'FORBIDDEN')
    await refusedUnchanged(w.library, w.admin, 'assets.delete', { ids: [w.notesId, w.homeId] }, 'FORBIDDEN')
    await refusedUnchanged(w.library, w.admin, 'sharing.set', { resourceId: w.homeId, subjectId: w.rita.id, level: 'view' }, 'FORBIDDEN')
    await refusedUnchanged(w.library, w.admin, 'sharing.set', { resourceId: w.homeId, subjectId: w.groupId, level: 'view' }, 'FORBIDDEN')
  })

  it('is not visible to a restricted user, who cannot act on it either', async () => {
    const rita = w.as('rita')
    expect((await rita.call('assets.roots')).map((r) => r.id)).not.toContain(w.homeId)
    await refusedUnchanged(w.library, rita, 'assets.rename', { id: w.homeId, name: 'Start' }, 'NOT_FOUND')
    await refusedUnchanged(w.library, rita, 'folders.create', { parentId: w.homeId, name: 'Mine' }, 'NOT_FOUND')
  })
})

describe('names that look the same', () => {
  it('are the same name: Unicode forms and full case folding count as equal', async () => {
    const t = await tempLibrary()
    try {
      const composed = 'Caf\u00e9'
      const decomposed = 'Cafe\u0301'
      const folder = await t.admin.call('folders.create', { parentId: t.homeId, name: decomposed })
      expect(folder.name).toBe(composed)
      await expectRefused(t.admin.call('folders.create', { parentId: t.homeId, name: composed }), 'CONFLICT')
      await t.admin.call('folders.create', { parentId: t.homeId, name: 'stra\u00dfe' })
      await expectRefused(t.admin.call('folders.create', { parentId: t.homeId, name: 'STRASSE' }), 'CONFLICT')
      await t.admin.call('collections.create', { name: 'Stra\u00dfe' })
      await expectRefused(t.admin.call('collections.create', { name: 'strasse' }), 'CONFLICT')
    } finally {
      await t.close()
    }
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { refusedUnchanged } from './world.js'

/**
 * docs/permissions.md (adding and removing assets): at most 100 assets to at most 100
 * collections in one request; at most 100 assets from one collection, or one asset from at
 * most 100 collections. Over a limit, the request is refused whole and says what the limit is.
 */
let t: TempLibrary
let assets: string[]
let collections: string[]

beforeAll(async () => {
  t = await tempLibrary()
  assets = []
  collections = []
  for (let i = 0; i <= 100; i++) assets.push((await t.admin.call('folders.create', { parentId: t.homeId, name: `folder ${i}` })).id)
  for (let i = 0; i <= 100; i++) collections.push((await t.admin.call('collections.create', { name: `collection ${i}` })).id)
}, 120_000)
afterAll(async () => t.close())

const first = (ids: string[], n: number) => ids.slice(0, n)

function associated(assetId: string, collectionId: string): boolean {
  return t.library.core.store.tables.associations.has(`${collectionId}:${assetId}`)
}

async function expectOverLimit(channel: string, input: unknown): Promise<void> {
  const error = await refusedUnchanged(t.library, t.admin, channel, input, 'LIMIT_EXCEEDED')
  expect(error.message).toMatch(/\b100\b/)
  expect(error.details).toMatchObject({ limit: 100, count: 101 })
}

describe('collections.addAssets limits', () => {
  it('refuses 101 assets whole', async () => {
    await expectOverLimit('collections.addAssets', { collectionIds: [collections[0]], assetIds: assets })
  })

  it('refuses 101 collections whole', async () => {
    await expectOverLimit('collections.addAssets', { collectionIds: collections, assetIds: [assets[0]] })
  })

  it('accepts exactly 100 assets to one collection', async () => {
    const target = collections[0]
    const result = await t.admin.call('collections.addAssets', { collectionIds: [target], assetIds: first(assets, 100) })
    expect(result.added + result.alreadyThere).toBe(100)
    expect(first(assets, 100).every((a) => associated(a, target))).toBe(true)
    expect(associated(assets[100], target)).toBe(false)
  })

  it('accepts one asset to exactly 100 collections', async () => {
    const asset = assets[100]
    const result = await t.admin.call('collections.addAssets', { collectionIds: collections.slice(1), assetIds: [asset] })
    expect(result.added + result.alreadyThere).toBe(100)
    expect(collections.slice(1).every((c) => associated(asset, c))).toBe(true)
  })

  it('accepts 100 assets to 100 collections in one request', async () => {
    const result = await t.admin.call('collections.addAssets', { collectionIds: collections.slice(1), assetIds: first(assets, 100) })
    expect(result.added + result.alreadyThere).toBe(10_000)
    expect(collections.slice(1).every((c) => first(assets, 100).every((a) => associated(a, c)))).toBe(true)
  }, 60_000)
})

describe('collections.removeAssets and removeAssetFromCollections limits', () => {
  it('refuses removing 101 assets from one collection whole, and accepts 100', async () => {
    const { id } = await t.admin.call('collections.create', { name: 'removal' })
    await t.admin.call('collections.addAssets', { collectionIds: [id], assetIds: first(assets, 100) })
    await t.admin.call('collections.addAssets', { collectionIds: [id], assetIds: [assets[100]] })
    await expectOverLimit('collections.removeAssets', { collectionId: id, assetIds: assets })
    expect(assets.every((a) => associated(a, id))).toBe(true)
    const result = await t.admin.call('collections.removeAssets', { collectionId: id, assetIds: first(assets, 100) })
    expect(result.removed).toBe(100)
    expect(assets.filter((a) => associated(a, id))).toEqual([assets[100]])
  })

  it('refuses removing one asset from 101 collections whole, and accepts 100', async () => {
    const asset = (await t.admin.call('folders.create', { parentId: t.homeId, name: 'in every collection' })).id
    await t.admin.call('collections.addAssets', { collectionIds: first(collections, 100), assetIds: [asset] })
    await t.admin.call('collections.addAssets', { collectionIds: [collections[100]], assetIds: [asset] })
    await expectOverLimit('collections.removeAssetFromCollections', { assetId: asset, collectionIds: collections })
    expect(collections.every((c) => associated(asset, c))).toBe(true)
    const result = await t.admin.call('collections.removeAssetFromCollections', { assetId: asset, collectionIds: first(collections, 100) })
    expect(result.removed).toBe(100)
    expect(collections.filter((c) => associated(asset, c))).toEqual([collections[100]])
  })

  it('refuses an over-limit request before looking at what it names', async () => {
    // Even when some ids are unknown, the answer is the limit: the request is refused as a whole.
    await expectOverLimit('collections.addAssets', { collectionIds: [collections[0]], assetIds: [...first(assets, 100), 'no-such-asset'] })
  })
})

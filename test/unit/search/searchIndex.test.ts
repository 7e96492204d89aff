import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AssetRecord, FileRecord, FolderRecord, Id } from '../../../shared/domain.js'
import type { Dels, Puts } from '../../../main/core/store/change.js'
import type { Store } from '../../../main/core/store/store.js'
import { Prng } from '../../bench/prng.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

/**
 * search.assets over the whole library answers from the text index; here it is held to a
 * plain scan of every record, in the order search has always answered in (the order records
 * were last put), over random names with Unicode, tags, embedded texts, and the changes
 * that move them: renames, tag edits, moves and deletions.
 */

let t: TempLibrary
let store: Store
let prng: Prng
let clock = 0
/** Asset id -> lower-cased name, in the order the records were last put: the plain scan's order. */
let scanOrder: Map<Id, string>

beforeEach(async () => {
  t = await tempLibrary()
  store = t.library.core.store
  scanOrder = new Map()
  for (const asset of store.tables.assets.values()) scanOrder.set(asset.id, asset.name.toLowerCase())
})
afterEach(async () => t.close())

async function commit(put: Puts, del: Dels = []): Promise<void> {
  for (const asset of put.assets ?? []) {
    scanOrder.delete(asset.id)
    scanOrder.set(asset.id, asset.name.toLowerCase())
  }
  for (const [table, id] of del) if (table === 'assets') scanOrder.delete(id)
  await store.commit({ actor: null, op: 'test', put, del })
}

/** Pieces names are made of: ASCII, letters whose case folds unevenly, combining marks, CJK, emoji (surrogate pairs). */
const PIECES = ['beach', 'Beach', 'BEACH', 'a', 'ab', 'İstanbul', 'ΟΔΟΣ', 'straße', 'STRASSE', 'Café', 'Cafe\u0301', '東京', '写真', '😀', '👍🏽', 'ǅ', 'x', '-', ' ', '.jpg', '2024', 'Ä', 'ﬁ']
const TAGS = ['Sunset', 'sun', 'ÉTÉ', 'été', 'hero', '海', 'q1']

const word = () => Array.from({ length: prng.between(1, 4) }, () => prng.pick(PIECES)).join(prng.pick(['', ' ', '_']))
const adminId = () => store.indexes.userByEmail.get('ada@example.com')!

function folder(parentId: Id): FolderRecord {
  return { id: prng.uuid(), kind: 'folder', name: `${word()} ${prng.hex(3)}`, parentId, createdBy: adminId(), createdAt: ++clock, updatedAt: clock }
}

function file(parentId: Id): FileRecord {
  const embedded = prng.chance(0.3) ? { keywords: prng.sample(PIECES, 2), title: prng.chance(0.5) ? word() : undefined, caption: prng.chance(0.3) ? word() : undefined } : undefined
  const version = { number: 1, hash: prng.hex(64), size: 1, mime: prng.chance(0.5) ? 'image/jpeg' : 'text/plain', createdBy: adminId(), createdAt: ++clock, ...(embedded ? { embedded } : {}) }
  return {
    id: prng.uuid(), kind: 'file', name: `${word()}-${prng.hex(3)}`, parentId, createdBy: adminId(), createdAt: clock, updatedAt: clock,
    versions: [version], currentVersion: 1, tags: prng.sample(TAGS, prng.between(0, 3)), metadata: {}, focus: null,
  }
}

/** The plain scan: every record in scan order, matched as search has always matched. */
function scan(query: string, limit: number, type?: 'file' | 'folder' | 'image'): { ids: Id[]; hasMore: boolean } {
  const needle = query.trim().toLowerCase()
  const ids: Id[] = []
  for (const [id, lowerName] of scanOrder) {
    const asset = store.tables.assets.get(id)!
    if (asset.parentId === null) continue
    const current = asset.kind === 'file' ? asset.versions.find((v) => v.number === asset.currentVersion) : undefined
    if (type === 'folder' && asset.kind !== 'folder') continue
    if (type === 'file' && asset.kind !== 'file') continue
    if (type === 'image' && !current?.mime.startsWith('image/')) continue
    const texts = asset.kind === 'file'
      ? [lowerName, ...asset.tags, ...(current?.embedded?.keywords ?? []), current?.embedded?.title ?? '', current?.embedded?.caption ?? ''].map((s) => s.toLowerCase())
      : [lowerName]
    if (needle !== '' && !texts.some((s) => s.includes(needle))) continue
    if (ids.length === limit) return { ids, hasMore: true }
    ids.push(id)
  }
  return { ids, hasMore: false }
}

/** Half of a surrogate pair: channels refuse it, so no query holds one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Queries that hit, that nearly hit and that cannot: pieces of names and tags, 1 to 6 code units long. */
function queries(): string[] {
  const names = [...store.tables.assets.values()].map((a) => a.name)
  const out = ['', 'zqxj', ' beach ', 'BEACH', 'ss', 'ß', '\u0301', 'é', 'sun', 'SUNSET', '海', '😀', '👍🏽']
  for (let i = 0; i < 40; i++) {
    const source = prng.chance(0.8) ? prng.pick(names) : prng.pick(TAGS)
    const length = prng.between(1, 6)
    const start = prng.int(Math.max(1, source.length - length + 1))
    out.push(prng.chance(0.5) ? source.slice(start, start + length) : source.slice(start, start + length).toUpperCase())
  }
  return out.filter((q) => !LONE_SURROGATE.test(q))
}

async function expectSameAsScan(where: string): Promise<void> {
  for (const query of queries()) {
    for (const limit of [1000, 3]) {
      const type = prng.pick([undefined, undefined, 'file', 'folder', 'image'] as const)
      const got = await t.admin.call('search.assets', { query, limit, ...(type ? { type } : {}) })
      const want = scan(query, limit, type)
      expect({ ids: got.items.map((i) => i.id), hasMore: got.hasMore }, `${where}: "${query}" limit ${limit} type ${type}`).toEqual(want)
    }
  }
}

describe('search.assets over the text index', () => {
  it('answers exactly as a plain scan of every record, through renames, tag edits, moves and deletions', async () => {
    for (const seed of [11, 12, 13]) {
      prng = new Prng(seed)
      const tree: AssetRecord[] = [folder(t.homeId)]
      for (let i = 0; i < 150; i++) {
        const parent = prng.pick(tree.filter((a) => a.kind === 'folder')).id
        tree.push(prng.chance(0.2) ? folder(parent) : file(parent))
      }
      await commit({ assets: tree })
      await expectSameAsScan(`seed ${seed}, built`)
      for (let round = 0; round < 4; round++) {
        for (let i = 0; i < 40; i++) {
          const asset = prng.pick([...store.tables.assets.values()].filter((a) => a.parentId !== null))
          const roll = prng.int(4)
          if (roll === 0) await commit({ assets: [{ ...asset, name: `${word()} ${prng.hex(3)}`, updatedAt: ++clock }] })
          else if (roll === 1 && asset.kind === 'file') await commit({ assets: [{ ...asset, tags: prng.sample(TAGS, prng.between(0, 3)), updatedAt: ++clock }] })
          else if (roll === 2 && asset.kind === 'file') await commit({ assets: [{ ...asset, parentId: t.homeId, updatedAt: ++clock }] })
          else if (roll === 3 && asset.kind === 'file') await commit({}, [['assets', asset.id]])
          else await commit({ assets: [file(asset.kind === 'folder' ? asset.id : t.homeId)] })
        }
        await expectSameAsScan(`seed ${seed}, round ${round}`)
      }
    }
  })

  it('finds nothing to read for a needle no name, text or tag holds', async () => {
    prng = new Prng(5)
    const tree: AssetRecord[] = [folder(t.homeId)]
    for (let i = 0; i < 200; i++) tree.push(file(tree[0].id))
    await commit({ assets: tree })
    expect(store.indexes.textIndex.candidates('zqxj')).toHaveLength(0)
    // A needle that is there narrows to (at most a few more than) the records holding it.
    const hits = scan('beach', 1000).ids.length
    expect(store.indexes.textIndex.candidates('beach').length).toBeLessThan(hits + 10)
  })
})

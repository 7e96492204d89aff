import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AssetRecord, Id } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { trashChange } from '../../../main/core/trash/moveToTrash.js'
import { assetView } from '../../../main/core/assets/views.js'
import { PermissionEngine } from '../../../main/core/permissions/engine.js'
import type { Store } from '../../../main/core/store/store.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { RandomLibrary } from './randomLibrary.js'
import { expectSameAnswers } from './sameAnswers.js'

/**
 * The listing's fast path (engine.childAccesses, the kept sorted listing) against the
 * per-asset path it replaces, over random worlds that keep changing: grants to users and
 * groups, memberships, ownership, collections and their grants, moves, role changes, new
 * and deleted assets. Worlds are built by committing records directly, so hundreds of
 * assets cost little; the fixed random seeds make every run the same.
 */

let t: TempLibrary
let store: Store
let r: RandomLibrary
beforeEach(async () => {
  t = await tempLibrary()
  store = t.library.core.store
})
afterEach(async () => t.close())

describe('engine.childAccesses', () => {
  it('gives every child of every folder, for every user, the access assetAccess gives it', async () => {
    const seen = new Set<string>()
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      r = new RandomLibrary(store, seed)
      const p = await r.people(5)
      await r.populate(p, t.homeId, 60, 15)
      // The library's own engine lives through every change; the fresh ones start with empty memos.
      const kept = t.library.core.engine
      for (let round = 0; round < 12; round++) {
        const fast = new PermissionEngine(store)
        const slow = new PermissionEngine(store)
        const got: Record<string, unknown> = {}
        const want: Record<string, unknown> = {}
        for (const userId of [...p.everyone, 'no-such-user']) {
          for (const f of r.folders()) {
            const ids = [...store.indexes.children.get(f.id)]
            const expected = ids.map((id) => slow.assetAccess(userId, id))
            const where = `seed ${seed}, round ${round}, user ${userId}, folder ${f.name}`
            got[`${where}, fresh engine`] = fast.childAccesses(userId, f.id, ids)
            want[`${where}, fresh engine`] = expected
            got[`${where}, kept engine`] = kept.childAccesses(userId, f.id, ids)
            want[`${where}, kept engine`] = expected
            // Again, as kept from the call before, though the caller has changed its list since.
            const asked = [...ids, ids[0]]
            got[`${where}, kept engine, one id twice`] = kept.childAccesses(userId, f.id, asked)
            want[`${where}, kept engine, one id twice`] = asked.map((id) => slow.assetAccess(userId, id))
            asked.pop()
            got[`${where}, kept engine, back to the children`] = kept.childAccesses(userId, f.id, asked)
            want[`${where}, kept engine, back to the children`] = expected
            for (const a of expected) seen.add(`${a.level}${a.viaCollection ? '+collection' : ''}`)
          }
          // Ids that are not the folder's children (or not assets) still get their own access.
          const strays = [...r.prng.sample(r.assets(), 5).map((a) => a.id), 'no-such-asset']
          for (const folderId of [r.pick(r.folders()).id, 'no-such-folder']) {
            const where = `seed ${seed}, round ${round}, user ${userId}, strays in ${folderId}`
            got[where] = fast.childAccesses(userId, folderId, strays)
            want[where] = strays.map((id) => slow.assetAccess(userId, id))
          }
        }
        expectSameAnswers(got, want)
        await r.change(p, t.homeId)
      }
    }
    // Every level, with and without the collection route, came up: the comparison was not vacuous.
    expect([...seen].sort()).toEqual(['contribute', 'contribute+collection', 'manage', 'manage+collection', 'none', 'none+collection', 'view', 'view+collection'])
  })

  it('answers anew for an id that becomes an asset without a permission change', async () => {
    r = new RandomLibrary(store, 8)
    const p = await r.people(1)
    const [userId] = p.restricted
    const box = r.folder(t.homeId, r.adminId())
    await r.commit({ assets: [box] })
    const mine = r.file(box.id, userId)
    const engine = t.library.core.engine
    expect(engine.childAccesses(userId, box.id, [mine.id])).toEqual([{ level: 'none', viaCollection: false }])
    // Putting a record back (as an undo might) is no permission change.
    await r.commit({ assets: [mine] })
    expect(engine.childAccesses(userId, box.id, [mine.id])).toEqual([{ level: 'manage', viaCollection: false }])
  })
})

/** What the listing must equal: each child's own view, folders first, then by lower-cased name. */
function expectedListing(userId: Id, folderId: Id): AssetView[] {
  const records = [...store.indexes.children.get(folderId)].map((id) => store.tables.assets.get(id)!)
  const key = (a: AssetRecord) => `${a.kind === 'folder' ? 0 : 1}${a.name.toLowerCase()}`
  return records.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((r) => assetView(t.library.core, userId, r))
}

describe('assets.list of a big folder', () => {
  it('equals the per-asset views, in order, through renames, edits, moves, deletions and new children', async () => {
    r = new RandomLibrary(store, 7)
    const p = await r.people(4)
    // Above Big, a folder restricted users cannot see: their paths start "…/Big", others' "/Top/Big".
    const top = r.folder(t.homeId, r.adminId(), 'Top')
    const big = r.folder(top.id, r.adminId(), 'Big')
    const other = r.folder(t.homeId, r.adminId(), 'Other')
    const children = Array.from({ length: 300 }, (_, i) => (i % 10 === 0 ? r.folder(big.id, r.pick(p.everyone)) : r.file(big.id, r.prng.chance(0.8) ? r.adminId() : r.pick(p.everyone))))
    await r.commit({ assets: [top, big, other, ...children] })
    const [viewer, collector] = p.restricted
    // One restricted user sees Big through a grant, another only through a collection holding it.
    const shared = r.sharing(p, children, 40)
    const viaCollection = { id: r.prng.uuid(), name: 'Via', createdBy: collector, createdAt: r.tick(), updatedAt: r.tick() }
    await r.commit({
      ...shared,
      collections: [...shared.collections!, viaCollection],
      grants: [...shared.grants!, { ...r.grant('asset', big.id, ['user', viewer]), level: 'view' }],
      associations: [...shared.associations!, { id: `${viaCollection.id}:${big.id}`, collectionId: viaCollection.id, assetId: big.id, addedBy: collector, addedAt: r.tick() }],
    })
    const check = async (what: string) => {
      for (const userId of [viewer, collector, p.everyone[1], r.adminId()]) {
        const listed = await t.library.as(userId).call('assets.list', { folderId: big.id })
        // Compared as text too, so the keys keep their order.
        expect(JSON.stringify(listed), `${what}, user ${userId}`).toBe(JSON.stringify(expectedListing(userId, big.id)))
        // A folder's count changes without its record changing: it is counted at each listing.
        for (const v of listed) if (v.kind === 'folder') expect(v.childCount).toBe(store.indexes.children.get(v.id).size)
      }
    }
    await check('at first')
    const kids = () => [...store.indexes.children.get(big.id)].map((id) => store.tables.assets.get(id)!)
    for (let round = 0; round < 40; round++) {
      const child = r.pick(kids())
      const edits: [string, () => Promise<unknown>][] = [
        ['rename', () => r.commit({ assets: [{ ...child, name: `${r.prng.chance(0.5) ? 'Z' : 'b'}-${r.prng.hex(6)}`, updatedAt: r.tick() }] })],
        ['edit', () => r.commit({ assets: [{ ...child, updatedAt: r.tick(), ...(child.kind === 'file' ? { tags: [r.prng.hex(4)] } : {}) }] })],
        ['move out', () => r.commit({ assets: [{ ...child, parentId: other.id, updatedAt: r.tick() }] })],
        ['move in', () => r.commit({ assets: [r.file(other.id, r.adminId())] }).then((c) => r.commit({ assets: [{ ...c.put.assets![0], parentId: big.id }] }))],
        // As many children before as after: only checking who they are can tell.
        ['swap', () => r.commit({ assets: [{ ...child, parentId: other.id, updatedAt: r.tick() }, r.file(big.id, r.adminId())] })],
        ['create', () => r.commit({ assets: [r.prng.chance(0.5) ? r.file(big.id, r.pick(p.everyone)) : r.folder(big.id, r.pick(p.everyone))] })],
        ['delete', () => {
          const trashed = trashChange(t.library.core, [child.id], r.adminId(), 0)
          return r.commit({ trash: trashed.put }, trashed.del)
        }],
        ['fill a child folder', () => r.commit({ assets: [r.file(r.pick([big, ...kids()].filter((k) => k.kind === 'folder')).id, r.adminId())] })],
        ['share', () => r.commit(r.sharing(p, kids(), 3))],
        ['rename Top', () => r.commit({ assets: [{ ...store.tables.assets.get(top.id)!, name: `Top-${r.prng.hex(4)}` }] })],
      ]
      const [what, run] = r.pick(edits)
      await run()
      await check(`round ${round}: ${what}`)
    }
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LEVELS, type AssetRecord, type FileRecord, type Id, type Role } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { deletionsFor, subtree } from '../../../main/core/assets/tree.js'
import { assetView } from '../../../main/core/assets/views.js'
import { PermissionEngine } from '../../../main/core/permissions/engine.js'
import type { Dels, Puts } from '../../../main/core/store/change.js'
import type { Store } from '../../../main/core/store/store.js'
import { Prng } from '../../bench/prng.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

/**
 * The listing's fast path (engine.childAccesses, the kept sorted listing) against the
 * per-asset path it replaces, over random worlds that keep changing: grants to users and
 * groups, memberships, ownership, collections and their grants, moves, role changes, new
 * and deleted assets. Worlds are built by committing records directly, so hundreds of
 * assets cost little; the seeds make every run the same.
 */

let t: TempLibrary
let store: Store
let prng: Prng
let clock = 0
beforeEach(async () => {
  t = await tempLibrary()
  store = t.library.core.store
})
afterEach(async () => t.close())

const commit = (put: Puts, del: Dels = []) => store.commit({ actor: null, op: 'test', put, del })
const pick = <T>(items: readonly T[]) => prng.pick(items)
const assets = () => [...store.tables.assets.values()]
const folders = () => assets().filter((a) => a.kind === 'folder')
const adminId = () => store.indexes.userByEmail.get('ada@example.com')!

function folder(parentId: Id, createdBy: Id, name = `f-${prng.hex(6)}`): AssetRecord {
  return { id: prng.uuid(), kind: 'folder', name, parentId, createdBy, createdAt: ++clock, updatedAt: clock }
}

function file(parentId: Id, createdBy: Id, name = `${prng.chance(0.5) ? 'A' : 'a'}-${prng.hex(6)}.txt`): FileRecord {
  const version = { number: 1, hash: prng.hex(64), size: 1, mime: 'text/plain', createdBy, createdAt: ++clock }
  return { id: prng.uuid(), kind: 'file', name, parentId, createdBy, createdAt: clock, updatedAt: clock, versions: [version], currentVersion: 1, tags: [], metadata: {}, focus: null }
}

type Subject = readonly ['user' | 'group', Id]

const grant = (resourceType: 'asset' | 'collection', resourceId: Id, [subjectType, subjectId]: Subject) => ({
  id: `${resourceId}:${subjectId}`, resourceType, resourceId, subjectType, subjectId, level: pick(LEVELS), grantedBy: adminId(), grantedAt: ++clock,
})

interface People {
  restricted: Id[]
  everyone: Id[]
  groups: Id[]
}

async function people(restricted: number): Promise<People> {
  const users = Array.from({ length: restricted + 1 }, (_, i) => ({
    id: prng.uuid(), name: `u${i}`, email: `u${i}-${prng.hex(4)}@example.com`, role: (i === 0 ? 'fullAccess' : 'restricted') as Role, createdAt: ++clock,
  }))
  const groups = Array.from({ length: 3 }, (_, i) => ({ id: prng.uuid(), name: `g${i}-${prng.hex(4)}`, createdAt: ++clock }))
  const memberships = users.slice(1).flatMap((u) => groups.filter(() => prng.chance(0.4)).map((g) => ({ id: `${g.id}:${u.id}`, groupId: g.id, userId: u.id })))
  await commit({ users, groups, memberships })
  const restrictedIds = users.slice(1).map((u) => u.id)
  return { restricted: restrictedIds, everyone: [adminId(), users[0].id, ...restrictedIds], groups: groups.map((g) => g.id) }
}

/** Grants, ownership and collections sprinkled over the assets, as a team's library collects them. */
function sharing(p: People, targets: AssetRecord[], count: number): Puts {
  const subject = (): Subject => (prng.chance(0.6) ? ['user', pick(p.restricted)] : ['group', pick(p.groups)])
  const collections = Array.from({ length: 3 }, () => ({ id: prng.uuid(), name: `c-${prng.hex(6)}`, createdBy: pick([adminId(), ...p.restricted]), createdAt: ++clock, updatedAt: clock }))
  const grants = [
    ...Array.from({ length: count }, () => grant('asset', pick(targets).id, subject())),
    ...collections.filter(() => prng.chance(0.8)).map((c) => grant('collection', c.id, subject())),
  ]
  const associations = Array.from({ length: count }, () => {
    const [c, a] = [pick(collections), pick(targets)]
    return { id: `${c.id}:${a.id}`, collectionId: c.id, assetId: a.id, addedBy: adminId(), addedAt: ++clock }
  })
  return { collections, grants, associations }
}

/** Whether `id` is `ancestorId` or lies below it. */
function within(id: Id, ancestorId: Id): boolean {
  for (let p: Id | null = id; p !== null; p = store.tables.assets.get(p)?.parentId ?? null) if (p === ancestorId) return true
  return false
}

/** One random change of the kinds that move levels (or, for a new asset, do not move the generation). */
async function change(p: People, homeId: Id): Promise<void> {
  const movable = assets().filter((a) => a.parentId !== null)
  const roll = prng.int(7)
  if (roll === 0) await commit(sharing(p, movable, 2))
  else if (roll === 1 && store.tables.grants.size > 0) await commit({}, [['grants', pick([...store.tables.grants.keys()])]])
  else if (roll === 2) {
    const [u, g] = [pick(p.restricted), pick(p.groups)]
    await (store.indexes.groupsByUser.has(u, g) ? commit({}, [['memberships', `${g}:${u}`]]) : commit({ memberships: [{ id: `${g}:${u}`, groupId: g, userId: u }] }))
  } else if (roll === 3) {
    const asset = pick(movable)
    const target = pick(folders().filter((f) => !within(f.id, asset.id)))
    await commit({ assets: [{ ...asset, parentId: target.id, updatedAt: ++clock }] })
  } else if (roll === 4) {
    const user = store.tables.users.get(pick(p.restricted))!
    await commit({ users: [{ ...user, role: user.role === 'restricted' ? 'fullAccess' : 'restricted' }] })
  } else if (roll === 5 && store.tables.collections.size > 0) await commit({}, [['collections', pick([...store.tables.collections.keys()])]])
  else await commit({ assets: [prng.chance(0.3) ? folder(pick(folders()).id, pick(p.everyone)) : file(pick([homeId, ...folders().map((f) => f.id)]), pick(p.everyone))] })
}

describe('engine.childAccesses', () => {
  it('gives every child of every folder, for every user, the access assetAccess gives it', async () => {
    const seen = new Set<string>()
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      prng = new Prng(seed)
      const p = await people(5)
      const tree: AssetRecord[] = [folder(t.homeId, adminId())]
      for (let i = 0; i < 60; i++) {
        const parent = pick(tree.filter((a) => a.kind === 'folder')).id
        tree.push(prng.chance(0.25) ? folder(parent, pick(p.everyone)) : file(parent, prng.chance(0.7) ? adminId() : pick(p.everyone)))
      }
      await commit({ assets: tree })
      await commit(sharing(p, tree, 15))
      // The library's own engine lives through every change; the fresh ones start with empty memos.
      const kept = t.library.core.engine
      for (let round = 0; round < 12; round++) {
        const fast = new PermissionEngine(store)
        const slow = new PermissionEngine(store)
        for (const userId of [...p.everyone, 'no-such-user']) {
          for (const f of folders()) {
            const ids = [...store.indexes.children.get(f.id)]
            const expected = ids.map((id) => slow.assetAccess(userId, id))
            const where = `seed ${seed}, round ${round}, user ${userId}, folder ${f.name}`
            expect(fast.childAccesses(userId, f.id, ids), where).toEqual(expected)
            expect(kept.childAccesses(userId, f.id, ids), where).toEqual(expected)
            // Again, as kept from the call before, though the caller has changed its list since.
            const asked = [...ids, ids[0]]
            expect(kept.childAccesses(userId, f.id, asked), where).toEqual(asked.map((id) => slow.assetAccess(userId, id)))
            asked.pop()
            expect(kept.childAccesses(userId, f.id, asked), where).toEqual(expected)
            for (const a of expected) seen.add(`${a.level}${a.viaCollection ? '+collection' : ''}`)
          }
          // Ids that are not the folder's children (or not assets) still get their own access.
          const strays = [...prng.sample(assets(), 5).map((a) => a.id), 'no-such-asset']
          for (const folderId of [pick(folders()).id, 'no-such-folder']) {
            expect(fast.childAccesses(userId, folderId, strays)).toEqual(strays.map((id) => slow.assetAccess(userId, id)))
          }
        }
        await change(p, t.homeId)
      }
    }
    // Every level, with and without the collection route, came up: the comparison was not vacuous.
    expect([...seen].sort()).toEqual(['contribute', 'contribute+collection', 'manage', 'manage+collection', 'none', 'none+collection', 'view', 'view+collection'])
  })

  it('answers anew for an id that becomes an asset without a permission change', async () => {
    prng = new Prng(8)
    const p = await people(1)
    const [userId] = p.restricted
    const box = folder(t.homeId, adminId())
    await commit({ assets: [box] })
    const mine = file(box.id, userId)
    const engine = t.library.core.engine
    expect(engine.childAccesses(userId, box.id, [mine.id])).toEqual([{ level: 'none', viaCollection: false }])
    // Putting a record back (as an undo might) moves no permission generation.
    await commit({ assets: [mine] })
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
    prng = new Prng(7)
    const p = await people(4)
    // Above Big, a folder restricted users cannot see: their paths start "…/Big", others' "/Top/Big".
    const top = folder(t.homeId, adminId(), 'Top')
    const big = folder(top.id, adminId(), 'Big')
    const other = folder(t.homeId, adminId(), 'Other')
    const children = Array.from({ length: 300 }, (_, i) => (i % 10 === 0 ? folder(big.id, pick(p.everyone)) : file(big.id, prng.chance(0.8) ? adminId() : pick(p.everyone))))
    await commit({ assets: [top, big, other, ...children] })
    const [viewer, collector] = p.restricted
    // One restricted user sees Big through a grant, another only through a collection holding it.
    const shared = sharing(p, children, 40)
    const viaCollection = { id: prng.uuid(), name: 'Via', createdBy: collector, createdAt: ++clock, updatedAt: clock }
    await commit({
      ...shared,
      collections: [...shared.collections!, viaCollection],
      grants: [...shared.grants!, { ...grant('asset', big.id, ['user', viewer]), level: 'view' }],
      associations: [...shared.associations!, { id: `${viaCollection.id}:${big.id}`, collectionId: viaCollection.id, assetId: big.id, addedBy: collector, addedAt: ++clock }],
    })
    const check = async (what: string) => {
      for (const userId of [viewer, collector, p.everyone[1], adminId()]) {
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
      const child = pick(kids())
      const edits: [string, () => Promise<unknown>][] = [
        ['rename', () => commit({ assets: [{ ...child, name: `${prng.chance(0.5) ? 'Z' : 'b'}-${prng.hex(6)}`, updatedAt: ++clock }] })],
        ['edit', () => commit({ assets: [{ ...child, updatedAt: ++clock, ...(child.kind === 'file' ? { tags: [prng.hex(4)] } : {}) }] })],
        ['move out', () => commit({ assets: [{ ...child, parentId: other.id, updatedAt: ++clock }] })],
        ['move in', () => commit({ assets: [file(other.id, adminId())] }).then((c) => commit({ assets: [{ ...c.put.assets![0], parentId: big.id }] }))],
        // As many children before as after: only checking who they are can tell.
        ['swap', () => commit({ assets: [{ ...child, parentId: other.id, updatedAt: ++clock }, file(big.id, adminId())] })],
        ['create', () => commit({ assets: [prng.chance(0.5) ? file(big.id, pick(p.everyone)) : folder(big.id, pick(p.everyone))] })],
        ['delete', () => commit({}, deletionsFor(t.library.core, subtree(t.library.core, child.id)))],
        ['fill a child folder', () => commit({ assets: [file(pick([big, ...kids()].filter((k) => k.kind === 'folder')).id, adminId())] })],
        ['share', () => commit(sharing(p, kids(), 3))],
        ['rename Top', () => commit({ assets: [{ ...store.tables.assets.get(top.id)!, name: `Top-${prng.hex(4)}` }] })],
      ]
      const [what, run] = pick(edits)
      await run()
      await check(`round ${round}: ${what}`)
    }
  })
})

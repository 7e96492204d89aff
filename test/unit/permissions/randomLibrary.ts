import { LEVELS, type TableName, type AssetRecord, type FileRecord, type Id, type Role } from '../../../shared/domain.js'
import type { Dels, Puts } from '../../../main/core/store/change.js'
import type { Store } from '../../../main/core/store/store.js'
import { Prng } from '../../bench/prng.js'

/**
 * Random libraries for permission tests: users and groups, trees, grants to users and
 * groups, ownership, collections and their grants, and random changes of the kinds that
 * move levels. Records are committed directly, so hundreds of assets cost little; a seed
 * makes every run the same.
 */

type Subject = readonly ['user' | 'group', Id]

export interface People {
  restricted: Id[]
  everyone: Id[]
  groups: Id[]
}

export class RandomLibrary {
  readonly prng: Prng
  private clock = 0

  constructor(
    readonly store: Store,
    seed: number,
  ) {
    this.prng = new Prng(seed)
  }

  tick = () => ++this.clock
  commit = (put: Puts, del: Dels = []) => this.store.commit({ actor: null, op: 'test', put, del })
  pick = <T>(items: readonly T[]) => this.prng.pick(items)
  assets = () => [...this.store.tables.assets.values()]
  folders = () => this.assets().filter((a) => a.kind === 'folder')
  adminId = () => this.store.indexes.userByEmail.get('ada@example.com')!

  folder(parentId: Id, createdBy: Id, name = `f-${this.prng.hex(6)}`): AssetRecord {
    return { id: this.prng.uuid(), kind: 'folder', name, parentId, createdBy, createdAt: this.tick(), updatedAt: this.clock }
  }

  file(parentId: Id, createdBy: Id, name = `${this.prng.chance(0.5) ? 'A' : 'a'}-${this.prng.hex(6)}.txt`): FileRecord {
    const version = { number: 1, hash: this.prng.hex(64), size: 1, mime: 'text/plain', createdBy, createdAt: this.tick() }
    return { id: this.prng.uuid(), kind: 'file', name, parentId, createdBy, createdAt: this.clock, updatedAt: this.clock, versions: [version], currentVersion: 1, tags: [], metadata: {}, focus: null }
  }

  grant(resourceType: 'asset' | 'collection', resourceId: Id, [subjectType, subjectId]: Subject) {
    return { id: `${resourceId}:${subjectId}`, resourceType, resourceId, subjectType, subjectId, level: this.pick(LEVELS), grantedBy: this.adminId(), grantedAt: this.tick() }
  }

  /** A full-access user, `restricted` restricted ones and three groups with random members. */
  async people(restricted: number): Promise<People> {
    const { prng } = this
    const users = Array.from({ length: restricted + 1 }, (_, i) => ({
      id: prng.uuid(), name: `u${i}`, email: `u${i}-${prng.hex(4)}@example.com`, role: (i === 0 ? 'fullAccess' : 'restricted') as Role, createdAt: this.tick(),
    }))
    const groups = Array.from({ length: 3 }, (_, i) => ({ id: prng.uuid(), name: `g${i}-${prng.hex(4)}`, createdAt: this.tick() }))
    const memberships = users.slice(1).flatMap((u) => groups.filter(() => prng.chance(0.4)).map((g) => ({ id: `${g.id}:${u.id}`, groupId: g.id, userId: u.id })))
    await this.commit({ users, groups, memberships })
    const restrictedIds = users.slice(1).map((u) => u.id)
    return { restricted: restrictedIds, everyone: [this.adminId(), users[0].id, ...restrictedIds], groups: groups.map((g) => g.id) }
  }

  /** A random tree of `size` assets under `parentId`, created by various people. */
  tree(p: People, parentId: Id, size: number): AssetRecord[] {
    const tree: AssetRecord[] = [this.folder(parentId, this.adminId())]
    for (let i = 0; i < size; i++) {
      const parent = this.pick(tree.filter((a) => a.kind === 'folder')).id
      tree.push(this.prng.chance(0.25) ? this.folder(parent, this.pick(p.everyone)) : this.file(parent, this.prng.chance(0.7) ? this.adminId() : this.pick(p.everyone)))
    }
    return tree
  }

  /** A tree of `size` assets under Home with `grants` grants and collections over it; returns the tree. */
  async populate(p: People, homeId: Id, size: number, grants: number): Promise<AssetRecord[]> {
    const tree = this.tree(p, homeId, size)
    await this.commit({ assets: tree })
    await this.commit(this.sharing(p, tree, grants))
    return tree
  }

  /** Grants, ownership and collections sprinkled over the assets, as a team's library collects them. */
  sharing(p: People, targets: AssetRecord[], count: number): Puts {
    const subject = (): Subject => (this.prng.chance(0.6) ? ['user', this.pick(p.restricted)] : ['group', this.pick(p.groups)])
    const collections = Array.from({ length: 3 }, () => ({
      id: this.prng.uuid(), name: `c-${this.prng.hex(6)}`, createdBy: this.pick([this.adminId(), ...p.restricted]), createdAt: this.tick(), updatedAt: this.clock,
    }))
    const grants = [
      ...Array.from({ length: count }, () => this.grant('asset', this.pick(targets).id, subject())),
      ...collections.filter(() => this.prng.chance(0.8)).map((c) => this.grant('collection', c.id, subject())),
    ]
    const associations = Array.from({ length: count }, () => {
      const [c, a] = [this.pick(collections), this.pick(targets)]
      return { id: `${c.id}:${a.id}`, collectionId: c.id, assetId: a.id, addedBy: this.adminId(), addedAt: this.tick() }
    })
    return { collections, grants, associations }
  }

  /** Whether `id` is `ancestorId` or lies below it. */
  within(id: Id, ancestorId: Id): boolean {
    for (let p: Id | null = id; p !== null; p = this.store.tables.assets.get(p)?.parentId ?? null) if (p === ancestorId) return true
    return false
  }

  /** Subtrees deleted by change(), newest last, for a later change to put back (as a restore from the trash does). */
  private readonly deleted: AssetRecord[][] = []

  /** `id` and everything below it, parents before children. */
  subtree(id: Id): AssetRecord[] {
    const out = [this.store.tables.assets.get(id)!]
    for (let i = 0; i < out.length; i++) for (const child of this.store.indexes.children.get(out[i].id)) out.push(this.store.tables.assets.get(child)!)
    return out
  }

  /**
   * One random change of the kinds that move levels, or of a kind that must not (a new
   * asset): sharing and unsharing, memberships, moves, roles, collections coming, going and
   * taking or giving up assets, subtrees deleted and put back (their folders keep their
   * slots, so a memo of before the deletion would show).
   */
  async change(p: People, homeId: Id): Promise<void> {
    const { store } = this
    const movable = this.assets().filter((a) => a.parentId !== null)
    const roll = this.prng.int(10)
    if (roll === 7 && movable.length > 0) {
      const doomed = this.subtree(this.pick(movable).id)
      this.deleted.push(doomed)
      // Children first, as a deletion to the trash takes them.
      return void (await this.commit({}, doomed.map((a): [TableName, Id] => ['assets', a.id]).reverse()))
    }
    if (roll === 8 && this.deleted.length > 0) {
      const [top, ...rest] = this.deleted.pop()!
      const parentId: Id = this.prng.chance(0.5) && this.store.tables.assets.has(top.parentId!) ? top.parentId! : this.pick(this.folders()).id
      return void (await this.commit({ assets: [{ ...top, parentId, updatedAt: this.tick() }, ...rest] }))
    }
    if (roll === 9 && store.tables.associations.size > 0) return void (await this.commit({}, [['associations', this.pick([...store.tables.associations.keys()])]]))
    if (roll === 0) await this.commit(this.sharing(p, movable, 2))
    else if (roll === 1 && store.tables.grants.size > 0) await this.commit({}, [['grants', this.pick([...store.tables.grants.keys()])]])
    else if (roll === 2) {
      const [u, g] = [this.pick(p.restricted), this.pick(p.groups)]
      await (store.indexes.groupsByUser.has(u, g) ? this.commit({}, [['memberships', `${g}:${u}`]]) : this.commit({ memberships: [{ id: `${g}:${u}`, groupId: g, userId: u }] }))
    } else if (roll === 3) {
      const asset = this.pick(movable)
      const target = this.pick(this.folders().filter((f) => !this.within(f.id, asset.id)))
      await this.commit({ assets: [{ ...asset, parentId: target.id, updatedAt: this.tick() }] })
    } else if (roll === 4) {
      const user = store.tables.users.get(this.pick(p.restricted))!
      await this.commit({ users: [{ ...user, role: user.role === 'restricted' ? 'fullAccess' : 'restricted' }] })
    } else if (roll === 5 && store.tables.collections.size > 0) await this.commit({}, [['collections', this.pick([...store.tables.collections.keys()])]])
    else {
      const created = this.prng.chance(0.3)
        ? this.folder(this.pick(this.folders()).id, this.pick(p.everyone))
        : this.file(this.pick([homeId, ...this.folders().map((f) => f.id)]), this.pick(p.everyone))
      await this.commit({ assets: [created] })
    }
  }
}

import type { Id } from '../../../shared/domain.js'
import type { AssetColumns } from './assetColumns.js'
import type { Members } from './multimap.js'

const NONE: readonly number[] = Object.freeze([])

/**
 * Lists of asset slots by a dense number (a folder's slot, a collection's number), in the
 * order members were added: what children by folder and assets by collection were as maps of
 * string sets, without a string or a set entry per asset (a million of each at open).
 */
export class SlotLists {
  private readonly lists: (number[] | undefined)[] = []
  /**
   * While a load defers them (defer), what was added and is not yet in its list, in order:
   * owners, and members (~member for an add, which first looks for it in a short list).
   */
  private pending: { owners: Int32Array; members: Int32Array; count: number } | null = null

  /**
   * Collects what is added from now on, to be put in the lists at once by settle. A load adds
   * a million members to a hundred thousand lists in no order, and a push onto a list
   * anywhere in memory each time cost a quarter of a second at a million files
   * (docs/scale.md, "Open"). Reads and deletes settle first, so nobody sees a list short.
   */
  defer(): void {
    this.pending ??= { owners: new Int32Array(4096), members: new Int32Array(4096), count: 0 }
  }

  /** Puts what was deferred in the lists, owner by owner in the order it came, and stops deferring. */
  settle(): void {
    const pending = this.pending
    if (pending === null) return
    this.pending = null
    const { owners, members, count } = pending
    let last = -1
    for (let i = 0; i < count; i++) if (owners[i] > last) last = owners[i]
    // A counting sort by owner, stable: each list then takes its members in one run.
    const starts = new Int32Array(last + 2)
    for (let i = 0; i < count; i++) starts[owners[i] + 1]++
    for (let o = 0; o <= last; o++) starts[o + 1] += starts[o]
    const at = starts.slice(0, last + 1)
    const sorted = new Int32Array(count)
    for (let i = 0; i < count; i++) sorted[at[owners[i]]++] = members[i]
    for (let owner = 0; owner <= last; owner++) {
      for (let k = starts[owner]; k < starts[owner + 1]; k++) {
        const m = sorted[k]
        if (m < 0) this.add(owner, ~m)
        else this.push(owner, m)
      }
    }
  }

  private later(owner: number, member: number): void {
    const pending = this.pending!
    if (pending.count === pending.owners.length) {
      const grow = (old: Int32Array) => {
        const next = new Int32Array(old.length * 2)
        next.set(old)
        return next
      }
      pending.owners = grow(pending.owners)
      pending.members = grow(pending.members)
    }
    pending.owners[pending.count] = owner
    pending.members[pending.count++] = member
  }

  /**
   * Adds `member` at the end. The indexes take a member out before they put it back, so only
   * a short list is searched for it first (a member loaded twice); a folder of a hundred
   * thousand files must not cost a scan per child.
   */
  add(owner: number, member: number): void {
    if (this.pending !== null) return this.later(owner, ~member)
    const list = this.lists[owner]
    if (list === undefined) this.lists[owner] = [member]
    else if (list.length > 256 || !list.includes(member)) list.push(member)
  }

  /** add, for a member known not to be there yet (a load). */
  push(owner: number, member: number): void {
    if (this.pending !== null) return this.later(owner, member)
    const list = this.lists[owner]
    if (list === undefined) this.lists[owner] = [member]
    else list.push(member)
  }

  delete(owner: number, member: number): void {
    this.settle()
    const list = this.lists[owner]
    if (list === undefined) return
    const at = list.lastIndexOf(member)
    if (at < 0) return
    list.splice(at, 1)
    if (list.length === 0) this.lists[owner] = undefined
  }

  get(owner: number): readonly number[] {
    this.settle()
    return this.lists[owner] ?? NONE
  }
}

/** Members as ids, over a list of slots (read when asked: a listing may only want the count). */
function members(columns: AssetColumns, slots: readonly number[]): Members<Id> {
  return {
    size: slots.length,
    has: (id) => {
      const slot = columns.slotOf(id)
      return slot !== undefined && slots.includes(slot)
    },
    // A copy, so that changes made while a caller iterates do not move under it (as a Set's iteration would not skip).
    [Symbol.iterator]: () => slots.map((slot) => columns.idOf(slot))[Symbol.iterator](),
  }
}

/** Folder id -> ids of its children, kept by slot. */
export class ChildLists {
  readonly lists = new SlotLists()

  constructor(private readonly columns: AssetColumns) {}

  add(parentId: Id, childId: Id): void {
    this.lists.add(this.columns.slotFor(parentId), this.columns.slotFor(childId))
  }

  delete(parentId: Id, childId: Id): void {
    const parent = this.columns.slotOf(parentId)
    const child = this.columns.slotOf(childId)
    if (parent !== undefined && child !== undefined) this.lists.delete(parent, child)
  }

  get(parentId: Id): Members<Id> {
    const parent = this.columns.slotOf(parentId)
    return members(this.columns, parent === undefined ? NONE : this.lists.get(parent))
  }

  count(parentId: Id): number {
    const parent = this.columns.slotOf(parentId)
    return parent === undefined ? 0 : this.lists.get(parent).length
  }

  has(parentId: Id, childId: Id): boolean {
    return this.get(parentId).has(childId)
  }
}

/** Collection id -> ids of the assets it holds, kept by collection number and slot. */
export class CollectionLists {
  readonly lists = new SlotLists()

  constructor(private readonly columns: AssetColumns) {}

  add(collectionId: Id, assetId: Id): void {
    this.lists.add(this.columns.collection(collectionId), this.columns.slotFor(assetId))
  }

  delete(collectionId: Id, assetId: Id): void {
    const slot = this.columns.slotOf(assetId)
    const n = this.columns.collectionNumber(collectionId)
    if (slot !== undefined && n !== undefined) this.lists.delete(n, slot)
  }

  get(collectionId: Id): Members<Id> {
    const n = this.columns.collectionNumber(collectionId)
    return members(this.columns, n === undefined ? NONE : this.lists.get(n))
  }
}

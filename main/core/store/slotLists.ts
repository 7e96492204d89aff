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
   * Adds `member` at the end. The indexes take a member out before they put it back, so only
   * a short list is searched for it first (a member loaded twice); a folder of a hundred
   * thousand files must not cost a scan per child.
   */
  add(owner: number, member: number): void {
    const list = this.lists[owner]
    if (list === undefined) this.lists[owner] = [member]
    else if (list.length > 256 || !list.includes(member)) list.push(member)
  }

  /** add, for a member known not to be there yet (a load). */
  push(owner: number, member: number): void {
    const list = this.lists[owner]
    if (list === undefined) this.lists[owner] = [member]
    else list.push(member)
  }

  delete(owner: number, member: number): void {
    const list = this.lists[owner]
    if (list === undefined) return
    const at = list.lastIndexOf(member)
    if (at < 0) return
    list.splice(at, 1)
    if (list.length === 0) this.lists[owner] = undefined
  }

  get(owner: number): readonly number[] {
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

import type { AssetRecord, Id } from '../../../shared/domain.js'
import type { SearchDoc } from './textIndex.js'

/** Bits of AssetColumns.flags. */
export const LIVE = 1
export const FOLDER = 2
/** Grants name exactly this asset. */
export const HAS_GRANTS = 4
/** Collections hold exactly this asset. */
export const HAS_COLLECTIONS = 8

const INITIAL = 1024
const EMPTY = new Int32Array(0)
/** In collectionOf: the asset sits in more than one collection (see AssetColumns.collectionsOf). */
export const SEVERAL = -2

/**
 * The tree as dense numbers: each asset id gets a slot for good (the first time it is
 * seen, as an asset or as a parent not yet loaded), and the slot's parent, creator, kind
 * and whether grants or collections name it sit in typed arrays. A permission check then
 * costs one lookup by id and a walk over integers, with no object per asset, and indexes
 * that can wait (names by folder, blob references, assets by creator, search) are built
 * from here when first asked for. Slots are never reused, so a slot means one asset for
 * the life of the process.
 */
export class AssetColumns {
  private readonly slots = new Map<Id, number>()
  /** Slot -> id. */
  readonly ids: Id[] = []
  /** Slot -> the asset's name; undefined for a slot whose asset is gone or not loaded yet. */
  readonly names: (string | undefined)[] = []
  /**
   * The whole record of a live asset, which the store may have to read from disk (records
   * are kept cold: docs/store.md); set by the store.
   */
  body: (id: Id) => AssetRecord | undefined = () => undefined
  /**
   * Slot -> what the search index takes of the asset, worked out ahead of the index after
   * open (Indexes.prepareSearch), so the first search need not read every record; dropped
   * whenever the asset is put or removed.
   */
  readonly searchDocs: (SearchDoc | undefined)[] = []
  parent = new Int32Array(INITIAL)
  /** Slot -> creator's subject number (see subject); -1 where no live asset. */
  creator = new Int32Array(INITIAL)
  flags = new Uint8Array(INITIAL)
  /** Slot -> folder number (dense over folders, for per-user memos a byte each); -1 for files. */
  folderNumber = new Int32Array(INITIAL).fill(-1)
  /**
   * Slot -> when the asset was last put, counting puts: search answers in this order, the
   * order the library has always listed its records in (a changed record goes last).
   */
  putOrder = new Int32Array(INITIAL)
  /**
   * Slot -> the number (see collection) of the one collection holding exactly this asset;
   * -1 for none, SEVERAL for more, whose numbers are in `several`.
   */
  collectionOf = new Int32Array(INITIAL).fill(-1)
  private readonly several = new Map<number, Int32Array>()
  puts = 0
  folders = 0
  private readonly subjects = new Map<Id, number>()
  private readonly collectionNumbers = new Map<Id, number>()
  /** Collection number -> id. */
  readonly collectionIds: Id[] = []

  get length(): number {
    return this.ids.length
  }

  slotOf(id: Id): number | undefined {
    return this.slots.get(id)
  }

  /** The live slot of an asset id, or -1. */
  liveSlot(id: Id): number {
    const slot = this.slots.get(id)
    return slot !== undefined && (this.flags[slot] & LIVE) !== 0 ? slot : -1
  }

  /** A number for a user (or any creator id), the same for the life of the process. */
  subject(id: Id): number {
    let n = this.subjects.get(id)
    if (n === undefined) this.subjects.set(id, (n = this.subjects.size))
    return n
  }

  /** A number for a collection id, the same for the life of the process. */
  collection(id: Id): number {
    let n = this.collectionNumbers.get(id)
    if (n === undefined) {
      this.collectionNumbers.set(id, (n = this.collectionNumbers.size))
      this.collectionIds.push(id)
    }
    return n
  }

  get collections(): number {
    return this.collectionNumbers.size
  }

  /** The numbers of the collections holding the asset in `slot` (where collectionOf says SEVERAL). */
  collectionsOf(slot: number): Int32Array {
    return this.several.get(slot) ?? new Int32Array(0)
  }

  /** The numbers of the collections holding exactly the asset in `slot`, in the order they took it. */
  collectionsHolding(slot: number): ArrayLike<number> {
    const only = this.collectionOf[slot]
    return only === -1 ? EMPTY : only === SEVERAL ? this.several.get(slot)! : [only]
  }

  /** The collection `collectionId` holds exactly the asset `id` now (associations are the index: no map of its own). */
  addToCollection(id: Id, collectionId: Id): void {
    const slot = this.slotFor(id)
    const n = this.collection(collectionId)
    const only = this.collectionOf[slot]
    this.flags[slot] |= HAS_COLLECTIONS
    if (only === -1) this.collectionOf[slot] = n
    else if (only === SEVERAL) {
      const held = this.several.get(slot)!
      if (held.includes(n)) return
      const next = new Int32Array(held.length + 1)
      next.set(held)
      next[held.length] = n
      this.several.set(slot, next)
    } else if (only !== n) {
      this.collectionOf[slot] = SEVERAL
      this.several.set(slot, Int32Array.of(only, n))
    }
  }

  removeFromCollection(id: Id, collectionId: Id): void {
    const slot = this.slots.get(id)
    const n = this.collectionNumbers.get(collectionId)
    if (slot === undefined || n === undefined) return
    const only = this.collectionOf[slot]
    if (only === n) {
      this.collectionOf[slot] = -1
      this.flags[slot] &= ~HAS_COLLECTIONS
    } else if (only === SEVERAL) {
      const rest = this.several.get(slot)!.filter((c) => c !== n)
      if (rest.length === 1) {
        this.several.delete(slot)
        this.collectionOf[slot] = rest[0]
      } else this.several.set(slot, rest)
    }
  }

  /** The slot of `id`, made on first sight. */
  slotFor(id: Id): number {
    let slot = this.slots.get(id)
    if (slot !== undefined) return slot
    slot = this.ids.length
    if (slot === this.parent.length) this.grow()
    this.slots.set(id, slot)
    this.ids.push(id)
    this.names.push(undefined)
    this.parent[slot] = -1
    this.creator[slot] = -1
    return slot
  }

  /** Takes the fields of `asset` that open reads of a cold record: id, kind, name, parentId, createdBy. */
  put(asset: Pick<AssetRecord, 'id' | 'kind' | 'name' | 'parentId' | 'createdBy'>): number {
    const slot = this.slotFor(asset.id)
    // slotFor may grow (replace) the arrays: every slot is made before any array is written.
    const parent = asset.parentId === null ? -1 : this.slotFor(asset.parentId)
    this.names[slot] = asset.name
    this.searchDocs[slot] = undefined
    this.parent[slot] = parent
    this.creator[slot] = this.subject(asset.createdBy)
    const isFolder = asset.kind === 'folder'
    if (isFolder && this.folderNumber[slot] === -1) this.folderNumber[slot] = this.folders++
    this.flags[slot] = (this.flags[slot] & (HAS_GRANTS | HAS_COLLECTIONS)) | LIVE | (isFolder ? FOLDER : 0)
    this.putOrder[slot] = this.puts++
    return slot
  }

  remove(id: Id): void {
    const slot = this.slots.get(id)
    if (slot === undefined) return
    this.names[slot] = undefined
    this.searchDocs[slot] = undefined
    this.flags[slot] &= ~LIVE
    this.parent[slot] = -1
    this.creator[slot] = -1
  }

  setFlag(id: Id, flag: number, on: boolean): void {
    const slot = on ? this.slotFor(id) : this.slots.get(id)
    if (slot === undefined) return
    if (on) this.flags[slot] |= flag
    else this.flags[slot] &= ~flag
  }

  private grow(): void {
    const size = this.parent.length * 2
    const widen = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T, fill?: number): T => {
      const next = make(size)
      if (fill !== undefined) next.fill(fill, old.length)
      next.set(old)
      return next
    }
    this.parent = widen(this.parent, (n) => new Int32Array(n))
    this.creator = widen(this.creator, (n) => new Int32Array(n))
    this.flags = widen(this.flags, (n) => new Uint8Array(n))
    this.folderNumber = widen(this.folderNumber, (n) => new Int32Array(n), -1)
    this.putOrder = widen(this.putOrder, (n) => new Int32Array(n))
    this.collectionOf = widen(this.collectionOf, (n) => new Int32Array(n), -1)
  }
}

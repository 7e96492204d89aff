import type { AssetRecord, Id } from '../../../shared/domain.js'
import { columnValue, type ColumnBatch, type StringColumn } from './hotColumns.js'
import { IdIndex, numberColumn } from './idIndex.js'
import { searchDocFromColumn, type SearchDoc } from './searchTexts.js'
import { SlotCollections } from './slotCollections.js'
import { TextChunks } from './textChunks.js'

/** Bits of AssetColumns.flags. */
export const LIVE = 1
export const FOLDER = 2
/** Grants name exactly this asset. */
export const HAS_GRANTS = 4
/** Collections hold exactly this asset. */
export const HAS_COLLECTIONS = 8

const INITIAL = 1024
/** In folderNode's F_COLLECTION: the folder sits in more than one collection (see AssetColumns.collectionsHolding). */
export const SEVERAL = -2

/**
 * AssetColumns.node: four numbers a slot, what a permission check reads of it side by side,
 * so a step of a walk costs one cache line, not one per column.
 */
export const NODE = 4
/** In node: the parent's slot (as in parent). */
export const N_PARENT = 0
/**
 * In node: the parent's folder number, or -1 where it had none when the parent was set (a
 * parent loaded after its child): the walk then reads the parent's own and keeps it here.
 */
export const N_PARENT_FOLDER = 1
/** In node: the creator's subject number (as in creator). */
export const N_CREATOR = 2
/** In node: the flags (as in flags). */
export const N_FLAGS = 3

/**
 * AssetColumns.folderNode: what a pass over every folder for one user reads of each (see
 * PermissionEngine), FOLDER_NODE numbers a folder number, so the pass stays within a few
 * hundred kilobytes at 100,000 folders instead of one line of `node` in a different place
 * for each folder.
 */
export const FOLDER_NODE = 4
/** In folderNode: the parent's folder number; -1 where there is no parent, NOT_NUMBERED where the parent had no folder number when this was written. */
export const F_PARENT = 0
/** In folderNode: the creator's subject number. */
export const F_CREATOR = 1
/** In folderNode: the flags (as in flags). */
export const F_FLAGS = 2
/** In folderNode: the number of the one collection holding the folder exactly; -1 for none, SEVERAL for more. */
export const F_COLLECTION = 3
/** In folderNode's F_PARENT: the parent's folder number is not known yet (a parent loaded after its child). */
export const NOT_NUMBERED = -2

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
  /** Id <-> slot; ids loaded from column files stay bytes until asked for (idIndex.ts). */
  readonly index = new IdIndex()
  /**
   * Slot -> the asset's name as a string, once made: names loaded from column files are
   * kept as bytes (nameAt, nameBytes) and decoded when first asked for (nameOf).
   */
  private readonly names: (string | undefined)[] = []
  private readonly nameText = new TextChunks()
  /** Slot -> where its name's bytes start in nameText (-1: none, or held in names). */
  private nameAt = new Float64Array(INITIAL).fill(-1)
  private nameLength = new Uint32Array(INITIAL)
  /**
   * Slot -> the asset's search column (searchTexts.ts) as bytes in searchText: -1 where there
   * is none (the record must be read), -2 for "the name only".
   */
  private readonly searchText = new TextChunks()
  /** At most how many bytes copyLowerText writes over every slot put from column bytes. */
  private lowerBytes = 0
  private searchAt = new Float64Array(INITIAL).fill(-1)
  private searchLength = new Uint32Array(INITIAL)
  /**
   * The whole record of a live asset, which the store may have to read from disk (records
   * are kept cold: docs/store.md); set by the store.
   */
  body: (id: Id) => AssetRecord | undefined = () => undefined
  /** The same, without keeping a cold record in the cache: for a pass over many. */
  peekBody: (id: Id) => AssetRecord | undefined = (id) => this.body(id)
  parent = new Int32Array(INITIAL).fill(-1)
  /** Slot -> creator's subject number (see subject); -1 where no live asset. */
  creator = new Int32Array(INITIAL).fill(-1)
  flags = new Uint8Array(INITIAL)
  /** parent, the parent's folder number, creator and flags of each slot, NODE numbers a slot (see N_PARENT ...). */
  node = emptyNodes(new Int32Array(INITIAL * NODE), 0)
  /** Slot -> folder number (dense over folders, for per-user memos a byte each); -1 for files. */
  folderNumber = new Int32Array(INITIAL).fill(-1)
  /** Folder number -> parent folder number, creator, flags and collection, FOLDER_NODE numbers a folder (see F_PARENT ...). */
  folderNode = new Int32Array(INITIAL * FOLDER_NODE)
  /** Folder number -> slot. */
  folderSlot = new Int32Array(INITIAL)
  /** Counts the writes to folderNode, so what is worked out from it can tell it is still current. */
  folderEdits = 0
  /**
   * Counts the writes that change a numbered folder's parent, creator or liveness: not a
   * folder's first numbering, nor a rename. The permission engine's folder order is built on these.
   */
  folderShapes = 0
  /** Folders whose folderNode entry has been written once (numbers below it). */
  private shapedFolders = 0
  /**
   * Slot -> when the asset was last put, counting puts: search answers in this order, the
   * order the library has always listed its records in (a changed record goes last).
   */
  putOrder = new Int32Array(INITIAL)
  /** Slot -> the numbers (see collection) of the collections holding exactly this asset. */
  readonly held = new SlotCollections(INITIAL)
  puts = 0
  folders = 0
  /** After putBatch: which of its records were live already (put again), or null for none. */
  wasLive: Uint8Array | null = null
  private readonly subjects = new Map<Id, number>()
  /** Collection id <-> number. */
  readonly collectionIndex = new IdIndex()

  get length(): number {
    return this.index.length
  }

  /** The id of the asset in `slot`. */
  idOf(slot: number): Id {
    return this.index.id(slot)
  }

  /** The name of the live asset in `slot`; undefined for a slot whose asset is gone or not loaded yet. */
  nameOf(slot: number): string | undefined {
    const held = this.names[slot]
    if (held !== undefined) return held
    const at = this.nameAt[slot]
    if (at < 0 || (this.flags[slot] & LIVE) === 0) return undefined
    return (this.names[slot] = this.nameText.text(at, this.nameLength[slot]))
  }

  slotOf(id: Id): number | undefined {
    const slot = this.index.get(id)
    return slot < 0 ? undefined : slot
  }

  /** The live slot of an asset id, or -1. */
  liveSlot(id: Id): number {
    const slot = this.index.get(id)
    // The node's copy of the flags: the line a permission check reads next anyway.
    return slot >= 0 && (this.node[slot * NODE + N_FLAGS] & LIVE) !== 0 ? slot : -1
  }

  /** A number for a user (or any creator id), the same for the life of the process. */
  subject(id: Id): number {
    let n = this.subjects.get(id)
    if (n === undefined) this.subjects.set(id, (n = this.subjects.size))
    return n
  }

  /** A number for a collection id, the same for the life of the process. */
  collection(id: Id): number {
    return this.collectionIndex.add(id)
  }

  /** The number of a collection id, if it has one. */
  collectionNumber(id: Id): number | undefined {
    const n = this.collectionIndex.get(id)
    return n < 0 ? undefined : n
  }

  /** The id of collection number `n`. */
  collectionIdOf(n: number): Id {
    return this.collectionIndex.id(n)
  }

  get collections(): number {
    return this.collectionIndex.length
  }

  /** The numbers of the collections holding exactly the asset in `slot`, in the order they took it. */
  collectionsHolding(slot: number): ArrayLike<number> {
    return this.held.holding(slot)
  }

  /** The collection `collectionId` holds exactly the asset `id` now (associations are the index: no map of its own). */
  addToCollection(id: Id, collectionId: Id): void {
    this.addSlotToCollection(this.slotFor(id), this.collection(collectionId))
  }

  /** addToCollection by numbers. */
  addSlotToCollection(slot: number, n: number): void {
    this.flags[slot] |= HAS_COLLECTIONS
    this.held.add(slot, n)
    this.syncFlags(slot)
  }

  removeFromCollection(id: Id, collectionId: Id): void {
    const slot = this.slotOf(id)
    const n = this.collectionNumber(collectionId)
    if (slot === undefined || n === undefined) return
    if (!this.held.remove(slot, n)) this.flags[slot] &= ~HAS_COLLECTIONS
    this.syncFlags(slot)
  }

  /** The slot of `id`, made on first sight. */
  slotFor(id: Id): number {
    const slot = this.index.add(id)
    while (slot >= this.parent.length) this.grow()
    return slot
  }

  /**
   * Takes a column file's assets (ids, kinds, names, parents, creators) as `put` would take
   * each, without a string or map entry per asset: ids and parents are numbered in the id
   * index, names stay bytes, kinds and creators come from small lists. Returns each record's slot.
   */
  putBatch(batch: ColumnBatch, parentsLookedUp?: Int32Array): Int32Array {
    const { fields, count } = batch
    const slots = numberColumn(this.index, fields.id)
    // Looked up ahead where the loader could (LoadSink.lookUpAhead); the rest are numbered as numberColumn numbers them.
    const parents = numberColumn(this.index, fields.parentId, parentsLookedUp)
    this.fit()
    const kinds = fields.kind
    const folderKind = kinds.kind === 'dict' ? kinds.dict.indexOf('folder') : -2
    const creators = fields.createdBy
    const subjects = creators.kind === 'dict' ? creators.dict.map((id) => this.subject(id)) : null
    const names = fields.name
    const nameBase = names.kind === 'bytes' ? this.nameText.take(names.data) : 0
    const search = fields.search as StringColumn | undefined
    const searchBase = search?.kind === 'bytes' ? this.searchText.take(search.data) : 0
    // A small list of search values: each kept once, its slots pointing at it.
    const dictAt = search?.kind === 'dict' ? this.takeDict(search.dict) : null
    let wasLive: Uint8Array | null = null
    for (let i = 0; i < count; i++) {
      const slot = slots[i]
      if ((this.flags[slot] & LIVE) !== 0) (wasLive ??= new Uint8Array(count))[i] = 1
      const isFolder = folderKind === -2 ? columnValue(kinds, i) === 'folder' : kinds.kind === 'dict' && kinds.index[i] === folderKind
      if (names.kind === 'bytes' && (names.nulls === null || names.nulls[i] === 0)) {
        this.names[slot] = undefined
        this.nameAt[slot] = nameBase + names.starts[i]
        this.nameLength[slot] = names.starts[i + 1] - names.starts[i]
      } else this.setName(slot, columnValue(names, i) ?? undefined)
      if (search === undefined) this.searchAt[slot] = -1
      else if (search.kind === 'bytes') {
        const nul = search.nulls !== null && search.nulls[i] === 1
        this.searchAt[slot] = nul ? -2 : searchBase + search.starts[i]
        this.searchLength[slot] = search.starts[i + 1] - search.starts[i]
      } else {
        const n = search.index[i]
        this.searchAt[slot] = n < 0 ? -2 : dictAt![n]
        this.searchLength[slot] = n < 0 ? 0 : dictAt![n + 1] - dictAt![n]
      }
      this.lowerBytes += this.lowerTextLength(slot)
      this.parent[slot] = parents[i]
      const c = subjects !== null && creators.kind === 'dict' ? (creators.index[i] < 0 ? -1 : subjects[creators.index[i]]) : this.subject(columnValue(creators, i) as Id)
      this.creator[slot] = c
      if (isFolder && this.folderNumber[slot] === -1) this.folderNumber[slot] = this.folders++
      this.flags[slot] = (this.flags[slot] & (HAS_GRANTS | HAS_COLLECTIONS)) | LIVE | (isFolder ? FOLDER : 0)
      this.putOrder[slot] = this.puts++
      this.syncNode(slot)
    }
    this.wasLive = wasLive
    return slots
  }

  /** Makes room in the arrays for every slot the id index has numbered. */
  fit(): void {
    while (this.index.length > this.parent.length) this.grow()
  }

  /** Makes room for `more` assets at once (a load), instead of doubling the arrays again and again. */
  reserve(more: number): void {
    // A tenth more for the parents and grant targets numbered before their own records.
    const want = Math.ceil((this.index.length + more) * 1.1)
    this.index.reserve(want - this.index.length)
    if (this.parent.length < want) this.grow(want)
  }

  private setName(slot: number, name: string | undefined): void {
    this.names[slot] = name
    this.nameAt[slot] = -1
  }

  /** Keeps a list of search values as bytes; returns where each starts, and where the last ends. */
  private takeDict(values: string[]): Float64Array {
    const parts = values.map((v) => Buffer.from(v, 'utf8'))
    const base = this.searchText.take(Buffer.concat(parts))
    const at = new Float64Array(values.length + 1)
    at[0] = base
    for (let n = 0; n < parts.length; n++) at[n + 1] = at[n] + parts[n].length
    return at
  }

  /**
   * What the search index takes of the live asset in `slot` when it can be had without
   * reading the record: from its column file's search texts.
   */
  searchDocOf(slot: number): SearchDoc | undefined {
    const at = this.searchAt[slot]
    if (at === -1 || (this.flags[slot] & LIVE) === 0) return undefined
    const name = this.nameOf(slot)
    if (name === undefined) return undefined
    return searchDocFromColumn(name.toLowerCase(), at === -2 ? null : this.searchText.text(at, this.searchLength[slot]))
  }

  /**
   * Whether the lower-cased name or the search column of the live asset in `slot` includes
   * `needle` (printable ASCII without `"` or a backslash, lower-cased), read from the bytes;
   * undefined where the bytes cannot say: a text with a byte past ASCII (lower-casing may
   * map it onto ASCII), or one not kept as bytes. The search column is JSON: a needle without
   * quotes lies within one of its strings, or matches only punctuation between them (one
   * more candidate, which the caller's match drops).
   */
  searchBytesInclude(slot: number, needle: Uint8Array): boolean | undefined {
    const at = this.nameAt[slot]
    if (at < 0 || (this.flags[slot] & LIVE) === 0) return undefined
    const name = this.nameText.offset(at)
    const inName = asciiIncludes(this.nameText.chunk(at), name, name + this.nameLength[slot], needle)
    if (inName !== false) return inName
    const searchAt = this.searchAt[slot]
    if (searchAt === -2) return false
    if (searchAt < 0) return undefined
    const search = this.searchText.offset(searchAt)
    return asciiIncludes(this.searchText.chunk(searchAt), search, search + this.searchLength[slot], needle)
  }

  /** At most how many bytes copyLowerText writes over every slot (see ColumnScan). */
  get lowerTextBound(): number {
    return this.lowerBytes
  }

  /** How many bytes copyLowerText writes at most for `slot`. */
  lowerTextLength(slot: number): number {
    return this.nameLength[slot] + this.searchLength[slot] + 2
  }

  /**
   * Writes the lower-cased bytes of the live asset's name, a 0, its search column and a 0 into
   * `out` at `at`; returns where it stopped, or -1 where the bytes cannot decide a search
   * (a byte past ASCII, an escape in the search column's JSON, or texts not kept as bytes),
   * having written nothing that counts. The JSON's own quotes, commas and brackets stay: a
   * needle matching them only adds a candidate, which the caller's match drops.
   */
  copyLowerText(slot: number, out: Uint8Array, at: number): number {
    const nameAt = this.nameAt[slot]
    const searchAt = this.searchAt[slot]
    if (nameAt < 0 || searchAt === -1 || (this.flags[slot] & LIVE) === 0) return -1
    const name = this.nameText.offset(nameAt)
    let to = lowerInto(this.nameText.chunk(nameAt), name, name + this.nameLength[slot], out, at)
    if (to < 0) return -1
    out[to++] = 0
    const search = this.searchText.offset(searchAt)
    // An escape in the JSON (a quote, a backslash or a control character in a text) is not the text's own bytes.
    if (searchAt >= 0) to = lowerInto(this.searchText.chunk(searchAt), search, search + this.searchLength[slot], out, to, 0x5c)
    if (to < 0) return -1
    out[to++] = 0
    return to
  }

  /** Takes the fields of `asset` that open reads of a cold record: id, kind, name, parentId, createdBy. */
  put(asset: Pick<AssetRecord, 'id' | 'kind' | 'name' | 'parentId' | 'createdBy'>): number {
    const slot = this.slotFor(asset.id)
    // slotFor may grow (replace) the arrays: every slot is made before any array is written.
    const parent = asset.parentId === null ? -1 : this.slotFor(asset.parentId)
    this.setName(slot, asset.name)
    this.searchAt[slot] = -1
    this.parent[slot] = parent
    this.creator[slot] = this.subject(asset.createdBy)
    const isFolder = asset.kind === 'folder'
    if (isFolder && this.folderNumber[slot] === -1) this.folderNumber[slot] = this.folders++
    this.flags[slot] = (this.flags[slot] & (HAS_GRANTS | HAS_COLLECTIONS)) | LIVE | (isFolder ? FOLDER : 0)
    this.putOrder[slot] = this.puts++
    this.syncNode(slot)
    return slot
  }

  /** Writes the slot's node from the columns it copies: called after each change to them. */
  private syncNode(slot: number): void {
    const at = slot * NODE
    const parent = this.parent[slot]
    const parentFolder = parent < 0 ? -1 : this.folderNumber[parent]
    const node = this.node
    node[at + N_PARENT] = parent
    node[at + N_PARENT_FOLDER] = parentFolder
    node[at + N_CREATOR] = this.creator[slot]
    node[at + N_FLAGS] = this.flags[slot]
    if (this.folderNumber[slot] >= 0) this.syncFolder(slot)
  }

  /** Writes the slot's flags where node copies them. */
  private syncFlags(slot: number): void {
    this.node[slot * NODE + N_FLAGS] = this.flags[slot]
    if (this.folderNumber[slot] >= 0) this.syncFolder(slot)
  }

  /** Writes the folder's entry in folderNode from the columns it copies. */
  private syncFolder(slot: number): void {
    const folder = this.folderNumber[slot]
    if (folder >= this.folderSlot.length) {
      const size = Math.max(folder + 1, this.folderSlot.length * 2)
      const slots = new Int32Array(size)
      slots.set(this.folderSlot)
      this.folderSlot = slots
      const nodes = new Int32Array(size * FOLDER_NODE)
      nodes.set(this.folderNode)
      this.folderNode = nodes
    }
    const parent = this.parent[slot]
    const at = folder * FOLDER_NODE
    const nodes = this.folderNode
    const parentFolder = parent < 0 ? -1 : this.folderNumber[parent] >= 0 ? this.folderNumber[parent] : NOT_NUMBERED
    const flags = this.flags[slot]
    if (folder >= this.shapedFolders) this.shapedFolders = folder + 1
    else if (nodes[at + F_PARENT] !== parentFolder || nodes[at + F_CREATOR] !== this.creator[slot] || ((nodes[at + F_FLAGS] ^ flags) & LIVE) !== 0) this.folderShapes++
    nodes[at + F_PARENT] = parentFolder
    nodes[at + F_CREATOR] = this.creator[slot]
    nodes[at + F_FLAGS] = flags
    const held = this.held.of[slot]
    nodes[at + F_COLLECTION] = held < -1 ? SEVERAL : held
    this.folderSlot[folder] = slot
    this.folderEdits++
  }

  remove(id: Id): void {
    const slot = this.slotOf(id)
    if (slot === undefined) return
    this.setName(slot, undefined)
    this.searchAt[slot] = -1
    this.flags[slot] &= ~LIVE
    this.parent[slot] = -1
    this.creator[slot] = -1
    this.syncNode(slot)
  }

  setFlag(id: Id, flag: number, on: boolean): void {
    const slot = on ? this.slotFor(id) : this.slotOf(id)
    if (slot !== undefined) this.setSlotFlag(slot, flag, on)
  }

  setSlotFlag(slot: number, flag: number, on: boolean): void {
    if (on) this.flags[slot] |= flag
    else this.flags[slot] &= ~flag
    this.syncFlags(slot)
  }

  private grow(size = this.parent.length * 2): void {
    const widen = <T extends Int32Array | Uint8Array | Uint32Array | Float64Array>(old: T, make: (n: number) => T, fill?: number): T => {
      const next = make(size)
      if (fill !== undefined) next.fill(fill, old.length)
      next.set(old)
      return next
    }
    this.parent = widen(this.parent, (n) => new Int32Array(n), -1)
    this.creator = widen(this.creator, (n) => new Int32Array(n), -1)
    this.nameAt = widen(this.nameAt, (n) => new Float64Array(n), -1)
    this.nameLength = widen(this.nameLength, (n) => new Uint32Array(n))
    this.searchAt = widen(this.searchAt, (n) => new Float64Array(n), -1)
    this.searchLength = widen(this.searchLength, (n) => new Uint32Array(n))
    this.flags = widen(this.flags, (n) => new Uint8Array(n))
    this.folderNumber = widen(this.folderNumber, (n) => new Int32Array(n), -1)
    this.putOrder = widen(this.putOrder, (n) => new Int32Array(n))
    this.held.fit(size)
    const node = emptyNodes(new Int32Array(size * NODE), this.node.length / NODE)
    node.set(this.node)
    this.node = node
  }
}

/** `node` with the slots from `from` on empty: no parent, folder or creator, no flags. */
function emptyNodes(node: Int32Array, from: number): Int32Array {
  node.fill(-1, from * NODE)
  for (let at = from * NODE + N_FLAGS; at < node.length; at += NODE) node[at] = 0
  return node
}

/** Whether `text[start, end)`, lower-cased, includes `needle`; undefined where it holds a byte past ASCII. */
function asciiIncludes(text: Buffer, start: number, end: number, needle: Uint8Array): boolean | undefined {
  for (let i = start; i < end; i++) if (text[i] > 0x7f) return undefined
  const first = needle[0]
  const last = end - needle.length
  outer: for (let i = start; i <= last; i++) {
    if ((text[i] | lowerBit(text[i])) !== first) continue
    for (let k = 1; k < needle.length; k++) if ((text[i + k] | lowerBit(text[i + k])) !== needle[k]) continue outer
    return true
  }
  return false
}

/** `text[start, end)` lower-cased into `out` at `at`; returns where it stopped, or -1 at a byte past ASCII (or at `refuse`). */
function lowerInto(text: Buffer, start: number, end: number, out: Uint8Array, at: number, refuse = -1): number {
  for (let i = start; i < end; i++) {
    const b = text[i]
    if (b > 0x7f || b === refuse) return -1
    out[at++] = b >= 0x41 && b <= 0x5a ? b | 0x20 : b
  }
  return at
}

/** 0x20 for an ASCII capital letter (OR-ing it in lower-cases the letter), else 0. */
function lowerBit(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? 0x20 : 0
}

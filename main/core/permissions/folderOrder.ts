import { F_CREATOR, F_FLAGS, F_PARENT, FOLDER_NODE, LIVE, N_PARENT, NODE, NOT_NUMBERED, type AssetColumns } from '../store/assetColumns.js'

/**
 * The live folders in tree order (depth first, a folder before what is below it), so that a
 * folder and everything below it are one run of positions: a level given on a folder (a grant,
 * a collection holding it, having made it) reaches its whole subtree as one run set in a
 * table, with no pass over the other folders (docs/permissions.md, "How checks are answered").
 *
 * A table holds half a byte per position: bits "at least view", "at least contribute",
 * "manage" and "viewable through a collection" (TABLE_BITS). Rank bits are cumulative, so the
 * table of several subjects (a user and their groups) is their tables OR-ed word by word: the
 * highest rank of any and the collection route of any, as the rule takes them.
 */
export class FolderOrder {
  /** Folder number -> position; -1 for a folder not in the order (not live, numbered since, or under a file). */
  readonly position: Int32Array
  /** Position -> the position after the last folder below it. */
  readonly end: Int32Array
  /** Positions in use. */
  readonly count: number
  /** Table words: eight positions a word. */
  readonly words: number
  /** columns.folders and columns.folderShapes when built: a later change of shape makes it stale. */
  readonly folders: number
  readonly shapes: number
  /** The positions of the folders each creator made, creator subject n's at madeBy[madeStart[n], madeStart[n + 1]). */
  private readonly madeStart: Int32Array
  private readonly madeBy: Int32Array

  constructor(columns: AssetColumns) {
    const count = columns.folders
    this.folders = count
    this.shapes = columns.folderShapes
    const fnode = columns.folderNode
    // Folder -> its parent folder; -1 for a root (no parent, or one no longer live); -2 for none in the order.
    const up = new Int32Array(count)
    const children = new Int32Array(count + 1)
    let maxCreator = -1
    for (let folder = 0; folder < count; folder++) {
      const at = folder * FOLDER_NODE
      if ((fnode[at + F_FLAGS] & LIVE) === 0) {
        up[folder] = -2
        continue
      }
      const parent = parentFolder(columns, folder)
      up[folder] = parent
      if (parent >= 0) children[parent + 1]++
      if (fnode[at + F_CREATOR] > maxCreator) maxCreator = fnode[at + F_CREATOR]
    }
    for (let folder = 0; folder < count; folder++) children[folder + 1] += children[folder]
    const below = new Int32Array(children[count])
    const fill = children.slice(0, count)
    for (let folder = 0; folder < count; folder++) if (up[folder] >= 0) below[fill[up[folder]]++] = folder
    // Depth first from each root, on a stack of folders; a folder's run ends where the next
    // position stands once everything below it has been given one.
    const position = new Int32Array(count).fill(-1)
    const end = new Int32Array(count)
    const stack = new Int32Array(count)
    let next = 0
    for (let root = 0; root < count; root++) {
      if (up[root] !== -1) continue
      let depth = 0
      stack[depth++] = root
      while (depth > 0) {
        const folder = stack[depth - 1]
        if (position[folder] < 0) {
          position[folder] = next++
          for (let i = children[folder + 1] - 1; i >= children[folder]; i--) stack[depth++] = below[i]
          // Children pushed above it: the folder is met again once they are all done.
          if (children[folder + 1] > children[folder]) continue
        }
        end[position[folder]] = next
        depth--
      }
    }
    this.position = position
    this.end = end
    this.count = next
    this.words = (next + 7) >> 3
    const madeStart = new Int32Array(maxCreator + 2)
    for (let folder = 0; folder < count; folder++) if (position[folder] >= 0) madeStart[fnode[folder * FOLDER_NODE + F_CREATOR] + 1]++
    for (let n = 0; n <= maxCreator; n++) madeStart[n + 1] += madeStart[n]
    const madeBy = new Int32Array(madeStart[maxCreator + 1])
    const at = madeStart.slice(0, maxCreator + 1)
    for (let folder = 0; folder < count; folder++) if (position[folder] >= 0) madeBy[at[fnode[folder * FOLDER_NODE + F_CREATOR]]++] = position[folder]
    this.madeStart = madeStart
    this.madeBy = madeBy
  }

  /** Whether the folders' shapes changed since, or so many folders were made since that walking up through them costs more than a new order. */
  staleFor(columns: AssetColumns): boolean {
    return columns.folderShapes !== this.shapes || columns.folders - this.folders > (this.folders >> 4) + 16
  }

  /** The table of nothing, shared by every subject with no grant, collection or folder of its own there: never written. */
  get empty(): Uint32Array {
    return (this.emptyTable ??= new Uint32Array(this.words))
  }

  private emptyTable: Uint32Array | null = null

  /** Sets `bits` on the folder numbered `folder` and everything below it, where it is in the order. */
  mark(table: Uint32Array, folder: number, bits: number): void {
    const from = folder < this.position.length ? this.position[folder] : -1
    if (from >= 0) setRun(table, from, this.end[from], bits)
  }

  /** Whether the creator numbered `creator` made any folder in the order. */
  madeAny(creator: number): boolean {
    return creator >= 0 && creator + 1 < this.madeStart.length && this.madeStart[creator + 1] > this.madeStart[creator]
  }

  /** Sets MANAGE_BITS on every folder `creator` made and what is below it. */
  markMade(table: Uint32Array, creator: number): void {
    if (!this.madeAny(creator)) return
    const { madeBy, end } = this
    const last = this.madeStart[creator + 1]
    for (let i = this.madeStart[creator]; i < last; i++) setRun(table, madeBy[i], end[madeBy[i]], MANAGE_BITS)
  }
}

/** Table bits, by rank (cumulative) and the collection route. */
export const RANK_BITS = [0, 1, 3, 7] as const
const MANAGE_BITS = 7
export const VIA_BIT = 8

/** Table half byte -> packed access (bits 0-1 the rank, bit 2 the collection route), as the engine packs it. */
const PACKED = Uint8Array.from({ length: 16 }, (_, bits) => ((bits & 1) + ((bits >> 1) & 1) + ((bits >> 2) & 1)) | ((bits & VIA_BIT) !== 0 ? 4 : 0))

/** The packed access at `position` of a table. */
export function readTable(table: Uint32Array, position: number): number {
  return PACKED[(table[position >> 3] >>> ((position & 7) << 2)) & 15]
}

/**
 * A new table of `words` words, the given tables OR-ed word by word: a copy of the first,
 * then the rest two at a time, so that the new table is read and written once for each two
 * (a user's table over their groups' is made on their first check: docs/scale.md).
 */
export function unionTables(tables: readonly Uint32Array[], words: number): Uint32Array {
  if (tables.length === 0) return new Uint32Array(words)
  const into = tables[0].slice()
  let k = 1
  for (; k + 1 < tables.length; k += 2) {
    const a = tables[k]
    const b = tables[k + 1]
    for (let i = 0; i < words; i++) into[i] |= a[i] | b[i]
  }
  if (k < tables.length) {
    const a = tables[k]
    for (let i = 0; i < words; i++) into[i] |= a[i]
  }
  return into
}

/** Sets `bits` (a half byte) at positions [from, to). */
function setRun(table: Uint32Array, from: number, to: number, bits: number): void {
  let p = from
  for (; p < to && (p & 7) !== 0; p++) table[p >> 3] |= bits << ((p & 7) << 2)
  const whole = Math.imul(bits, 0x11111111) >>> 0
  for (; p + 8 <= to; p += 8) table[p >> 3] |= whole
  for (; p < to; p++) table[p >> 3] |= bits << ((p & 7) << 2)
}

/**
 * A live folder's parent folder: -1 where it has none or it is no longer live (the rule's walk
 * ends there), -2 where the parent is a live asset that is no folder (left out of the order:
 * checks walk up through it as the rule does).
 */
function parentFolder(columns: AssetColumns, folder: number): number {
  const fnode = columns.folderNode
  const at = folder * FOLDER_NODE
  let parent = fnode[at + F_PARENT]
  if (parent === NOT_NUMBERED) {
    // The parent had no folder number when this was written: read now and kept.
    const parentSlot = columns.node[columns.folderSlot[folder] * NODE + N_PARENT]
    if (parentSlot < 0 || (columns.flags[parentSlot] & LIVE) === 0) return -1
    parent = columns.folderNumber[parentSlot]
    if (parent < 0) return -2
    fnode[at + F_PARENT] = parent
  }
  if (parent < 0) return -1
  return (fnode[parent * FOLDER_NODE + F_FLAGS] & LIVE) === 0 ? -1 : parent
}

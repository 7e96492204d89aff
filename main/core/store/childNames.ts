import type { AssetRecord, Id } from '../../../shared/domain.js'
import { nameKey } from '../../../shared/names.js'
import type { AssetColumns } from './assetColumns.js'
import type { ChildLists } from './slotLists.js'

/**
 * Folder id -> child name key (see nameKey) -> child id, for the rule that names are unique
 * in their folder. A folder's map is made when first asked for (a create, rename, move or
 * import into it), from its children: working out the key of every name in the library at
 * open costs more than the rest of its indexes together, and most folders are never asked.
 * Once made, a folder's map is kept up to date with every put and delete.
 */
export class ChildNames {
  private readonly made = new Map<Id, Map<string, Id>>()

  constructor(
    private readonly columns: AssetColumns,
    private readonly children: ChildLists,
  ) {}

  get(folderId: Id): ReadonlyMap<string, Id> | undefined {
    const known = this.made.get(folderId)
    if (known !== undefined) return known
    const ids = this.children.get(folderId)
    if (ids.size === 0) return undefined
    const names = new Map<string, Id>()
    for (const id of ids) {
      const name = this.columns.nameOf(this.columns.slotOf(id)!)
      if (name !== undefined) names.set(nameKey(name), id)
    }
    this.made.set(folderId, names)
    return names
  }

  /** `asset` is now a child of `parentId` under its name. */
  enter(parentId: Id, asset: AssetRecord): void {
    this.made.get(parentId)?.set(nameKey(asset.name), asset.id)
  }

  /** `asset` (as it was) is no longer a child of `parentId` under that name. */
  drop(parentId: Id, asset: AssetRecord): void {
    const names = this.made.get(parentId)
    if (names === undefined) return
    const key = nameKey(asset.name)
    if (names.get(key) === asset.id) names.delete(key)
    if (names.size === 0) this.made.delete(parentId)
  }

  /** The folder is gone. */
  forget(folderId: Id): void {
    this.made.delete(folderId)
  }
}

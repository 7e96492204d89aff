import type { Id } from '../../shared/domain.js'
import type { AssetView } from '../../shared/views.js'
import { isHome } from '../../shared/home.js'

export interface TreeRow {
  id: Id
  name: string
  /** 1 for a root, as aria-level counts. */
  level: number
  posinset: number
  setsize: number
  parentId: Id | null
  /** Has (or may have, until loaded) subfolders. */
  expandable: boolean
  expanded: boolean
  loading: boolean
  /** The library's root folder. */
  home: boolean
  /** Shared itself (told only to who may manage its sharing). */
  shared: boolean
}

export interface TreeInput {
  rootIds: Id[]
  childIds: Record<Id, Id[]>
  expanded: Record<Id, boolean>
  loadingIds: Record<Id, boolean>
  byId: Record<Id, AssetView>
}

/**
 * The visible rows of the folder tree, flattened in display order. A flat list with aria-level,
 * aria-posinset and aria-setsize is a valid tree and is what a virtualised tree will need.
 */
export function treeRows(input: TreeInput): TreeRow[] {
  const rows: TreeRow[] = []
  const folders = (ids: Id[] | undefined) => (ids ?? []).map((id) => input.byId[id]).filter((a): a is AssetView => a?.kind === 'folder')
  const walk = (items: AssetView[], level: number, parentId: Id | null) => {
    items.forEach((folder, i) => {
      const loaded = input.childIds[folder.id]
      const sub = loaded ? folders(loaded) : []
      // A folder of files only has no expander: main says whether it holds a folder.
      const expandable = loaded ? sub.length > 0 : (folder.hasSubfolders ?? (folder.childCount ?? 0) > 0)
      const expanded = expandable && !!input.expanded[folder.id]
      rows.push({
        id: folder.id,
        name: isHome(folder) ? 'Home' : folder.name,
        level,
        posinset: i + 1,
        setsize: items.length,
        parentId,
        expandable,
        expanded,
        loading: !!input.loadingIds[folder.id],
        home: isHome(folder),
        shared: !!folder.shared,
      })
      if (expanded) walk(sub, level + 1, folder.id)
    })
  }
  walk(folders(input.rootIds), 1, null)
  return rows
}

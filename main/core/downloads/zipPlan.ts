import type { AssetRecord, FileRecord, Id } from '../../../shared/domain.js'
import type { Core } from '../context.js'
import { currentVersionOf } from '../assets/tree.js'
import { EntryNamer } from './entryNames.js'

export interface ZipEntry {
  name: string
  /** Absent for an (empty) folder entry. */
  hash?: string
  size: number
  mtime: Date
}

/**
 * What a zip of these assets holds: every file under them, with paths relative to the
 * selection (folder structure kept). Callers have checked that the user can view each
 * top asset; levels cascade, so everything below is viewable too.
 */
export function planZip(core: Core, topIds: Id[]): { entries: ZipEntry[]; fileCount: number; bytes: number } {
  const namer = new EntryNamer()
  const entries: ZipEntry[] = []
  const seen = new Set<Id>()
  let bytes = 0
  let fileCount = 0
  const visit = (asset: AssetRecord, parentPath: string) => {
    if (seen.has(asset.id)) return
    seen.add(asset.id)
    if (asset.kind === 'file') {
      const v = currentVersionOf(asset as FileRecord)
      entries.push({ name: namer.claim(parentPath, asset.name), hash: v.hash, size: v.size, mtime: new Date(asset.updatedAt) })
      bytes += v.size
      fileCount++
      return
    }
    const dirPath = namer.claim(parentPath, asset.name, true)
    const children = [...core.store.indexes.children.get(asset.id)].map((id) => core.store.tables.assets.get(id)!)
    if (children.length === 0) entries.push({ name: `${dirPath}/`, size: 0, mtime: new Date(asset.updatedAt) })
    for (const child of children) visit(child, dirPath)
  }
  for (const id of topIds) {
    const asset = core.store.tables.assets.get(id)
    if (!asset) continue
    if (asset.parentId === null) {
      // Home itself is not an entry: its contents are the zip's top level.
      seen.add(asset.id)
      for (const child of core.store.indexes.children.get(asset.id)) visit(core.store.tables.assets.get(child)!, '')
    } else visit(asset, '')
  }
  return { entries, fileCount, bytes }
}

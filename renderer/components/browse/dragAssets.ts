import { useState, type DragEvent } from 'react'
import { atLeast, type Id } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { entriesFromDrop } from '../upload/readDrop.js'
import { isHome } from '../../../shared/home.js'

/**
 * Assets dragged inside Trove carry their ids as JSON under this type, e.g. `["a1","a2"]`;
 * files from the desktop come as `Files`. A folder takes either; a collection in the sidebar
 * takes only assets (files cannot be uploaded into a collection) and ignores other drags.
 */
const ASSET_TYPE = 'application/x-trove-assets'

/** During dragover the browser hides the data, so the dragged ids are kept here until the drag ends. */
let dragged: AssetView[] = []

/** Dragging an item outside the selection drags that item alone, as file managers do. */
export function startAssetDrag(e: DragEvent, id: Id): void {
  const s = useTrove.getState()
  if (!s.selection.includes(id)) s.select(id)
  const { selection, byId } = useTrove.getState()
  dragged = selection.map((x) => byId[x]).filter((a): a is AssetView => !!a && !isHome(a))
  e.dataTransfer.setData(ASSET_TYPE, JSON.stringify(dragged.map((a) => a.id)))
  e.dataTransfer.setData('text/plain', dragged.map((a) => a.path).join('\n'))
  e.dataTransfer.effectAllowed = 'copyMove'
}

export function endAssetDrag(): void {
  dragged = []
}

/** During dragover only the types can be read, not the data. */
export function carriesAssets(data: DataTransfer | null): boolean {
  return !!data && [...data.types].includes(ASSET_TYPE)
}

/** The ids a drop carries, read from the data rather than from this window's drag, so a malformed drop gives none. */
export function readDraggedAssets(data: DataTransfer | null): string[] {
  if (!data) return []
  try {
    const ids: unknown = JSON.parse(data.getData(ASSET_TYPE) || '[]')
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

type DropKind = 'move' | 'copy' | 'upload' | null

/**
 * What a drop onto this folder would do: move (manage on each item, contribute on the folder),
 * copy (ctrl or alt held, or only contribute on the items), or upload files from the desktop.
 */
function dropKind(e: DragEvent, folder: AssetView): DropKind {
  if (!atLeast(folder.level, 'contribute')) return null
  const types = [...e.dataTransfer.types]
  if (types.includes(ASSET_TYPE) && dragged.length > 0) {
    // Not onto itself or into one of the dragged folders (a folder never goes inside itself).
    if (dragged.some((a) => a.id === folder.id || (a.kind === 'folder' && folder.path.startsWith(`${a.path}/`)))) return null
    const mayMove = dragged.every((a) => atLeast(a.level, 'manage'))
    const wantsCopy = e.ctrlKey || e.altKey || !mayMove
    if (wantsCopy) return dragged.every((a) => atLeast(a.level, 'contribute')) ? 'copy' : null
    return dragged.every((a) => a.parentId === folder.id) ? null : 'move'
  }
  if (types.includes('Files')) return 'upload'
  return null
}

/** Props that make an element a drop target for a folder, and whether something is over it. */
export function useFolderDrop(folder: AssetView | undefined) {
  const [over, setOver] = useState(false)
  const onDragOver = (e: DragEvent) => {
    if (!folder) return
    const kind = dropKind(e, folder)
    if (!kind) return
    e.preventDefault()
    e.stopPropagation()
    e.dataTransfer.dropEffect = kind === 'upload' ? 'copy' : kind
    if (!over) setOver(true)
  }
  const onDragLeave = (e: DragEvent) => {
    if (!(e.currentTarget as Node).contains(e.relatedTarget as Node | null)) setOver(false)
  }
  const onDrop = (e: DragEvent) => {
    setOver(false)
    if (!folder) return
    const kind = dropKind(e, folder)
    if (!kind) return
    e.preventDefault()
    e.stopPropagation()
    const s = useTrove.getState()
    if (kind === 'upload') {
      void entriesFromDrop(e.dataTransfer).then((entries) => s.uploadTree(entries, folder.id))
      return
    }
    const ids = dragged.map((a) => a.id)
    endAssetDrag()
    // A drop has no form to show a refusal in: it becomes a message.
    void (kind === 'move' ? s.moveAssets(ids, folder.id) : s.copyAssets(ids, folder.id)).catch(s.reportError)
  }
  return { over, dropProps: { onDragOver, onDragLeave, onDrop } }
}

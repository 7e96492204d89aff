import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import { api } from '../api/client.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

/** Rename, move, copy, delete and download: main checks each; the renderer offers and reports. */
export interface AssetOpsSlice {
  /** The asset whose name is being edited in place. */
  renamingId: Id | null
  startRename(id: Id): void
  cancelRename(): void
  /** Throws, so the name field can show why next to itself. */
  renameAsset(id: Id, name: string): Promise<void>
  /** These throw: the folder-picker dialog shows why inside itself, a drop as a message. */
  moveAssets(ids: Id[], targetFolderId: Id): Promise<void>
  copyAssets(ids: Id[], targetFolderId: Id): Promise<void>
  /** Throws, so the confirmation can show why. */
  deleteAssets(ids: Id[]): Promise<void>
  /** The desktop asks where to save; a browser downloads through the permission-checked file route. */
  /** The current version, or the one named (saved as "name (version N).ext"). */
  downloadFile(id: Id, version?: number): Promise<void>
}

export const assetOpsInitial = { renamingId: null } satisfies Partial<AssetOpsSlice>

export const createAssetOpsSlice: StateCreator<TroveState, [], [], AssetOpsSlice> = (set, get) => {
  onReset(() => set(assetOpsInitial))
  /** The target's children in the tree are stale until asked again, like whatever is on show. */
  async function afterChange(targetFolderId: Id): Promise<void> {
    if (get().childIds[targetFolderId]) await get().loadChildren(targetFolderId)
    await get().refreshVisible()
  }

  /** “logo.png” or “3 items”, for a notice. */
  function what(ids: Id[]): string {
    const only = ids.length === 1 ? get().byId[ids[0]] : undefined
    return only ? `“${only.name}”` : ids.length === 1 ? '1 item' : `${ids.length} items`
  }
  const folderName = (id: Id) => (get().byId[id] ? `“${get().byId[id].name}”` : 'the folder')

  /** The folders on show and in the tree, after an undo that may touch any of them. */
  async function refreshAll(folderIds: Id[]): Promise<void> {
    for (const id of new Set(folderIds)) if (get().childIds[id]) await get().loadChildren(id)
    await get().refreshVisible()
  }

  return {
    ...assetOpsInitial,

    startRename(id) {
      set({ renamingId: id, selection: [id], anchorId: id, activeId: id })
    },

    cancelRename() {
      set({ renamingId: null })
    },

    async renameAsset(id, name) {
      const current = get().byId[id]
      if (current && current.name === name) return set({ renamingId: null })
      const renamed = await api.call('assets.rename', { id, name })
      get().remember([renamed])
      set({ renamingId: null })
      await get().refreshVisible()
      if (current) {
        const before = current.name
        get().notify(`Renamed “${before}” to “${name}”.`, async () => {
          get().remember([await api.call('assets.rename', { id, name: before })])
          await refreshAll(renamed.parentId ? [renamed.parentId] : [])
        })
      }
    },

    async moveAssets(ids, targetFolderId) {
      const label = what(ids)
      // Where each came from, so that Undo can take it back; unknown (a restricted user's root) means no Undo.
      const origins = ids.map((id) => get().byId[id]?.parentId ?? null)
      const moved = await api.call('assets.move', { ids, targetFolderId })
      get().remember(moved)
      // What moved is no longer here (unless it moved within the folder on show).
      set((s) => ({ selection: s.folderId === targetFolderId ? s.selection : s.selection.filter((id) => !ids.includes(id)) }))
      await afterChange(targetFolderId)
      const undo = origins.every((o) => o !== null)
        ? async () => {
            const byOrigin = new Map<Id, Id[]>()
            ids.forEach((id, i) => byOrigin.set(origins[i]!, [...(byOrigin.get(origins[i]!) ?? []), id]))
            for (const [origin, back] of byOrigin) if (origin !== targetFolderId) get().remember(await api.call('assets.move', { ids: back, targetFolderId: origin }))
            await refreshAll([targetFolderId, ...byOrigin.keys()])
          }
        : undefined
      get().notify(`Moved ${label} to ${folderName(targetFolderId)}.`, undo)
    },

    async copyAssets(ids, targetFolderId) {
      const label = what(ids)
      const copies = await api.call('assets.copy', { ids, targetFolderId })
      get().remember(copies)
      await afterChange(targetFolderId)
      // Undoing a copy sends the copies to the trash: nothing is destroyed by an undo either.
      get().notify(`Copied ${label} to ${folderName(targetFolderId)}.`, async () => {
        await api.call('assets.delete', { ids: copies.map((c) => c.id) })
        await refreshAll([targetFolderId])
      })
    },

    async deleteAssets(ids) {
      const label = what(ids)
      const parents = ids.map((id) => get().byId[id]?.parentId).filter((p): p is Id => !!p)
      // The panel stops reading what is about to go, and the delete waits for the reads it had
      // already sent: one answered after the delete would meet a trashed file (NOT_FOUND, which a
      // browser also reports in its console). Out of the selection, nothing reads it again.
      const shown = get().details?.id
      if (shown && ids.includes(shown)) {
        set((s) => ({ selection: s.selection.filter((id) => !ids.includes(id)) }))
        get().closeFeed('details')
        await Promise.all([get().loadDetails(null), get().feedSettled('details')])
      }
      const { trashed } = await api.call('assets.delete', { ids })
      set((s) => ({ selection: s.selection.filter((id) => !ids.includes(id)) }))
      // The folder on show may be among them; refreshListing then goes back to where the user starts.
      await refreshAll(parents)
      get().notify(`Moved ${label} to the trash.`, async () => {
        get().remember((await api.call('trash.restore', { ids: trashed })).restored)
        await refreshAll(parents)
      })
    },

    async downloadFile(id, version) {
      const asset = get().byId[id]
      if (!asset || asset.kind !== 'file') return
      const old = version !== undefined && version !== asset.currentVersion
      const name = old ? withVersion(asset.name, version) : asset.name
      try {
        if (api.desktop) {
          const { available, path } = await api.call('dialogs.saveFile', { defaultName: name })
          if (available) {
            if (path) await api.call('files.download', old ? { fileId: id, version, destPath: path } : { fileId: id, destPath: path })
            return
          }
        }
        const url = api.fileUrl('file', id, version ?? asset.currentVersion)
        const link = document.createElement('a')
        link.href = `${url}${url.includes('?') ? '&' : '?'}download=1`
        link.download = name
        link.rel = 'noopener'
        document.body.append(link)
        link.click()
        link.remove()
      } catch (error) {
        get().reportError(error)
      }
    },
  }
}

/** "logo.png" as version 2: "logo (version 2).png", so an old version saved beside the current one does not take its name. */
export function withVersion(name: string, version: number): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? `${name.slice(0, dot)} (version ${version})${name.slice(dot)}` : `${name} (version ${version})`
}

import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import { api } from '../api/index.js'
import type { TroveState } from './types.js'

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
  downloadFile(id: Id): Promise<void>
}

export const assetOpsInitial = { renamingId: null } satisfies Partial<AssetOpsSlice>

export const createAssetOpsSlice: StateCreator<TroveState, [], [], AssetOpsSlice> = (set, get) => {
  /** The target's children in the tree are stale until asked again, like whatever is on show. */
  async function afterChange(targetFolderId: Id): Promise<void> {
    if (get().childIds[targetFolderId]) await get().loadChildren(targetFolderId)
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
    },

    async moveAssets(ids, targetFolderId) {
      const moved = await api.call('assets.move', { ids, targetFolderId })
      get().remember(moved)
      // What moved is no longer here (unless it moved within the folder on show).
      set((s) => ({ selection: s.folderId === targetFolderId ? s.selection : s.selection.filter((id) => !ids.includes(id)) }))
      await afterChange(targetFolderId)
    },

    async copyAssets(ids, targetFolderId) {
      get().remember(await api.call('assets.copy', { ids, targetFolderId }))
      await afterChange(targetFolderId)
    },

    async deleteAssets(ids) {
      await api.call('assets.delete', { ids })
      set((s) => ({ selection: s.selection.filter((id) => !ids.includes(id)) }))
      // The folder on show may be among them; refreshListing then goes back to where the user starts.
      await get().refreshVisible()
    },

    async downloadFile(id) {
      const asset = get().byId[id]
      if (!asset || asset.kind !== 'file') return
      try {
        if (api.desktop) {
          const { available, path } = await api.call('dialogs.saveFile', { defaultName: asset.name })
          if (available) {
            if (path) await api.call('files.download', { fileId: id, destPath: path })
            return
          }
        }
        const url = api.fileUrl('file', id, asset.currentVersion)
        const link = document.createElement('a')
        link.href = `${url}${url.includes('?') ? '&' : '?'}download=1`
        link.download = asset.name
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

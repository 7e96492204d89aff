import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import type { TrashItemView } from '../../shared/views.js'
import { api } from '../api/client.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

/** The trash screen: what the user may see in the trash, restore and purge (docs/trash.md). */
export interface TrashSlice {
  trashItems: TrashItemView[]
  trashStatus: 'idle' | 'loading' | 'ready' | 'failed'
  openTrash(): Promise<void>
  loadTrash(): Promise<void>
  /** Throws, so the screen can say why next to its buttons. */
  restoreFromTrash(ids: Id[]): Promise<void>
  purgeFromTrash(ids: Id[]): Promise<void>
  emptyTrash(): Promise<void>
}

export const trashInitial = { trashItems: [], trashStatus: 'idle' } satisfies Partial<TrashSlice>

export const createTrashSlice: StateCreator<TroveState, [], [], TrashSlice> = (set, get) => {
  onReset(() => set(trashInitial))
  /** What came back may sit in any folder of the tree: the loaded parts are asked again. */
  async function afterRestore(): Promise<void> {
    const { childIds } = get()
    await Promise.all([get().loadRoots(), ...Object.keys(childIds).map((id) => get().loadChildren(id).catch(() => undefined))])
    await get().loadTrash()
  }

  return {
    ...trashInitial,

    async openTrash() {
      set({ screen: 'trash', search: null })
      await get().loadTrash()
    },

    async loadTrash() {
      set((s) => ({ trashStatus: s.trashStatus === 'ready' ? 'ready' : 'loading' }))
      try {
        set({ trashItems: await api.call('trash.list'), trashStatus: 'ready' })
      } catch (error) {
        set({ trashStatus: 'failed' })
        get().reportError(error)
      }
    },

    async restoreFromTrash(ids) {
      const names = get().trashItems.filter((i) => ids.includes(i.id)).map((i) => i.name)
      const { restored } = await api.call('trash.restore', { ids })
      get().remember(restored)
      await afterRestore()
      const where = restored.length === 1 ? ` to ${restored[0].path.slice(0, restored[0].path.lastIndexOf('/')) || '/'}` : ''
      get().notify(`Restored ${names.length === 1 ? `“${names[0]}”` : `${ids.length} items`}${where}.`, async () => {
        await api.call('assets.delete', { ids })
        await afterRestore()
      })
    },

    async purgeFromTrash(ids) {
      await api.call('trash.purge', { ids })
      await get().loadTrash()
      get().notify(ids.length === 1 ? 'Deleted for good.' : `${ids.length} items deleted for good.`)
    },

    async emptyTrash() {
      const { purged } = await api.call('trash.empty')
      await get().loadTrash()
      get().notify(purged.length === 1 ? 'The trash is empty: 1 item deleted for good.' : `The trash is empty: ${purged.length} items deleted for good.`)
    },
  }
}

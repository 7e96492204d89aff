import type { StateCreator } from 'zustand'
import type { InputOf } from '../../shared/contract/index.js'
import type { FocusArea, Id } from '../../shared/domain.js'
import type { AssetView } from '../../shared/views.js'
import { api } from '../api/client.js'
import type { TroveState } from './types.js'

/**
 * Image work of issue 7, applied in main. Each action throws, so the dialog that asked can
 * say why next to its controls; each result is remembered, so the grid and details show the
 * new version (its thumbnail URL carries the version) without waiting for the change event.
 */
export interface MediaSlice {
  fetchAsset(fileId: Id): Promise<AssetView>
  editImage(input: InputOf<'images.edit'>): Promise<AssetView>
  setFocusArea(fileId: Id, rect: FocusArea | null): Promise<AssetView>
  suggestTags(fileId: Id): Promise<string[]>
  removeBackground(input: InputOf<'extensions.removeBackground'>): Promise<AssetView>
}

export const createMediaSlice: StateCreator<TroveState, [], [], MediaSlice> = (_set, get) => {
  const keep = (view: AssetView) => {
    get().remember([view])
    return view
  }
  return {
    fetchAsset: async (fileId) => keep(await api.call('assets.get', { id: fileId })),
    editImage: async (input) => keep(await api.call('images.edit', input)),
    setFocusArea: async (fileId, rect) => keep(await api.call('focus.set', { fileId, rect })),
    suggestTags: async (fileId) => (await api.call('extensions.autoTags', { fileId })).suggestions,
    removeBackground: async (input) => keep(await api.call('extensions.removeBackground', input)),
  }
}

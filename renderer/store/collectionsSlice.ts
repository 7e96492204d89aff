import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import type { CollectionView } from '../../shared/views.js'
import type { ResultOf } from '../../shared/contract/index.js'
import { api } from '../api/client.js'
import { selectionInitial } from './selectionSlice.js'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

/**
 * A collection on show in the centre. Opening a folder from it keeps the scope, so what is
 * listed there is known to be reached through a folder added to the collection (docs/permissions.md,
 * what a collection holds).
 */
export interface CollectionScope {
  collectionId: Id
  /** Folders opened from the collection's top, the first one added to it; empty at the top. */
  folderIds: Id[]
}

/** Media collections: the sidebar's list and the collection the centre shows. */
export interface CollectionsSlice {
  /** The collections this user can view (docs/permissions.md: view and search collections), by name. */
  collections: CollectionView[]
  collectionsLoaded: boolean
  collectionScope: CollectionScope | null
  loadCollections(): Promise<void>
  /** Shows the collection's own assets (folders included) in the centre. */
  openCollection(collectionId: Id): Promise<void>
  /** The open collection's listing again, after a change. */
  refreshCollection(): Promise<void>
  /** These throw, so the dialog that asked can show main's refusal next to its fields. */
  createCollection(name: string): Promise<CollectionView>
  renameCollection(collectionId: Id, name: string): Promise<CollectionView>
  deleteCollection(collectionId: Id): Promise<void>
  addToCollections(collectionIds: Id[], assetIds: Id[]): Promise<ResultOf<'collections.addAssets'>>
  removeFromCollection(collectionId: Id, assetIds: Id[]): Promise<ResultOf<'collections.removeAssets'>>
  removeFromCollections(assetId: Id, collectionIds: Id[]): Promise<ResultOf<'collections.removeAssetFromCollections'>>
  /** The collections an asset is in, with what this user may do there. */
  loadAssociations(assetId: Id): Promise<ResultOf<'collections.associations'>>
}

export const collectionsInitial = {
  collections: [],
  collectionsLoaded: false,
  collectionScope: null,
} satisfies Partial<CollectionsSlice>

const byName = (a: CollectionView, b: CollectionView) => a.name.localeCompare(b.name)

/**
 * Where a folder being opened leaves the collection scope: a folder on show inside the
 * collection (the grid) or on its trail (the breadcrumbs) keeps it; anywhere else leaves it.
 */
export function scopeAfterOpening(s: Pick<TroveState, 'collectionScope' | 'itemIds'>, folderId: Id | null): CollectionScope | null {
  const scope = s.collectionScope
  if (!scope || folderId === null) return null
  const at = scope.folderIds.indexOf(folderId)
  if (at >= 0) return { ...scope, folderIds: scope.folderIds.slice(0, at + 1) }
  if (s.itemIds.includes(folderId)) return { ...scope, folderIds: [...scope.folderIds, folderId] }
  return null
}

export const createCollectionsSlice: StateCreator<TroveState, [], [], CollectionsSlice> = (set, get) => {
  onReset(() => set(collectionsInitial))
  /** Only the latest collection listing may fill the centre. */
  let listingRequest = 0

  async function leave(): Promise<void> {
    set({ collectionScope: null })
    await get().startLibrary()
  }

  function put(view: CollectionView): void {
    set((s) => ({ collections: [...s.collections.filter((c) => c.id !== view.id), view].sort(byName) }))
  }

  /** Counts and levels move with every change; the open collection's listing with them. */
  async function afterChange(touched: Id[]): Promise<void> {
    const scope = get().collectionScope
    await Promise.all([
      get().loadCollections(),
      scope && scope.folderIds.length === 0 && touched.includes(scope.collectionId) ? get().refreshCollection() : undefined,
    ])
  }

  const items = (ids: Id[]) => (ids.length === 1 && get().byId[ids[0]] ? `“${get().byId[ids[0]].name}”` : ids.length === 1 ? '1 item' : `${ids.length} items`)
  const collectionNames = (ids: Id[]) => {
    const names = ids.map((id) => get().collections.find((c) => c.id === id)?.name).filter((n): n is string => !!n)
    if (names.length !== ids.length || names.length > 3) return ids.length === 1 ? '1 collection' : `${ids.length} collections`
    const quoted = names.map((n) => `“${n}”`)
    return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
  }
  const stillThere = (n: number) => ` Nothing was deleted from the library.${n === 0 ? '' : ` ${n === 1 ? 'One is' : `${n} are`} still in it through a folder that is.`}`

  return {
    ...collectionsInitial,

    async loadCollections() {
      try {
        const collections = await api.call('collections.list')
        set({ collections, collectionsLoaded: true })
        // The open collection went out of reach (deleted, unshared): back to the folders.
        const scope = get().collectionScope
        if (scope && !collections.some((c) => c.id === scope.collectionId)) await leave()
      } catch (error) {
        get().reportError(error)
      }
    },

    async openCollection(collectionId) {
      const request = ++listingRequest
      set({ collectionScope: { collectionId, folderIds: [] }, folderId: null, trail: [], itemIds: [], listing: 'loading', ...selectionInitial, search: null, screen: 'library' })
      await fill(request, collectionId)
    },

    async refreshCollection() {
      const scope = get().collectionScope
      if (!scope || scope.folderIds.length > 0) return
      await fill(++listingRequest, scope.collectionId, true)
    },

    async createCollection(name) {
      const created = await api.call('collections.create', { name })
      put(created)
      return created
    },

    async renameCollection(collectionId, name) {
      const renamed = await api.call('collections.rename', { collectionId, name })
      put(renamed)
      return renamed
    },

    async deleteCollection(collectionId) {
      await api.call('collections.delete', { collectionId })
      set((s) => ({ collections: s.collections.filter((c) => c.id !== collectionId) }))
      if (get().collectionScope?.collectionId === collectionId) await leave()
    },

    async addToCollections(collectionIds, assetIds) {
      const result = await api.call('collections.addAssets', { collectionIds, assetIds })
      await afterChange(collectionIds)
      const already = result.alreadyThere > 0 ? ` ${result.alreadyThere === 1 ? 'One was' : `${result.alreadyThere} were`} already there.` : ''
      // Undo takes out only what this added: what was there before stays.
      const undo = result.addedPairs.length > 0
        ? async () => {
            const byCollection = new Map<Id, Id[]>()
            for (const p of result.addedPairs) byCollection.set(p.collectionId, [...(byCollection.get(p.collectionId) ?? []), p.assetId])
            for (const [collectionId, ids] of byCollection) await api.call('collections.removeAssets', { collectionId, assetIds: ids })
            await afterChange([...byCollection.keys()])
          }
        : undefined
      get().notify(`Added ${items(assetIds)} to ${collectionNames(collectionIds)}.${already}`, undo)
      return result
    },

    async removeFromCollection(collectionId, assetIds) {
      const result = await api.call('collections.removeAssets', { collectionId, assetIds })
      await afterChange([collectionId])
      get().notify(`Removed ${items(assetIds)} from ${collectionNames([collectionId])}.${stillThere(result.stillReachable.length)}`, async () => {
        await api.call('collections.addAssets', { collectionIds: [collectionId], assetIds })
        await afterChange([collectionId])
      })
      return result
    },

    async removeFromCollections(assetId, collectionIds) {
      const result = await api.call('collections.removeAssetFromCollections', { assetId, collectionIds })
      await afterChange(collectionIds)
      get().notify(`Removed ${items([assetId])} from ${collectionNames(collectionIds)}.${stillThere(result.stillReachable.length)}`, async () => {
        await api.call('collections.addAssets', { collectionIds, assetIds: [assetId] })
        await afterChange(collectionIds)
      })
      return result
    },

    loadAssociations(assetId) {
      return api.call('collections.associations', { assetId })
    },
  }

  async function fill(request: number, collectionId: Id, keepSelection = false): Promise<void> {
    try {
      const assets = await api.call('collections.assets', { collectionId })
      if (request !== listingRequest || get().collectionScope?.collectionId !== collectionId) return
      get().remember(assets)
      const ids = assets.map((a) => a.id)
      const present = new Set(ids)
      set((s) => ({ itemIds: ids, listing: 'ready', selection: keepSelection ? s.selection.filter((id) => present.has(id)) : s.selection }))
    } catch (error) {
      if (request !== listingRequest) return
      const gone = (error as { code?: string }).code === 'NOT_FOUND'
      // Opened by its address: the same answer whether it is missing or not shared with this user.
      if (gone && !keepSelection) return set({ listing: 'missing', itemIds: [], collectionScope: null })
      set({ listing: 'failed', itemIds: [] })
      if (gone) await get().loadCollections()
      else get().reportError(error)
    }
  }
}

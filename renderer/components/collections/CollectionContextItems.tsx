import * as ContextMenu from '@radix-ui/react-context-menu'
import type { AssetView, CollectionView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { RemoveFromCollectionIcon } from '../actionIcons.js'
import { canRemoveFrom } from './collectionActions.js'

/**
 * The collection whose own items the centre shows and the user may remove from (manage on
 * it), or undefined. Removal is offered at the collection's top only: deeper items are in it
 * through a folder.
 */
export function useRemovableCollection(): CollectionView | undefined {
  const collection = useTrove((s) => (s.collectionScope?.folderIds.length === 0 && s.folderId === null && !s.search ? s.collections.find((c) => c.id === s.collectionScope?.collectionId) : undefined))
  return collection && canRemoveFrom(collection) ? collection : undefined
}

/** "Remove from this collection", first in the menu of a collection's items, apart from the rest. */
export function CollectionContextItems({ collection, assets }: { collection: CollectionView; assets: AssetView[] }) {
  return (
    <>
      <ContextMenu.Item
        className="menu-item"
        onSelect={() => useTrove.getState().openDialog({ kind: 'removeFromCollection', collectionId: collection.id, assetIds: assets.map((a) => a.id) })}
      >
        <RemoveFromCollectionIcon size={16} className="menu-icon" />
        <span className="menu-item-label">Remove from this collection…</span>
      </ContextMenu.Item>
      <ContextMenu.Separator className="menu-separator" />
    </>
  )
}

import * as ContextMenu from '@radix-ui/react-context-menu'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { RemoveFromCollectionIcon } from '../actionIcons.js'
import { canRemoveFrom } from './collectionActions.js'

/**
 * Seed: "Navigate into the media collection from where you want to remove assets. Select and
 * right-click ... then click on 'Remove from media collection.'" Offered at the collection's
 * top only (deeper items are in it through a folder) and only at manage on the collection.
 */
export function CollectionContextItems({ assets }: { assets: AssetView[] }) {
  const collection = useTrove((s) => (s.collectionScope?.folderIds.length === 0 && s.folderId === null && !s.search ? s.collections.find((c) => c.id === s.collectionScope?.collectionId) : undefined))
  if (!collection || !canRemoveFrom(collection) || assets.length === 0) return null
  return (
    <>
      <ContextMenu.Separator className="menu-separator" />
      <ContextMenu.Item
        className="menu-item"
        onSelect={() => useTrove.getState().openDialog({ kind: 'removeFromCollection', collectionId: collection.id, assetIds: assets.map((a) => a.id) })}
      >
        <RemoveFromCollectionIcon size={16} className="menu-icon" />
        <span className="menu-item-label">Remove from “{collection.name}”…</span>
      </ContextMenu.Item>
    </>
  )
}

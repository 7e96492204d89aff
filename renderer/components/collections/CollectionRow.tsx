import type { CollectionView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { CollectionIcon } from '../actionIcons.js'
import { itemCount } from '../labels.js'
import { CollectionMenu } from './CollectionMenu.js'
import { useCollectionDrop } from './useCollectionDrop.js'

interface Props {
  collection: CollectionView
  /** The name as the list shows it (with its creator where another collection has the same name). */
  label: string
  current: boolean
  menuOpen: boolean
  onMenu(open: boolean): void
  onAdded(message: string): void
}

/** One collection in the sidebar: opens it, counts what it holds, takes dropped assets, has a menu (also on right-click). */
export function CollectionRow({ collection, label, current, menuOpen, onMenu, onAdded }: Props) {
  const { over, dropProps } = useCollectionDrop(collection, onAdded)
  const count = collection.assetCount
  return (
    <li
      className={`collection-row${current ? ' is-current' : ''}${over ? ' is-drop-target' : ''}${menuOpen ? ' has-menu' : ''}`}
      onContextMenu={(e) => {
        e.preventDefault()
        onMenu(true)
      }}
      {...dropProps}
    >
      <button
        type="button"
        className="collection-open"
        aria-current={current ? 'page' : undefined}
        // One name for every browser: flex items would otherwise be joined with or without spaces.
        aria-label={`${label}, ${itemCount(count)}`}
        onClick={() => void useTrove.getState().openCollection(collection.id)}
      >
        <CollectionIcon size={18} className="collection-icon" />
        <span className="collection-name">{label}</span>
        <span className="collection-count">{count}</span>
      </button>
      <CollectionMenu collection={collection} open={menuOpen} onOpenChange={onMenu} />
    </li>
  )
}

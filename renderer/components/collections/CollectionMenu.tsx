import type { CollectionView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { DownloadIcon, LinkIcon, PencilIcon, TrashIcon } from '../actionIcons.js'
import { copyCollectionLink } from '../../routing/copyLink.js'
import { ShareIcon } from '../icons.js'
import { ACTION_LABELS, collectionActions, type CollectionAction } from './collectionActions.js'
import { RowMenu, type RowMenuItem } from '../RowMenu.js'

const ICONS: Record<CollectionAction, typeof ShareIcon> = { copyLink: LinkIcon, downloadZip: DownloadIcon, share: ShareIcon, rename: PencilIcon, delete: TrashIcon }

/** Carries out a collection action: each opens its dialog (the zip dialog belongs to downloads). */
export function runCollectionAction(action: CollectionAction, collection: CollectionView): void {
  const { openDialog } = useTrove.getState()
  switch (action) {
    case 'copyLink':
      return void copyCollectionLink(collection.id)
    case 'downloadZip':
      return openDialog({ kind: 'downloadZip', collectionId: collection.id })
    case 'share':
      return openDialog({ kind: 'share', resourceId: collection.id, resourceType: 'collection' })
    case 'rename':
      return openDialog({ kind: 'renameCollection', collectionId: collection.id })
    case 'delete':
      return openDialog({ kind: 'deleteCollection', collectionId: collection.id })
  }
}

/**
 * A collection's menu button and menu. Only the actions the collection table allows at the
 * user's level are listed, so a view-only user is offered the zip download alone.
 */
export function CollectionMenu({ collection, open, onOpenChange }: { collection: CollectionView; open: boolean; onOpenChange(open: boolean): void }) {
  const items: RowMenuItem[] = collectionActions(collection).map((a) => ({
    key: a,
    label: ACTION_LABELS[a],
    Icon: ICONS[a],
    danger: a === 'delete',
    run: () => runCollectionAction(a, collection),
  }))
  return <RowMenu label={`Actions for ${collection.name}`} items={items} open={open} onOpenChange={onOpenChange} />
}

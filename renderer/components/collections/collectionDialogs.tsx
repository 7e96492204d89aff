import type { ReactNode } from 'react'
import type { Dialog } from '../../store/index.js'
import { ShareDialog } from '../sharing/ShareDialog.js'
import { AddToCollectionsDialog } from './AddToCollectionsDialog.js'
import { CollectionNameDialog } from './CollectionNameDialog.js'
import { DeleteCollectionDialog } from './DeleteCollectionDialog.js'
import { RemoveFromCollectionDialog } from './RemoveFromCollectionDialog.js'
import { RemoveFromCollectionsDialog } from './RemoveFromCollectionsDialog.js'

/** The collection and sharing dialogs, for the dialog host; null for any other kind. Keys reset a dialog opened for something else. */
export function collectionDialog(dialog: Dialog): ReactNode {
  switch (dialog.kind) {
    case 'addToCollections':
      return <AddToCollectionsDialog key={dialog.assetIds.join()} assetIds={dialog.assetIds} />
    case 'removeFromCollection':
      return <RemoveFromCollectionDialog key={`${dialog.collectionId}:${dialog.assetIds.join()}`} collectionId={dialog.collectionId} assetIds={dialog.assetIds} />
    case 'removeFromCollections':
      return <RemoveFromCollectionsDialog key={dialog.assetId} assetId={dialog.assetId} />
    case 'createCollection':
      return <CollectionNameDialog />
    case 'renameCollection':
      return <CollectionNameDialog key={dialog.collectionId} collectionId={dialog.collectionId} />
    case 'deleteCollection':
      return <DeleteCollectionDialog key={dialog.collectionId} collectionId={dialog.collectionId} />
    case 'share':
      return <ShareDialog key={dialog.resourceId} resourceId={dialog.resourceId} resourceType={dialog.resourceType} />
    default:
      return null
  }
}

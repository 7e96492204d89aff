import type { Id } from '../../../shared/domain.js'
import type { Plain } from '../../store/index.js'
import type { DialogRenderers } from '../dialogs/dialogRenderers.js'
import { AddToCollectionsDialog } from './AddToCollectionsDialog.js'
import { CollectionNameDialog } from './CollectionNameDialog.js'
import { DeleteCollectionDialog } from './DeleteCollectionDialog.js'
import { RemoveFromCollectionDialog } from './RemoveFromCollectionDialog.js'
import { RemoveFromCollectionsDialog } from './RemoveFromCollectionsDialog.js'

declare module '../../store/dialogs.js' {
  interface DialogKinds {
    addToCollections: { assetIds: Id[] }
    removeFromCollections: { assetId: Id }
    removeFromCollection: { collectionId: Id; assetIds: Id[] }
    createCollection: Plain
    renameCollection: { collectionId: Id }
    deleteCollection: { collectionId: Id }
  }
}

/** The collection dialogs, for the dialog host. */
export const collectionDialogs = {
  addToCollections: (d) => <AddToCollectionsDialog key={d.assetIds.join()} assetIds={d.assetIds} />,
  removeFromCollection: (d) => <RemoveFromCollectionDialog key={`${d.collectionId}:${d.assetIds.join()}`} collectionId={d.collectionId} assetIds={d.assetIds} />,
  removeFromCollections: (d) => <RemoveFromCollectionsDialog key={d.assetId} assetId={d.assetId} />,
  createCollection: () => <CollectionNameDialog />,
  renameCollection: (d) => <CollectionNameDialog key={d.collectionId} collectionId={d.collectionId} />,
  deleteCollection: (d) => <DeleteCollectionDialog key={d.collectionId} collectionId={d.collectionId} />,
} satisfies Partial<DialogRenderers>

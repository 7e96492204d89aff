import type { Id } from '../../../shared/domain.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { Refusal } from './Refusal.js'
import { useSubmit } from '../forms/useSubmit.js'

/** Deleting a collection touches no asset (docs/permissions.md): the confirmation says so before anything goes. */
export function DeleteCollectionDialog({ collectionId }: { collectionId: Id }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const collection = useTrove((s) => s.collections.find((c) => c.id === collectionId))
  const name = collection ? `“${collection.name}”` : 'this collection'

  const { busy, error, run } = useSubmit(closeDialog, describeError)
  const submit = () => run(() => useTrove.getState().deleteCollection(collectionId))

  return (
    <Modal title="Delete media collection" onClose={closeDialog}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <p className="dialog-lead">Delete the collection {name}?</p>
        <p className="dialog-reassure">No asset is deleted. {whatStays(collection?.assetCount)} Only the collection and the access it gave go.</p>
        {error && <Refusal error={error} />}
        <div className="modal-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={busy}>
            Delete collection
          </button>
        </div>
      </form>
    </Modal>
  )
}

function whatStays(count: number | undefined): string {
  if (count === 0) return ''
  if (count === 1) return 'The one item in it stays in the library where it is.'
  return `${count === undefined ? 'The files and folders' : `The ${count} items`} in it stay in the library where they are.`
}

import { useEffect, useState } from 'react'
import { LIMITS, type Id } from '../../../shared/domain.js'
import { describeError, type ShownError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { canRemoveFrom } from './collectionActions.js'
import { Refusal } from './Refusal.js'
import { RemovalResult } from './StillReachable.js'
import { namesOf, useAssetViews } from './useAssetViews.js'

/**
 * "Remove from media collection" (docs/permissions.md): inside a collection, for a selection, after a
 * confirmation. Needs manage on the collection; at most 100 assets at once. Only the
 * association goes: the assets stay in the library, and one whose parent folder is in the
 * collection too stays reachable through it, which the dialog then says.
 */
export function RemoveFromCollectionDialog({ collectionId, assetIds }: { collectionId: Id; assetIds: Id[] }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const collection = useTrove((s) => s.collections.find((c) => c.id === collectionId))
  const { assets } = useAssetViews(assetIds)
  const [error, setError] = useState<ShownError | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ removed: number; stillReachable: { assetId: Id; viaAssetId: Id }[] } | null>(null)

  const loaded = useTrove((s) => s.collectionsLoaded)
  const name = collection ? `“${collection.name}”` : 'this collection'
  const allowed = !!collection && canRemoveFrom(collection)

  useEffect(() => {
    // The level decides what is offered; ask for it when the list has not come yet.
    if (!loaded) void useTrove.getState().loadCollections()
  }, [loaded])
  const overLimit = assetIds.length > LIMITS.assetsPerRemove
  const what = assets.length === assetIds.length ? namesOf(assets.map((a) => a.name)) : `${assetIds.length} items`

  const submit = async () => {
    if (!allowed || overLimit || busy) return
    setBusy(true)
    setError(null)
    try {
      const r = await useTrove.getState().removeFromCollection(collectionId, assetIds)
      // The notice says what happened; the dialog stays only to name what is still reachable through a folder.
      if (r.stillReachable.length === 0) closeDialog()
      else setResult(r)
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  if (result) {
    return (
      <Modal title="Remove from media collection" onClose={closeDialog}>
        <RemovalResult
          removed={`Removed ${result.removed === 1 ? '1 item' : `${result.removed} items`} from ${name}.`}
          items={result.stillReachable.map((r) => ({ assetId: r.assetId, viaAssetId: r.viaAssetId }))}
          sentence={(asset, via) => `${asset} is still in ${name} through its parent folder ${via}, which is in the collection.`}
        />
      </Modal>
    )
  }

  return (
    <Modal title="Remove from media collection" onClose={closeDialog}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <p className="dialog-lead">
          Remove {what} from {name}? {assetIds.length === 1 ? 'It stays' : 'They stay'} in the library where {assetIds.length === 1 ? 'it is' : 'they are'}: only the association with the collection goes.
        </p>
        {loaded && !allowed && (
          <p className="field-error" role="alert">
            Removing assets from {name} needs manage access to the collection{collection ? `; you have ${collection.level} access` : ''}.
          </p>
        )}
        {overLimit && (
          <p className="field-error" role="alert">
            {assetIds.length} items are selected; at most {LIMITS.assetsPerRemove} can be removed from a collection at once. Select fewer and try again.
          </p>
        )}
        {error && <Refusal error={error} />}
        <div className="modal-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!allowed || overLimit || busy} data-autofocus>
            Remove
          </button>
        </div>
      </form>
    </Modal>
  )
}

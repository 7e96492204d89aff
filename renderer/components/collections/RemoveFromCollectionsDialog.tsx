import { useEffect, useState } from 'react'
import { LIMITS, type Id } from '../../../shared/domain.js'
import type { AssociationView } from '../../../shared/views.js'
import { describeError, type ShownError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { canRemoveFrom } from './collectionActions.js'
import { CollectionPicker } from './CollectionPicker.js'
import { Refusal } from './Refusal.js'
import { RemovalResult } from './StillReachable.js'
import { useAssetViews } from './useAssetViews.js'

/**
 * Remove an asset from several media collections at once (docs/permissions.md): the collections the asset is directly
 * in and on which the user has manage (docs/permissions.md), at most 100 at once. Collections it is
 * in only through a parent folder are named too, since removing it cannot take it out of those.
 */
export function RemoveFromCollectionsDialog({ assetId }: { assetId: Id }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const { assets } = useAssetViews([assetId])
  const asset = assets[0]
  const [associations, setAssociations] = useState<AssociationView[] | null>(null)
  const [query, setQuery] = useState('')
  const [chosen, setChosen] = useState<Id[]>([])
  const [error, setError] = useState<ShownError | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ removed: string[]; stillReachable: { collectionId: Id; viaAssetId: Id }[] } | null>(null)

  useEffect(() => {
    let live = true
    useTrove.getState().loadAssociations(assetId).then(
      (list) => live && setAssociations(list),
      (e: unknown) => {
        if (!live) return
        setAssociations([])
        setError(describeError(e))
      },
    )
    return () => {
      live = false
    }
  }, [assetId])

  const all = associations ?? []
  const removable = all.filter((a) => a.direct && canRemoveFrom(a.collection)).map((a) => a.collection)
  const notManaged = all.filter((a) => a.direct && !canRemoveFrom(a.collection)).map((a) => a.collection.name)
  const throughParent = all.filter((a) => !a.direct).map((a) => a.collection.name)
  const overLimit = chosen.length > LIMITS.collectionsPerRemove
  const title = asset ? `Remove “${asset.name}” from media collections` : 'Remove from media collections'
  const nameOf = (id: Id) => all.find((a) => a.collection.id === id)?.collection.name ?? 'a collection'

  const submit = async () => {
    if (chosen.length === 0 || overLimit || busy) return
    setBusy(true)
    setError(null)
    try {
      const r = await useTrove.getState().removeFromCollections(assetId, chosen)
      // The notice says what happened; the dialog stays only to name what is still reachable through a folder.
      if (r.stillReachable.length === 0) closeDialog()
      else setResult({ removed: chosen.map(nameOf), stillReachable: r.stillReachable })
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  if (result) {
    return (
      <Modal title={title} onClose={closeDialog}>
        <RemovalResult
          removed={`Removed from ${result.removed.map((n) => `“${n}”`).join(', ')}.`}
          items={result.stillReachable.map((r) => ({ assetId, viaAssetId: r.viaAssetId, key: r.collectionId }))}
          sentence={(a, via, i) => `${a} is still in “${nameOf(result.stillReachable[i].collectionId)}” through its parent folder ${via}, which is in that collection.`}
        />
      </Modal>
    )
  }

  return (
    <Modal title={title} onClose={closeDialog}>
      <form
        className="collections-dialog"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <CollectionPicker
          label="Collections it is directly in that you manage"
          collections={removable}
          loaded={associations !== null}
          query={query}
          onQuery={setQuery}
          chosen={chosen}
          onChosen={setChosen}
          emptyText="It is not directly in any collection you manage."
        />
        {notManaged.length > 0 && (
          <p className="field-hint">
            Also directly in {notManaged.map((n) => `“${n}”`).join(', ')}, where removing needs manage access.
          </p>
        )}
        {throughParent.length > 0 && (
          <p className="field-hint">
            In {throughParent.map((n) => `“${n}”`).join(', ')} through a parent folder: remove that folder to take it out of {throughParent.length === 1 ? 'that collection' : 'those collections'}.
          </p>
        )}
        <p className="field-hint">You can remove an asset from up to {LIMITS.collectionsPerRemove} collections at once.</p>
        {overLimit && (
          <p className="field-error" role="alert">
            {chosen.length} collections are chosen; an asset can be removed from at most {LIMITS.collectionsPerRemove} at once.
          </p>
        )}
        {error && <Refusal error={error} />}
        <div className="modal-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={chosen.length === 0 || overLimit || busy}>
            Remove
          </button>
        </div>
      </form>
    </Modal>
  )
}

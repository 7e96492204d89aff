import { useEffect, useState } from 'react'
import type { Id } from '../../../shared/domain.js'
import { describeError, type ShownError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { checkAddition, LIMIT_SENTENCE } from './additionCheck.js'
import { canAddTo } from './collectionActions.js'
import { CollectionPicker } from './CollectionPicker.js'
import { NewCollectionField } from './NewCollectionField.js'
import { Refusal } from './Refusal.js'
import { namesOf, useAssetViews } from './useAssetViews.js'
import { FormAlert } from '../forms/Field.js'

/**
 * "Add to media collections" (docs/permissions.md, operations on collections): the collections where
 * the user has at least contribute (docs/permissions.md), searchable, several at once, and a new
 * one made on the spot. Assets that cannot be added are named with the reason, and a request
 * over the per-request limit is refused here before anything is sent.
 */
export function AddToCollectionsDialog({ assetIds }: { assetIds: Id[] }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const collections = useTrove((s) => s.collections)
  const loaded = useTrove((s) => s.collectionsLoaded)
  const { assets, missing, loading } = useAssetViews(assetIds)
  const [query, setQuery] = useState('')
  const [chosen, setChosen] = useState<Id[]>([])
  const [error, setError] = useState<ShownError | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    // Levels may have changed since the sidebar loaded them.
    void useTrove.getState().loadCollections()
  }, [])

  const eligible = collections.filter(canAddTo)
  const check = checkAddition(assets, chosen.length)
  const refused = [...check.refused.map((r) => ({ name: r.asset.name, reason: r.reason })), ...missing.map((id) => ({ name: id, reason: 'It no longer exists, or you can no longer see it.' }))]
  const ready = !busy && !loading && chosen.length > 0 && check.addable.length > 0 && !check.overLimit

  const submit = async () => {
    if (!ready) return
    setBusy(true)
    setError(null)
    try {
      await useTrove.getState().addToCollections(chosen, check.addable.map((a) => a.id))
      // The notice says what happened, with Undo: no second dialog to dismiss.
      closeDialog()
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal title="Add to media collections" onClose={closeDialog}>
      <form
        className="collections-dialog"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <p className="dialog-lead">
          {assets.length === 0 && loading ? 'Loading the selection…' : `Adding ${namesOf(assets.map((a) => a.name))}. The assets stay where they are; a collection only groups them.`}
        </p>
        <CollectionPicker
          label="Media collections you can add to"
          collections={eligible}
          loaded={loaded}
          query={query}
          onQuery={setQuery}
          chosen={chosen}
          onChosen={setChosen}
          emptyText="There is no collection you can add to yet. Create one below."
        />
        <NewCollectionField
          initialName={query}
          onCreated={(c) => {
            setQuery('')
            setChosen((ids) => [...ids, c.id])
          }}
        />
        <p className="field-hint">{LIMIT_SENTENCE}</p>
        <FormAlert message={check.overLimit} />
        {refused.length > 0 && (
          <div className="refused" role="group" aria-label="Cannot be added">
            <p className="refused-title">{refused.length === 1 ? 'This one cannot be added:' : `These ${refused.length} cannot be added:`}</p>
            <ul>
              {refused.map((r) => (
                <li key={r.name}>
                  <strong>{r.name}</strong>: {r.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
        {error && <Refusal error={error} />}
        <div className="modal-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!ready}>
            {chosen.length > 1 ? `Add to ${chosen.length} collections` : 'Add to collection'}
          </button>
        </div>
      </form>
    </Modal>
  )
}

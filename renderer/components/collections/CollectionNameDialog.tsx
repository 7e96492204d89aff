import { useId, useState } from 'react'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { collectionNameProblem, MAX_NAME } from './collectionName.js'

/**
 * Create a collection (anyone may: seed "No permission: create new media collection"), or
 * rename one (manage). Problems with the name are shown under the field as they appear; an
 * empty name once the person tries to submit; a duplicate main knows of (CONFLICT) when it answers.
 */
export function CollectionNameDialog({ collectionId }: { collectionId?: string }) {
  const collections = useTrove((s) => s.collections)
  const current = collections.find((c) => c.id === collectionId)
  const userId = useTrove((s) => s.session?.user.id)
  const closeDialog = useTrove((s) => s.closeDialog)
  const [name, setName] = useState(current?.name ?? '')
  const [tried, setTried] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const errorId = useId()
  const renaming = collectionId !== undefined

  const trimmed = name.trim()
  const creatorId = renaming ? current?.createdBy : userId
  const problem = collectionNameProblem(trimmed, collections, creatorId, collectionId)
  const shown = refusal ?? (problem && (tried || trimmed.length > 0) ? problem : null)

  const submit = async () => {
    setTried(true)
    if (problem || busy) return
    if (renaming && trimmed === current?.name) return closeDialog()
    setBusy(true)
    try {
      const store = useTrove.getState()
      if (renaming) await store.renameCollection(collectionId, trimmed)
      else {
        const created = await store.createCollection(trimmed)
        void store.openCollection(created.id)
      }
      closeDialog()
    } catch (e) {
      setRefusal(describeError(e).message)
      setBusy(false)
    }
  }

  return (
    <Modal title={renaming ? 'Rename media collection' : 'New media collection'} onClose={closeDialog}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label className="field">
          <span className="field-label">Name</span>
          <input
            className="input"
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              setRefusal(null)
            }}
            onFocus={(e) => e.currentTarget.select()}
            aria-invalid={shown ? true : undefined}
            aria-describedby={shown ? errorId : undefined}
            autoComplete="off"
          />
        </label>
        {!shown && <p className="field-hint">Up to {MAX_NAME} characters, unique among collections.</p>}
        {shown && (
          <p id={errorId} className="field-error" role="alert">
            {shown}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {renaming ? 'Rename' : 'Create'}
          </button>
        </div>
      </form>
    </Modal>
  )
}

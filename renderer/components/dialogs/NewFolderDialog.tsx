import { useState } from 'react'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { displayName } from '../Breadcrumbs.js'
import { Modal } from './Modal.js'

/** Names are checked by main (docs/architecture.md); its message is shown under the field. */
export function NewFolderDialog() {
  const parent = useTrove((s) => (s.folderId ? s.byId[s.folderId] : undefined))
  const closeDialog = useTrove((s) => s.closeDialog)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await useTrove.getState().createFolder(name)
      closeDialog()
    } catch (e) {
      setError(describeError(e).message)
      setBusy(false)
    }
  }

  return (
    <Modal title="New folder" onClose={closeDialog}>
      <form
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
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'new-folder-error' : undefined}
            autoComplete="off"
            required
          />
        </label>
        {parent && <p className="field-hint">In {displayName(parent)}</p>}
        {error && (
          <p id="new-folder-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || name.length === 0}>
            Create
          </button>
        </div>
      </form>
    </Modal>
  )
}

import { useState } from 'react'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Modal } from './Modal.js'

/** Switching to a user who has a password asks for it (docs/accounts.md); main checks it. */
export function PasswordDialog({ userId }: { userId: string }) {
  const user = useTrove((s) => s.users.find((u) => u.id === userId))
  const closeDialog = useTrove((s) => s.closeDialog)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const name = user?.name ?? 'this user'

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await useTrove.getState().switchUser(userId, password)
      closeDialog()
    } catch (e) {
      setError(describeError(e).message)
      setBusy(false)
    }
  }

  return (
    <Modal title={`Switch to ${name}`} onClose={closeDialog}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label className="field">
          <span className="field-label">{name}'s password</span>
          <input className="input" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" aria-invalid={error ? true : undefined} required />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || password.length === 0}>
            Switch
          </button>
        </div>
      </form>
    </Modal>
  )
}

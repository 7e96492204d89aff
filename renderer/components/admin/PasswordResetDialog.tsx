import { useState } from 'react'
import type { UserView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { Field, FormAlert } from '../forms/Field.js'
import { errorFor, formError, generalError, type FormError } from '../forms/formError.js'

/** A new password for someone, or none at all (then only an administrator can switch to them: docs/accounts.md). */
export function PasswordResetDialog({ user, onClose }: { user: UserView; onClose(): void }) {
  const [password, setPassword] = useState('')
  const [error, setError] = useState<FormError | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (next: string | null) => {
    setBusy(true)
    setError(null)
    try {
      await useTrove.getState().updateUser({ userId: user.id, password: next })
      onClose()
    } catch (e) {
      setError(formError(e))
      setBusy(false)
    }
  }

  return (
    <Modal title={`Password of ${user.name}`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          void save(password)
        }}
      >
        <p className="field-hint">{user.hasPassword ? `${user.name} has a password. Set a new one, or remove it.` : `${user.name} has no password: only an administrator can switch to them, and they cannot sign in.`}</p>
        <Field label="New password" error={errorFor(error, 'password')} hint="At least 8 characters.">
          <input className="input" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </Field>
        <FormAlert message={generalError(error, ['password'])} />
        <div className="modal-actions">
          {user.hasPassword && (
            <button type="button" className="button button-quiet-danger modal-actions-start" disabled={busy} onClick={() => void save(null)}>
              Remove password
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || password.length === 0}>
            Set password
          </button>
        </div>
      </form>
    </Modal>
  )
}

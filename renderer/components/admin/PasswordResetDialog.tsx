import { useState } from 'react'
import type { UserView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { formError } from '../forms/formError.js'
import { NewPasswordField } from '../forms/NewPasswordField.js'
import { useSubmit } from '../forms/useSubmit.js'

/** A new password for someone, or none at all (then only an administrator can switch to them: docs/accounts.md). */
export function PasswordResetDialog({ user, onClose }: { user: UserView; onClose(): void }) {
  const [password, setPassword] = useState('')

  const { busy, error, run } = useSubmit(onClose, formError)
  const save = (next: string | null) => run(() => useTrove.getState().updateUser({ userId: user.id, password: next }))

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
        <NewPasswordField value={password} onChange={setPassword} error={error} />
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

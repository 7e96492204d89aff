import { useState } from 'react'
import { useTrove } from '../../store/index.js'
import { Modal } from './Modal.js'
import { useSubmit } from '../forms/useSubmit.js'
import { FormAlert } from '../forms/Field.js'

/** Switching to a user who has a password asks for it (docs/accounts.md); main checks it. */
export function PasswordDialog({ userId }: { userId: string }) {
  const user = useTrove((s) => s.users.find((u) => u.id === userId))
  const closeDialog = useTrove((s) => s.closeDialog)
  const [password, setPassword] = useState('')
  const name = user?.name ?? 'this user'

  const { busy, error, run } = useSubmit(closeDialog)
  const submit = () => run(() => useTrove.getState().switchUser(userId, password))

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
        <FormAlert message={error} />
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

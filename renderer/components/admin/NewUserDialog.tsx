import { useState } from 'react'
import { ROLES, type Role } from '../../../shared/domain.js'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { Field, FormAlert } from '../forms/Field.js'
import { errorFor, formError, generalError } from '../forms/formError.js'
import { ROLE_LABELS } from '../labels.js'
import { useSubmit } from '../forms/useSubmit.js'

const FIELDS = ['name', 'email', 'role', 'password']

/** A new account; main's reasons (a taken email, a short password) show under the field they are about. */
export function NewUserDialog({ onClose }: { onClose(): void }) {
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('restricted')
  const [password, setPassword] = useState('')

  const { busy, error, run } = useSubmit(onClose, formError)
  const submit = () => run(() => useTrove.getState().createUser({ name: name.trim(), email: email.trim(), role, password: password || undefined }))

  return (
    <Modal title="New user" onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <Field label="Name" error={errorFor(error, 'name')}>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />
        </Field>
        <Field label="Email" error={errorFor(error, 'email')}>
          <input className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" required />
        </Field>
        <Field label="Role" error={errorFor(error, 'role')} hint={role === 'restricted' ? 'Sees only what is shared with them, at the level shared.' : 'May do everything with every asset and collection.'}>
          <select className="select" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Password (optional)" error={errorFor(error, 'password')} hint="Without one, only an administrator can switch to this user, and they cannot sign in.">
          <input className="input" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </Field>
        <FormAlert message={generalError(error, FIELDS)} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !name.trim() || !email.trim()}>
            Create user
          </button>
        </div>
      </form>
    </Modal>
  )
}

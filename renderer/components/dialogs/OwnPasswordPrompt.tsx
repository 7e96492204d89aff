import { useState } from 'react'
import { useTrove } from '../../store/index.js'
import { ownPasswordNeed } from '../../store/people.js'
import { formError } from '../forms/formError.js'
import { NewPasswordField } from '../forms/NewPasswordField.js'
import { Modal } from './Modal.js'
import { useSubmit } from '../forms/useSubmit.js'

/**
 * An administrator without a password is asked for one as soon as the library has a second
 * account: until then anyone at this computer could open the app as them. While every other
 * account is an administrator too the question may be put off; once anyone else is in the
 * library it cannot (docs/accounts.md).
 */
export function OwnPasswordPrompt() {
  const need = useTrove((s) => ownPasswordNeed(s))
  if (!need) return null
  return <OwnPasswordDialog required={need === 'required'} />
}

function OwnPasswordDialog({ required }: { required: boolean }) {
  const me = useTrove((s) => s.session!.user)
  const [password, setPassword] = useState('')
  const skip = () => {
    if (!required) useTrove.getState().skipOwnPassword()
  }

  const { busy, error, run } = useSubmit(undefined, formError)
  const save = () => run(() => useTrove.getState().setOwnPassword(password))

  return (
    <Modal title="Set your password" onClose={skip}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <p className="field-hint">
          {required
            ? `This library now has other people in it. Set a password for ${me.name}, so only you can act as an administrator; anyone else who wants to switch to you will need it.`
            : `This library now has a second account. Set a password for ${me.name}, so that whoever switches to you needs it. You can put this off while every other account is an administrator.`}
        </p>
        <NewPasswordField value={password} onChange={setPassword} error={error} autoFocus />
        <div className="modal-actions">
          {!required && (
            <button type="button" className="button" onClick={skip}>
              Not now
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={busy || password.length === 0}>
            Set password
          </button>
        </div>
      </form>
    </Modal>
  )
}

import { Field, FormAlert } from './Field.js'
import { errorFor, generalError, type FormError } from './formError.js'

/**
 * A new password and what main said of it: its rule under the field, a refusal of the password
 * beside it, any other refusal below (docs/accounts.md). Used where a password is set, for
 * someone else or for oneself.
 */
export function NewPasswordField({ value, onChange, error, autoFocus = false }: { value: string; onChange(value: string): void; error: FormError | null; autoFocus?: boolean }) {
  return (
    <>
      <Field label="New password" error={errorFor(error, 'password')} hint="At least 8 characters.">
        <input className="input" type="password" value={value} onChange={(e) => onChange(e.target.value)} autoComplete="new-password" data-autofocus={autoFocus || undefined} />
      </Field>
      <FormAlert message={generalError(error, ['password'])} />
    </>
  )
}

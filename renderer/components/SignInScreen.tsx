import { useState } from 'react'
import { useTrove } from '../store/index.js'
import { LogoMark } from './icons.js'
import { useSubmit } from './forms/useSubmit.js'
import { FormAlert } from './forms/Field.js'

/** Nobody acts in this session yet (the first admin has a password): sign in, always with a password (docs/accounts.md). */
export function SignInScreen() {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')

  const { busy, error, run } = useSubmit()
  const submit = () => run(() => useTrove.getState().signIn(email, password))

  return (
    <main className="screen">
      <form
        className="screen-card"
        aria-labelledby="sign-in-title"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <LogoMark size={32} />
        <h1 id="sign-in-title">Sign in to Trove</h1>
        <label className="field">
          <span className="field-label">Email</span>
          <input className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" required />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input className="input" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        <FormAlert message={error} />
        <button type="submit" className="button button-primary button-wide" disabled={busy || email.length === 0 || password.length === 0}>
          Sign in
        </button>
      </form>
    </main>
  )
}

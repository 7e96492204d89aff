import { useState } from 'react'
import { describeError } from '../api/errors.js'
import { useTrove } from '../store/index.js'
import { LogoMark } from './icons.js'

/** Nobody acts in this session yet (the first admin has a password): sign in, always with a password (docs/accounts.md). */
export function SignInScreen() {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await useTrove.getState().signIn(email, password)
    } catch (e) {
      setError(describeError(e).message)
      setBusy(false)
    }
  }

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
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary button-wide" disabled={busy || email.length === 0 || password.length === 0}>
          Sign in
        </button>
      </form>
    </main>
  )
}

import { useState } from 'react'
import { describeError } from '../../api/errors.js'

export interface Submit<E> {
  /** True from the moment the form is sent until it fails; a form that succeeded is not sent again. */
  busy: boolean
  /** Why the last try failed, as the form shows it; cleared when it is sent again. */
  error: E | null
  /** Sends the form: runs `action`, then `done` (a dialog closes); a refusal is kept in `error` and the form may be sent again. */
  run(action: () => Promise<unknown>): Promise<void>
}

/**
 * The one action of a form or dialog, with what every such form shows while and after it runs.
 * A refusal reads as main's message unless `describe` says otherwise (`formError` points at a field).
 */
export function useSubmit(done?: () => void): Submit<string>
export function useSubmit<E>(done: (() => void) | undefined, describe: (error: unknown) => E): Submit<E>
export function useSubmit(done?: () => void, describe: (error: unknown) => unknown = (e) => describeError(e).message): Submit<unknown> {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  return {
    busy,
    error,
    async run(action) {
      setBusy(true)
      setError(null)
      try {
        await action()
        done?.()
      } catch (e) {
        setError(describe(e))
        setBusy(false)
      }
    },
  }
}

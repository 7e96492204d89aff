import { useId, type ReactElement, cloneElement } from 'react'

interface Props {
  label: string
  error: string | null
  hint?: string
  /** One input, select or textarea; it is given its id and error wiring here. */
  children: ReactElement<Record<string, unknown>>
}

/** A labelled control with its hint and main's message about it, announced when it appears. */
export function Field({ label, error, hint, children }: Props) {
  const id = useId()
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

/** A failure about the form as a whole. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <p className="field-error" role="alert">
      {message}
    </p>
  )
}

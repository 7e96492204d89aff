import type { ShownError } from '../../api/errors.js'

const TITLES: Partial<Record<ShownError['code'], string>> = {
  LIMIT_EXCEEDED: 'Too many at once.',
  FORBIDDEN: 'Not allowed.',
  CANNOT_LOWER: 'That level is lower than an inherited one.',
  CONFLICT: 'Already taken.',
  NOT_FOUND: 'No longer there.',
}

/** Main's refusal as a person reads it: what kind of refusal, then main's own sentence. */
export function Refusal({ error, children }: { error: ShownError; children?: React.ReactNode }) {
  const title = TITLES[error.code]
  return (
    <div className="field-error refusal" role="alert">
      {title && <strong>{title} </strong>}
      {error.message}
      {children}
    </div>
  )
}

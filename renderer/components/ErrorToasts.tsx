import { useTrove } from '../store/index.js'
import { AlertIcon, CloseIcon } from './icons.js'

/** Errors that belong to no form stay on screen until read and dismissed: nothing fails silently. */
export function ErrorToasts() {
  const errors = useTrove((s) => s.errors)
  const dismiss = useTrove((s) => s.dismissError)
  if (errors.length === 0) return null
  return (
    <div className="toasts">
      {errors.map((e) => (
        <div key={e.id} className="toast" role="alert">
          <AlertIcon size={18} className="toast-icon" />
          <p>{e.message}</p>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(e.id)}>
            <CloseIcon size={16} />
          </button>
        </div>
      ))}
    </div>
  )
}

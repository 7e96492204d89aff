import * as Toast from '@radix-ui/react-toast'
import { useTrove } from '../store/index.js'
import { AlertIcon, CloseIcon } from './icons.js'

/**
 * Errors that belong to no form stay on screen until read and dismissed (nothing fails
 * silently), at most four at once (uiSlice.ts). Radix Toast, in their own corner.
 */
export function ErrorToasts() {
  const errors = useTrove((s) => s.errors)
  const dismiss = useTrove((s) => s.dismissError)
  return (
    <Toast.Provider duration={Infinity} label="Error">
      {errors.map((e) => (
        <Toast.Root key={e.id} type="foreground" className="toast" role="alert" aria-live="off" open onOpenChange={(open) => !open && dismiss(e.id)}>
          <AlertIcon size={18} className="toast-icon" />
          <Toast.Description asChild>
            <p>{e.message}</p>
          </Toast.Description>
          <Toast.Close className="icon-button" aria-label="Dismiss">
            <CloseIcon size={16} />
          </Toast.Close>
        </Toast.Root>
      ))}
      {/* aria-live (off: Radix announces) keeps errors readable while a dialog hides the rest of the page. */}
      <Toast.Viewport className="toasts" label="Errors" hotkey={['altKey', 'F8']} aria-live="off" />
    </Toast.Provider>
  )
}

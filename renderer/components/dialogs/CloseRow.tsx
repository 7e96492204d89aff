import { useTrove } from '../../store/index.js'

/** The way out of a dialog that asks nothing more (a list to look at, a result to read): Close, or Done after a change. */
export function CloseRow({ label = 'Close', primary = false }: { label?: 'Close' | 'Done'; primary?: boolean }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  return (
    <div className="modal-actions">
      <button type="button" className={primary ? 'button button-primary' : 'button'} onClick={closeDialog}>
        {label}
      </button>
    </div>
  )
}

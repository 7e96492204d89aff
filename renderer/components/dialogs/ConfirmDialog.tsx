import { useState, type ReactNode } from 'react'
import { describeError } from '../../api/errors.js'
import { Modal } from './Modal.js'

interface Props {
  title: string
  children: ReactNode
  confirmLabel: string
  /** Destructive actions get a red button. */
  danger?: boolean
  /** Throws to keep the dialog open with main's reason shown in it. */
  onConfirm(): Promise<void>
  onClose(): void
}

/** A question before something that cannot be undone; main's refusal shows inside it. */
export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onClose }: Props) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
      onClose()
    } catch (e) {
      setError(describeError(e).message)
      setBusy(false)
    }
  }
  return (
    <Modal title={title} onClose={onClose}>
      <div className="confirm-body">{children}</div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  )
}

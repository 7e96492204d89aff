import type { ReactNode } from 'react'
import { Modal } from './Modal.js'
import { useSubmit } from '../forms/useSubmit.js'
import { FormAlert } from '../forms/Field.js'

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

/** A question before something that cannot be undone (an alert dialog); main's refusal shows inside it. */
export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onClose }: Props) {
  const { busy, error, run } = useSubmit(onClose)
  const confirm = () => run(() => onConfirm())
  return (
    <Modal title={title} onClose={onClose} alert>
      <div className="confirm-body">{children}</div>
      <FormAlert message={error} />
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

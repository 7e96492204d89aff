import { useId, useState, type ReactNode } from 'react'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Modal } from './Modal.js'

export interface NameDialogProps {
  title: string
  submitLabel: string
  /** The name the field starts with (the current one, when renaming). */
  initial?: string
  /** Under the field while nothing is wrong. */
  hint?: ReactNode
  /**
   * What is wrong with the name as typed, checked as it is typed (shown once something is typed,
   * or on a try to submit). Without it, main alone judges, and the button waits for a name.
   */
  problem?: (name: string) => string | null
  /** Main's answer: a refusal is shown under the field, and the dialog stays. */
  save(name: string): Promise<void>
}

/**
 * One name and a button, for the dialogs that make or rename something by name (a folder, a
 * collection, a smart collection). Main has the last word on every name (docs/names.md); its
 * refusal shows under the field until the name is changed.
 */
export function NameDialog({ title, submitLabel, initial = '', hint, problem: check, save }: NameDialogProps) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const [name, setName] = useState(initial)
  const [tried, setTried] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const errorId = useId()

  const problem = check?.(name) ?? null
  const shown = refusal ?? (problem && (tried || name.trim().length > 0) ? problem : null)

  const submit = async () => {
    setTried(true)
    if (problem || busy) return
    setBusy(true)
    setRefusal(null)
    try {
      await save(name)
      closeDialog()
    } catch (e) {
      setRefusal(describeError(e).message)
      setBusy(false)
    }
  }

  return (
    <Modal title={title} onClose={closeDialog}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label className="field">
          <span className="field-label">Name</span>
          <input
            className="input"
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              setRefusal(null)
            }}
            onFocus={(e) => e.currentTarget.select()}
            aria-invalid={shown ? true : undefined}
            aria-describedby={shown ? errorId : undefined}
            autoComplete="off"
            required
          />
        </label>
        {!shown && hint && <p className="field-hint">{hint}</p>}
        {shown && (
          <p id={errorId} className="field-error" role="alert">
            {shown}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || (!check && name.length === 0)}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  )
}

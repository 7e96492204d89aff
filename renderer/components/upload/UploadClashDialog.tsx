import { useId, useState } from 'react'
import { useTrove } from '../../store/index.js'
import type { UploadClashChoice } from '../../store/uploadSlice.js'
import { Modal } from '../dialogs/Modal.js'
import '../jobs/jobs.css'

const CHOICES: { id: UploadClashChoice; label: string; hint: string }[] = [
  { id: 'keepBoth', label: 'Keep both', hint: 'The uploaded file gets a numbered name beside the existing one.' },
  { id: 'replace', label: 'Replace as a new version', hint: 'The uploaded file becomes the next version of the existing one; earlier versions stay restorable.' },
  { id: 'skip', label: 'Skip', hint: 'The existing file stays as it is and this one is not uploaded.' },
]

/**
 * Asked when an upload, folder upload or drop meets a name already taken: the import's three
 * choices, and (checked unless the user unticks it) the same for every later clash of the batch.
 * Closing it skips the file.
 */
export function UploadClashDialog() {
  const clash = useTrove((s) => s.uploadClash)
  const answer = useTrove((s) => s.answerUploadClash)
  const [choice, setChoice] = useState<UploadClashChoice>('keepBoth')
  const [all, setAll] = useState(true)
  const ids = useId()
  if (!clash) return null
  return (
    <Modal title="This name is already taken" onClose={() => answer('skip', false)} className="modal-medium">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          answer(choice, clash.more > 0 && all)
        }}
      >
        <p>
          “{clash.folderName}” already holds something named “{clash.name}”.
        </p>
        <fieldset className="choice-group">
          <legend>What should happen to “{clash.name}”?</legend>
          {CHOICES.map((c) => (
            <label key={c.id} className="choice">
              <input
                type="radio"
                name="choice"
                value={c.id}
                checked={choice === c.id}
                onChange={() => setChoice(c.id)}
                aria-labelledby={`${ids}-${c.id}`}
                aria-describedby={`${ids}-${c.id}-hint`}
              />
              <span id={`${ids}-${c.id}`}>{c.label}</span>
              <span className="choice-hint" id={`${ids}-${c.id}-hint`}>
                {c.hint}
              </span>
            </label>
          ))}
        </fieldset>
        {clash.more > 0 && (
          <label className="choice-all">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} /> Apply to all other taken names in this upload
          </label>
        )}
        <div className="modal-actions">
          <button type="submit" className="button button-primary">
            Continue
          </button>
        </div>
      </form>
    </Modal>
  )
}

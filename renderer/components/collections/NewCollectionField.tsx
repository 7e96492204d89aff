import { useEffect, useId, useRef, useState } from 'react'
import type { CollectionView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { PlusIcon } from '../actionIcons.js'
import { CloseIcon } from '../icons.js'
import { collectionNameProblem } from './collectionName.js'

/**
 * "You can also create a new media collection through the option given in this popup"
 * (docs/permissions.md). Enter here creates the collection; it does not submit the dialog around it.
 */
export function NewCollectionField({ initialName, onCreated }: { initialName: string; onCreated(c: CollectionView): void }) {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const errorId = useId()
  const inputId = useId()
  const toggle = useRef<HTMLButtonElement>(null)
  const wasOpen = useRef(false)

  // The field goes away under the focus when it closes: focus comes back to what opened it.
  useEffect(() => {
    if (!open && wasOpen.current) toggle.current?.focus()
    wasOpen.current = open
  }, [open])

  if (!open) {
    return (
      <button
        ref={toggle}
        type="button"
        className="button button-quiet button-small new-collection-toggle"
        onClick={() => {
          setName(initialName.trim())
          setError(null)
          setOpen(true)
        }}
      >
        <PlusIcon size={16} /> Create new collection
      </button>
    )
  }

  const create = async () => {
    const trimmed = name.trim()
    const state = useTrove.getState()
    const problem = collectionNameProblem(trimmed, state.collections, state.session?.user.id)
    if (problem) return setError(problem)
    setBusy(true)
    try {
      const created = await useTrove.getState().createCollection(trimmed)
      setOpen(false)
      onCreated(created)
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="new-collection">
      <label className="field-label" htmlFor={inputId}>
        New collection
      </label>
      <div className="new-collection-row">
        <input
          id={inputId}
          className="input"
          value={name}
          autoFocus
          onChange={(e) => {
            setName(e.target.value)
            setError(null)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              void create()
            } else if (e.key === 'Escape') {
              e.stopPropagation()
              setOpen(false)
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          autoComplete="off"
          data-own-escape
        />
        <button type="button" className="button" onClick={() => void create()} disabled={busy}>
          Create
        </button>
        <button type="button" className="icon-button" onClick={() => setOpen(false)} aria-label="Cancel the new collection" title="Cancel">
          <CloseIcon size={16} />
        </button>
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

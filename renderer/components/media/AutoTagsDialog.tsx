import { useEffect, useState } from 'react'
import type { Id } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { ImageDialogFrame } from './ImageDialogFrame.js'
import { useSubmit } from '../forms/useSubmit.js'
import { FormAlert } from '../forms/Field.js'

/** Add auto tags (issue 7): main only suggests; nothing changes until the user adds the ones they choose. */
export function AutoTagsDialog({ fileId }: { fileId: Id }) {
  return (
    <ImageDialogFrame fileId={fileId} title="Add auto tags" operation="autoTags" className="modal-medium">
      {(asset) => <AutoTags asset={asset} />}
    </ImageDialogFrame>
  )
}

type Load = { at: 'loading' } | { at: 'ready'; suggestions: string[] } | { at: 'failed'; message: string }

function AutoTags({ asset }: { asset: AssetView }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const [load, setLoad] = useState<Load>({ at: 'loading' })
  const [chosen, setChosen] = useState<Set<string>>(new Set())

  useEffect(() => {
    let alive = true
    useTrove
      .getState()
      .suggestTags(asset.id)
      .then(
        (suggestions) => alive && setLoad({ at: 'ready', suggestions }),
        (e) => alive && setLoad({ at: 'failed', message: describeError(e).message }),
      )
    return () => {
      alive = false
    }
  }, [asset.id])

  const { busy, error, run } = useSubmit(closeDialog)
  const add = (tags: string[]) => run(() => useTrove.getState().addTags([asset.id], tags))

  const toggle = (tag: string) =>
    setChosen((c) => {
      const next = new Set(c)
      if (next.has(tag)) next.delete(tag)
      else next.add(tag)
      return next
    })

  const suggestions = load.at === 'ready' ? load.suggestions : []
  // In the order main suggested them, whatever order they were ticked in.
  const selected = suggestions.filter((t) => chosen.has(t))
  return (
    <>
      {load.at === 'loading' && (
        <p className="dialog-status" role="status">
          Looking at “{asset.name}”…
        </p>
      )}
      {load.at === 'failed' && (
        <p className="field-error" role="alert">
          {load.message}
        </p>
      )}
      {load.at === 'ready' && suggestions.length === 0 && <p className="media-notice">There is nothing new to suggest for “{asset.name}”: it already has every tag its content suggests.</p>}
      {suggestions.length > 0 && (
        <fieldset className="chip-set">
          <legend>Suggested from the image itself. Choose the ones to add to “{asset.name}”.</legend>
          {suggestions.map((tag) => (
            <label key={tag} className="tag-chip">
              <input type="checkbox" checked={chosen.has(tag)} onChange={() => toggle(tag)} />
              <span>{tag}</span>
            </label>
          ))}
        </fieldset>
      )}
      <FormAlert message={error} />
      <div className="modal-actions">
        <button type="button" className="button" onClick={closeDialog}>
          Cancel
        </button>
        {suggestions.length > 0 && (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => void add(suggestions)}>
              Add all
            </button>
            <button type="button" className="button button-primary" disabled={busy || selected.length === 0} onClick={() => void add(selected)}>
              {selected.length > 0 ? `Add ${selected.length} selected` : 'Add selected'}
            </button>
          </>
        )}
      </div>
    </>
  )
}

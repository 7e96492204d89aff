import { useId, useState } from 'react'
import type { Id } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { CloseIcon } from '../icons.js'
import { can } from './can.js'
import { Section } from './Section.js'

/** Tags: shown to everyone who can view; added and removed with contribute (docs/permissions.md). */
export function TagsSection({ asset }: { asset: AssetView }) {
  return (
    <Section title="Tags">
      <TagEditor ids={[asset.id]} tags={asset.tags ?? []} editable={can(asset, 'editTags')} removable={can(asset, 'removeTags')} />
    </Section>
  )
}

/** Also used for several files at once, where the tags shown are the ones they all share. */
export function TagEditor({ ids, tags, editable, removable }: { ids: Id[]; tags: string[]; editable: boolean; removable: boolean }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()

  const run = async (work: () => Promise<void>) => {
    setError(null)
    try {
      await work()
      return true
    } catch (e) {
      setError(describeError(e).message)
      return false
    }
  }
  const add = async () => {
    // Commas separate several tags typed at once.
    const wanted = text.split(',').map((t) => t.trim()).filter(Boolean)
    if (wanted.length === 0) return
    if (await run(() => useTrove.getState().addTags(ids, wanted))) setText('')
  }

  return (
    <>
      {tags.length === 0 ? (
        <p className="details-muted">No tags yet.</p>
      ) : (
        <ul className="tags" aria-label="Tags">
          {tags.map((t) => (
            <li key={t} className="tag">
              <span>{t}</span>
              {removable && (
                <button type="button" className="tag-remove" aria-label={`Remove tag ${t}`} onClick={() => void run(() => useTrove.getState().removeTags(ids, [t]))}>
                  <CloseIcon size={12} />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            void add()
          }}
        >
          <input
            className="input input-small"
            aria-label="New tag"
            placeholder="Add a tag"
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button button-small" disabled={text.trim() === ''}>
            Add
          </button>
        </form>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  )
}

import { useId, useState } from 'react'
import type { AssetView, CommentView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { can } from './can.js'
import { CommentItem } from './CommentItem.js'
import { Section } from './Section.js'

/** Comments: read with view; written, edited and deleted with contribute (docs/permissions.md). */
export function CommentsSection({ asset, comments }: { asset: AssetView; comments: CommentView[] | null }) {
  const editable = can(asset, 'editComments')
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const errorId = useId()

  const add = async () => {
    setBusy(true)
    setError(null)
    try {
      await useTrove.getState().addComment(asset.id, text.trim())
      setText('')
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title={comments && comments.length > 0 ? `Comments (${comments.length})` : 'Comments'}>
      {comments === null ? (
        <p className="details-muted" role="status">
          Loading comments…
        </p>
      ) : comments.length === 0 ? (
        <p className="details-muted">No comments yet.</p>
      ) : (
        <ol className="comments" aria-label="Comments">
          {comments.map((c) => (
            <CommentItem key={c.id} comment={c} editable={editable} />
          ))}
        </ol>
      )}
      {editable && (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault()
            void add()
          }}
        >
          <textarea
            className="textarea"
            aria-label="New comment"
            placeholder="Write a comment"
            rows={2}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Ctrl/Cmd+Enter sends, as in most comment boxes; Enter alone makes a new line.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault()
                void add()
              }
            }}
          />
          <button type="submit" className="button button-small" disabled={busy || text.trim() === ''}>
            Comment
          </button>
        </form>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </Section>
  )
}

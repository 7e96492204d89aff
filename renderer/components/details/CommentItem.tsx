import { useState } from 'react'
import type { CommentView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Avatar } from '../Avatar.js'
import { formatDateTime } from '../labels.js'
import { FormAlert } from '../forms/Field.js'

/** One comment; with contribute it can be edited in place or deleted. */
export function CommentItem({ comment, editable }: { comment: CommentView; editable: boolean }) {
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(comment.text)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)

  const run = async (work: () => Promise<void>) => {
    setError(null)
    try {
      await work()
      setEditing(false)
      setConfirming(false)
    } catch (e) {
      setError(describeError(e).message)
    }
  }

  return (
    <li className="comment" aria-label={`Comment by ${comment.authorName}`}>
      <div className="comment-head">
        <Avatar id={comment.authorId} name={comment.authorName} size={22} />
        <span className="comment-author">{comment.authorName}</span>
        <span className="comment-time">
          {formatDateTime(comment.createdAt)}
          {comment.updatedAt > comment.createdAt && ' · edited'}
        </span>
      </div>
      {editing ? (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault()
            void run(() => useTrove.getState().editComment(comment.id, text.trim()))
          }}
        >
          <textarea className="textarea" aria-label="Edit comment" rows={3} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
          <div className="comment-actions">
            <button type="button" className="button button-small" onClick={() => (setEditing(false), setText(comment.text), setError(null))}>
              Cancel
            </button>
            <button type="submit" className="button button-small button-primary" disabled={text.trim() === ''}>
              Save
            </button>
          </div>
        </form>
      ) : (
        <p className="comment-text">{comment.text}</p>
      )}
      {editable && !editing && (
        <div className="comment-actions">
          {confirming ? (
            <>
              <span className="comment-confirm">Delete this comment?</span>
              <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
                Keep
              </button>
              <button type="button" className="button button-small button-danger" onClick={() => void run(() => useTrove.getState().deleteComment(comment.id))}>
                Delete
              </button>
            </>
          ) : (
            <>
              <button type="button" className="link-button" onClick={() => setEditing(true)}>
                Edit
              </button>
              <button type="button" className="link-button" onClick={() => setConfirming(true)}>
                Delete
              </button>
            </>
          )}
        </div>
      )}
      <FormAlert message={error} />
    </li>
  )
}

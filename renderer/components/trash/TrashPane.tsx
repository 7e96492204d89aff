import { useEffect, useRef, useState } from 'react'
import type { TrashItemView } from '../../../shared/views.js'
import { hasRendition } from '../../../shared/mediaKinds.js'
import { fileUrl } from '../../store/platform.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js'
import { FileIcon, FolderIcon } from '../icons.js'
import { formatBytes, formatDate, itemCount } from '../labels.js'
import { FormAlert } from '../forms/Field.js'

/** Items the trash shows before "Show more". */
export const TRASH_PAGE = 100

type Asking = { kind: 'purge'; item: TrashItemView } | { kind: 'empty' } | null

/**
 * The trash (docs/trash.md): what was deleted, where from, by whom and until when it is
 * kept. Restore puts an item back where it was; deleting for good asks first.
 */
export function TrashPane() {
  const items = useTrove((s) => s.trashItems)
  const status = useTrove((s) => s.trashStatus)
  const [asking, setAsking] = useState<Asking>(null)
  const [error, setError] = useState<string | null>(null)
  // A long trash is shown a page at a time, so a purge of thousands does not fill the page at once.
  const [shown, setShown] = useState(TRASH_PAGE)
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    heading.current?.focus()
  }, [])

  const restore = async (item: TrashItemView) => {
    setError(null)
    try {
      await useTrove.getState().restoreFromTrash([item.id])
    } catch (e) {
      setError(describeError(e).message)
    }
  }

  return (
    <main className="content trash-pane" aria-label="Trash">
      <div className="content-header">
        <h2 className="trash-title" ref={heading} tabIndex={-1}>
          Trash
        </h2>
        <button type="button" className="button button-danger" disabled={items.length === 0} onClick={() => setAsking({ kind: 'empty' })}>
          Empty trash…
        </button>
      </div>
      <p className="trash-lead">Deleted files and folders stay here until they are deleted for good, by hand or when their time is up.</p>
      <FormAlert message={error} />
      {status === 'loading' && items.length === 0 && <p className="content-status">Loading…</p>}
      {status === 'ready' && items.length === 0 && <p className="content-status">The trash is empty.</p>}
      {items.length > 0 && (
        <ul className="trash-list" aria-label="Deleted items">
          {items.slice(0, shown).map((item) => (
            <li key={item.id} className="trash-row">
              <span className="trash-icon" aria-hidden="true">
                {hasRendition(item.mime) && item.currentVersion ? (
                  <img className="trash-thumb" src={fileUrl('thumb', item.id, item.currentVersion)} alt="" loading="lazy" />
                ) : item.kind === 'folder' ? (
                  <FolderIcon size={20} />
                ) : (
                  <FileIcon size={20} />
                )}
              </span>
              <span className="trash-name">
                <strong>{item.name}</strong>
                <span className="trash-meta">
                  {item.fromPath ? `from ${item.fromPath} · ` : ''}
                  deleted by {item.trashedBy.name} on {formatDate(item.trashedAt)}
                  {item.kind === 'folder' ? ` · ${itemCount(item.count - 1)} inside` : ''} · {formatBytes(item.bytes)} · kept until {formatDate(item.purgeAt)}
                </span>
              </span>
              <button type="button" className="button" aria-label={`Restore ${item.name}`} onClick={() => void restore(item)}>
                Restore
              </button>
              <button type="button" className="button" aria-label={`Delete ${item.name} for good`} onClick={() => setAsking({ kind: 'purge', item })}>
                Delete for good…
              </button>
            </li>
          ))}
        </ul>
      )}
      {items.length > shown && (
        <div className="trash-more">
          <span className="content-status">
            Showing {shown.toLocaleString()} of {items.length.toLocaleString()}.
          </span>{' '}
          <button type="button" className="button" onClick={() => setShown((n) => n + TRASH_PAGE)}>
            Show {Math.min(TRASH_PAGE, items.length - shown).toLocaleString()} more
          </button>
        </div>
      )}
      {asking?.kind === 'purge' && (
        <ConfirmDialog
          title={`Delete “${asking.item.name}” for good?`}
          confirmLabel="Delete for good"
          danger
          onConfirm={() => useTrove.getState().purgeFromTrash([asking.item.id])}
          onClose={() => setAsking(null)}
        >
          <p>
            {asking.item.kind === 'folder' ? `The folder and the ${itemCount(asking.item.count - 1)} in it are` : 'It is'} destroyed, with every version,
            comment and share. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
      {asking?.kind === 'empty' && (
        <ConfirmDialog title="Empty the trash?" confirmLabel="Empty trash" danger onConfirm={() => useTrove.getState().emptyTrash()} onClose={() => setAsking(null)}>
          <p>{items.length === 1 ? 'The item in the trash is' : `All ${items.length} items in the trash are`} destroyed for good. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </main>
  )
}

/** The sidebar's way to the trash. */
export function TrashEntry() {
  const current = useTrove((s) => s.screen === 'trash')
  return (
    <button
      type="button"
      className={`sidebar-entry${current ? ' is-current' : ''}`}
      aria-current={current ? 'page' : undefined}
      onClick={() => void useTrove.getState().openTrash()}
    >
      Trash
    </button>
  )
}

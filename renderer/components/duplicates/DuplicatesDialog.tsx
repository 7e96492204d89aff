import { useEffect, useState } from 'react'
import { fileUrl } from '../../store/platform.js'
import type { Id } from '../../../shared/domain.js'
import type { AssetView, DuplicateReport, SimilarMatch } from '../../../shared/views.js'
import { hasRendition } from '../../../shared/mediaKinds.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { formatBytes } from '../labels.js'
import { CloseRow } from '../dialogs/CloseRow.js'

type Load<T> = { at: 'loading' } | { at: 'ready'; value: T } | { at: 'failed'; message: string }

function useLoad<T>(load: () => Promise<T>, key: string): Load<T> {
  const [state, setState] = useState<Load<T>>({ at: 'loading' })
  useEffect(() => {
    let alive = true
    setState({ at: 'loading' })
    load().then(
      (value) => alive && setState({ at: 'ready', value }),
      (e) => alive && setState({ at: 'failed', message: describeError(e).message }),
    )
    return () => {
      alive = false
    }
  }, [key])
  return state
}

/** One file in a group: its thumbnail where it has one, its path, its size; a click selects it in its folder. */
function FileRow({ file, note }: { file: AssetView; note?: string }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const show = () => {
    const s = useTrove.getState()
    closeDialog()
    if (file.parentId) void s.openFolder(file.parentId)
  }
  return (
    <li className="duplicate-file">
      {hasRendition(file.mime) ? <img className="duplicate-thumb" src={fileUrl('thumb', file.id, file.currentVersion)} alt="" loading="lazy" /> : <span className="duplicate-thumb" />}
      <button type="button" className="link-button duplicate-path" title={`Show ${file.path} in its folder`} onClick={show} disabled={!file.parentId}>
        {file.path}
      </button>
      <span className="duplicate-meta">
        {formatBytes(file.size ?? 0)}
        {note ? ` · ${note}` : ''}
      </span>
    </li>
  )
}

function Groups({ title, groups, empty }: { title: string; groups: { files: AssetView[] }[]; empty: string }) {
  return (
    <section aria-label={title} className="duplicate-section">
      <h3>{title}</h3>
      {groups.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        groups.map((g) => (
          <ul key={g.files.map((f) => f.id).join()} className="duplicate-group">
            {g.files.map((f) => (
              <FileRow key={f.id} file={f} />
            ))}
          </ul>
        ))
      )}
    </section>
  )
}

/** "Find duplicates": same content, and pictures that look the same, among what the user can view. */
export function DuplicatesDialog({ folderId }: { folderId?: Id }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const load = useLoad<DuplicateReport>(() => useTrove.getState().findDuplicates(folderId), folderId ?? '')
  return (
    <Modal title="Find duplicates" onClose={closeDialog} className="modal-medium">
      {load.at === 'loading' && <p role="status">Comparing files…</p>}
      {load.at === 'failed' && <p role="alert">{load.message}</p>}
      {load.at === 'ready' && (
        <div className="duplicates">
          <Groups title="Same content" groups={load.value.sameContent} empty="No two files have the same content." />
          <Groups title="Look the same" groups={load.value.lookAlike} empty="No pictures look the same." />
        </div>
      )}
      <CloseRow />
    </Modal>
  )
}

const likeness = (m: SimilarMatch) => (m.sameContent ? 'same content' : m.distance === 0 ? 'looks identical' : `${m.distance} of 64 bits differ`)

/** "Similar images" for one file. */
export function SimilarDialog({ fileId }: { fileId: Id }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const load = useLoad<{ matches: SimilarMatch[] }>(() => useTrove.getState().findSimilar(fileId), fileId)
  return (
    <Modal title="Similar images" onClose={closeDialog} className="modal-medium">
      {load.at === 'loading' && <p role="status">Comparing pictures…</p>}
      {load.at === 'failed' && <p role="alert">{load.message}</p>}
      {load.at === 'ready' &&
        (load.value.matches.length === 0 ? (
          <p className="muted">No other picture you can see looks like this one.</p>
        ) : (
          <ul className="duplicate-group" aria-label="Similar images">
            {load.value.matches.map((m) => (
              <FileRow key={m.file.id} file={m.file} note={likeness(m)} />
            ))}
          </ul>
        ))}
      <CloseRow />
    </Modal>
  )
}

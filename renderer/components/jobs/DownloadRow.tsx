import { useState } from 'react'
import { isDesktop } from '../../store/platform.js'
import type { DownloadView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { formatBytes, formatDateTime } from '../labels.js'
import { JobProgress } from './JobProgress.js'
import { STATE_LABELS } from './jobText.js'
import { FormAlert } from '../forms/Field.js'

const files = (n: number) => (n === 1 ? '1 file' : `${n.toLocaleString()} files`)

/**
 * One past or running download. Finished ones can leave the list; on the desktop the zip's
 * file can be shown in the file manager or deleted too (a browser's download is the
 * browser's file, out of our reach).
 */
export function DownloadRow({ download }: { download: DownloadView }) {
  const job = useTrove((s) => (download.jobId ? s.jobsById[download.jobId] : undefined))
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const finished = download.state !== 'running' && download.state !== 'queued'

  const remove = async (deleteFile: boolean) => {
    setBusy(true)
    setError(null)
    try {
      await useTrove.getState().removeDownload(download.id, deleteFile)
    } catch (e) {
      setError(describeError(e).message)
      setBusy(false)
    }
  }

  const show = async () => {
    setError(null)
    try {
      await useTrove.getState().showDownload(download.id)
    } catch (e) {
      setError(describeError(e).message)
    }
  }

  const meta = [files(download.fileCount), download.state === 'done' ? formatBytes(download.bytes) : null, formatDateTime(download.finishedAt ?? download.createdAt)]
  return (
    <li className="download-row" aria-label={download.name} data-state={download.state}>
      <div className="job-head">
        <span className="job-title">{download.name}</span>
        <span className={`state-chip state-${download.state}`}>{STATE_LABELS[download.state]}</span>
      </div>
      <p className="download-meta">{meta.filter(Boolean).join(' · ')}</p>
      {isDesktop() && <p className="download-path" title={download.destPath}>{download.destPath}</p>}
      {download.state === 'failed' && download.error && <p className="job-error">{download.error}</p>}
      {!finished && job && <JobProgress job={job} label={`Progress of ${download.name}`} />}
      <FormAlert message={error} />
      {finished && !confirmDelete && (
        <div className="row-actions">
          <button type="button" className="button button-small" aria-label={`Remove ${download.name} from the list`} disabled={busy} onClick={() => void remove(false)}>
            Remove from list
          </button>
          {isDesktop() && download.state === 'done' && (
            <>
              <button type="button" className="button button-small" aria-label={`Show ${download.name} in its folder`} onClick={() => void show()}>
                Show in folder
              </button>
              <button type="button" className="button button-small" aria-label={`Delete the file of ${download.name}`} disabled={busy} onClick={() => setConfirmDelete(true)}>
                Delete file…
              </button>
            </>
          )}
        </div>
      )}
      {confirmDelete && (
        <div className="row-confirm" role="group" aria-label={`Delete the file of ${download.name}?`}>
          <p>Delete {download.destPath} from the disk and remove it from the list?</p>
          <div className="row-actions">
            <button type="button" className="button button-small" onClick={() => setConfirmDelete(false)} disabled={busy}>
              Keep it
            </button>
            <button type="button" className="button button-small button-danger" onClick={() => void remove(true)} disabled={busy}>
              Delete file
            </button>
          </div>
        </div>
      )}
    </li>
  )
}

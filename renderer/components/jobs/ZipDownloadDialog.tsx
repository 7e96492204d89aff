import { useEffect, useState } from 'react'
import { isDesktop } from '../../store/platform.js'
import type { ResultOf } from '../../../shared/contract/index.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import type { ZipTarget } from '../../store/jobsSlice.js'
import { Modal } from '../dialogs/Modal.js'
import { formatBytes } from '../labels.js'
import { startBrowserDownload, zipUrl } from './zipRequest.js'
import './jobs.css'

type Plan = ResultOf<'downloads.plan'>
type Stage = { at: 'planning' } | { at: 'confirm'; plan: Plan } | { at: 'empty' } | { at: 'saving'; name: string } | { at: 'failed'; message: string }

const files = (n: number) => (n === 1 ? '1 file' : `${n.toLocaleString()} files`)

/**
 * Download as zip (issue 6): main says first what the zip would hold; one of more than
 * 10,000 files or 10 GB is confirmed. The desktop writes it where the save dialog says, with
 * progress in the jobs panel; a browser downloads it from the HTTP route. The zip's name is
 * the one main gives it (the item's, the collection's, or a count).
 */
export function ZipDownloadDialog({ target }: { target: ZipTarget }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const [stage, setStage] = useState<Stage>({ at: 'planning' })

  const proceed = async ({ name }: Plan, alive: () => boolean) => {
    const { notify, startZipDownload, chooseZipPath } = useTrove.getState()
    // The jobs panel opens only when asked for: the dialog closes and a notice says where progress is.
    if (!isDesktop()) {
      startBrowserDownload(zipUrl(target), name)
      closeDialog()
      return notify(`Downloading ${name}. Its progress is under Downloads and jobs in the top bar.`)
    }
    setStage({ at: 'saving', name })
    try {
      const chosen = await chooseZipPath(name)
      if (!alive()) return
      if (!chosen) return closeDialog()
      void startZipDownload(target, chosen)
      closeDialog()
      notify(`Making ${name}. Its progress is under Downloads and jobs in the top bar.`)
    } catch (e) {
      if (alive()) setStage({ at: 'failed', message: describeError(e).message })
    }
  }

  useEffect(() => {
    let alive = true
    useTrove.getState().planZip(target).then(
      (plan) => {
        if (!alive) return
        if (plan.fileCount === 0) setStage({ at: 'empty' })
        else if (plan.needsConfirmation) setStage({ at: 'confirm', plan })
        else void proceed(plan, () => alive)
      },
      (e) => alive && setStage({ at: 'failed', message: describeError(e).message }),
    )
    return () => {
      alive = false
    }
    // Planned once: the target is fixed for the dialog's life.
  }, [])

  return (
    <Modal title="Download as zip" onClose={closeDialog}>
      {stage.at === 'planning' && (
        <p className="dialog-status" role="status">
          Counting what the zip will hold…
        </p>
      )}
      {stage.at === 'saving' && (
        <p className="dialog-status" role="status">
          Choose where to save {stage.name}.
        </p>
      )}
      {stage.at === 'empty' && <p>There is nothing in this selection you can download: it holds no files you can view.</p>}
      {stage.at === 'failed' && (
        <p className="field-error" role="alert">
          {stage.message}
        </p>
      )}
      {stage.at === 'confirm' && (
        <div className="confirm-large">
          <p>
            <strong>{stage.plan.name}</strong> will hold {files(stage.plan.fileCount)} ({formatBytes(stage.plan.bytes)}).
          </p>
          <p className="field-hint">Downloads of more than 10,000 files or 10 GB take a while and need that much free disk space. Download anyway?</p>
        </div>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={closeDialog}>
          {stage.at === 'confirm' || stage.at === 'planning' || stage.at === 'saving' ? 'Cancel' : 'Close'}
        </button>
        {stage.at === 'confirm' && (
          <button type="button" className="button button-primary" onClick={() => void proceed(stage.plan, () => true)}>
            Download {formatBytes(stage.plan.bytes)}
          </button>
        )}
      </div>
    </Modal>
  )
}

import { useState } from 'react'
import { fileUrl } from '../../store/platform.js'
import type { Id } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { useJob } from '../../store/jobSelectors.js'
import { isActive, newJobId } from '../../store/jobsSlice.js'
import { JobProgress } from '../jobs/JobProgress.js'
import { ImageDialogFrame } from './ImageDialogFrame.js'
import { SaveAsFields, derivedName, saveAsInput, type SaveAsChoice } from './SaveAsFields.js'
import '../jobs/jobs.css'

/** Remove background (issue 7): a transparent PNG made offline in main, as a job that can be cancelled. */
export function RemoveBackgroundDialog({ fileId }: { fileId: Id }) {
  return (
    <ImageDialogFrame fileId={fileId} title="Remove background" operation="removeBackground" className="modal-medium">
      {(asset) => <RemoveBackground asset={asset} />}
    </ImageDialogFrame>
  )
}

type Stage =
  | { at: 'choose' }
  | { at: 'running' }
  | { at: 'done'; result: AssetView }
  | { at: 'cancelled' }
  | { at: 'failed'; message: string }
  /** The model found no subject: nothing was saved, and the user decides whether an empty picture is wanted. */
  | { at: 'empty'; message: string }

function RemoveBackground({ asset }: { asset: AssetView }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const defaultName = derivedName(asset.name, 'no background', 'png')
  const [saveAs, setSaveAs] = useState<SaveAsChoice>({ as: 'version' })
  const [stage, setStage] = useState<Stage>({ at: 'choose' })
  // The id our job was asked to take, so its progress is told from others' (a new one each try).
  const [jobId, setJobId] = useState<Id | null>(null)
  const job = useJob(stage.at === 'running' ? jobId : null)

  const run = async (saveIfEmpty = false) => {
    const id = newJobId()
    setJobId(id)
    setStage({ at: 'running' })
    try {
      const result = await useTrove.getState().removeBackground({ fileId: asset.id, saveAs: saveAsInput(saveAs), jobId: id, ...(saveIfEmpty ? { saveIfEmpty } : {}) })
      setStage({ at: 'done', result })
    } catch (e) {
      const error = e as { code?: string; details?: { fullyTransparent?: boolean } }
      if (error.code === 'CANCELLED') setStage({ at: 'cancelled' })
      else if (error.details?.fullyTransparent) setStage({ at: 'empty', message: describeError(e).message })
      else setStage({ at: 'failed', message: describeError(e).message })
    }
  }

  if (stage.at === 'empty') {
    return (
      <>
        <p className="field-error" role="alert">
          {stage.message}
        </p>
        <p className="field-hint">Saving it anyway runs the model again and keeps a picture with nothing visible in it{saveAs.as === 'version' ? `, as the current version of “${asset.name}” (the original stays among its versions)` : ''}.</p>
        <div className="modal-actions">
          <button type="button" className="button" onClick={() => void run(true)}>
            Save anyway
          </button>
          <button type="button" className="button button-primary" onClick={closeDialog} autoFocus>
            Keep the original
          </button>
        </div>
      </>
    )
  }

  if (stage.at === 'choose') {
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void run()
        }}
      >
        <div className="media-intro">
          <img className="media-thumb" src={fileUrl('thumb', asset.id, asset.currentVersion)} alt="" />
          <p className="media-notice">The background of “{asset.name}” is made transparent by a model that runs on this computer. It takes a few seconds; the result is a PNG.</p>
        </div>
        <SaveAsFields value={saveAs} onChange={setSaveAs} fileName={asset.name} defaultName={defaultName} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saveAs.as === 'file' && !saveAs.name.trim()}>
            Remove background
          </button>
        </div>
      </form>
    )
  }

  if (stage.at === 'running') {
    return (
      <>
        <p className="running-what">Cutting the subject of “{asset.name}” out of its background. The model is loaded first, then it works on the picture.</p>
        <JobProgress job={job} label="Background removal progress" />
        <p className="field-hint">You can close this window: the work goes on, and the jobs panel shows it.</p>
        <div className="modal-actions">
          <button type="button" className="button" disabled={!job || !isActive(job)} onClick={() => job && void useTrove.getState().cancelJob(job.id)}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={closeDialog} autoFocus>
            Hide
          </button>
        </div>
      </>
    )
  }

  return (
    <>
      {stage.at === 'done' && (
        <div className="bg-result">
          <div className="checkerboard">
            <img src={fileUrl('preview', stage.result.id, stage.result.currentVersion)} alt={`${stage.result.name} without its background`} />
          </div>
          <p role="status">
            {stage.result.id === asset.id ? `Saved as version ${stage.result.currentVersion} of “${stage.result.name}”.` : `Saved as the new file “${stage.result.name}”.`}
          </p>
        </div>
      )}
      {stage.at === 'cancelled' && <p role="status">Cancelled. Nothing was saved.</p>}
      {stage.at === 'failed' && (
        <p className="field-error" role="alert">
          {stage.message}
        </p>
      )}
      <div className="modal-actions">
        {stage.at === 'failed' && (
          <button type="button" className="button" onClick={() => setStage({ at: 'choose' })}>
            Try again
          </button>
        )}
        <button type="button" className="button button-primary" onClick={closeDialog} autoFocus>
          {stage.at === 'done' ? 'Done' : 'Close'}
        </button>
      </div>
    </>
  )
}

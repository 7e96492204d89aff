import { useTrove } from '../../store/index.js'
import { formatBytes } from '../labels.js'

/** A bar under the header while files go up, with what is being sent and how much of it. */
export function UploadProgress() {
  const uploads = useTrove((s) => s.uploads)
  if (!uploads) return null
  const { done, total, bytesDone, bytesTotal, current, failed } = uploads
  // By bytes where the files have any, so one large file does not sit at 0% until it is done.
  const value = bytesTotal > 0 ? Math.round((bytesDone / bytesTotal) * 100) : Math.round((done / Math.max(total, 1)) * 100)
  const text = `Uploading ${Math.min(done + 1, total)} of ${total}: ${current}`
  return (
    <div className="upload-bar">
      <div className="upload-bar-text">
        <span className="upload-bar-what">{text}</span>
        <span className="upload-bar-size">
          {bytesTotal > 0 && `${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)}`}
          {failed > 0 && ` · ${failed} failed`}
        </span>
      </div>
      <div className="progress" role="progressbar" aria-label="Uploading files" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-valuetext={text}>
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
    </div>
  )
}

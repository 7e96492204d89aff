import type { JobView } from '../../../shared/views.js'
import { jobPercent, jobProgressText } from './jobText.js'

/**
 * A progress bar for one job. Until the job has counted its work (or until main has said
 * which job it is) the bar is indeterminate, with no value: busy, rather than at 0%.
 */
export function JobProgress({ job, label }: { job: JobView | undefined; label?: string }) {
  const percent = job ? jobPercent(job) : null
  const text = job ? jobProgressText(job) : ''
  return (
    <div className="job-progress">
      <div
        className={`progress${percent === null ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label ?? job?.title}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? (text || 'Starting') : text ? `${percent}%, ${text}` : `${percent}%`}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <p className="job-progress-text">{percent === null ? `${text || 'Starting'}…` : text ? `${percent}% · ${text}` : `${percent}%`}</p>
    </div>
  )
}

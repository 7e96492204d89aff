import type { JobView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { isActive } from '../../store/jobsSlice.js'
import { formatDateTime } from '../labels.js'
import { JobProgress } from './JobProgress.js'
import { STATE_LABELS, jobProgressText } from './jobText.js'

/** One job: its progress and a way to stop it while it runs, its outcome once it is over. */
export function JobRow({ job }: { job: JobView }) {
  const cancelJob = useTrove((s) => s.cancelJob)
  const active = isActive(job)
  const summary = jobProgressText(job)
  return (
    <li className="job-row" aria-label={job.title} data-state={job.state}>
      <div className="job-head">
        <span className="job-title">{job.title}</span>
        <span className={`state-chip state-${job.state}`}>{STATE_LABELS[job.state]}</span>
      </div>
      {active ? (
        <div className="job-body">
          <JobProgress job={job} />
          <button type="button" className="button button-small" aria-label={`Cancel ${job.title}`} onClick={() => void cancelJob(job.id)}>
            Cancel
          </button>
        </div>
      ) : (
        <p className="job-outcome">
          {job.state === 'failed' ? (
            <span className="job-error">{job.error?.message ?? 'It failed without saying why.'}</span>
          ) : job.state === 'cancelled' ? (
            'Stopped before it finished; nothing half-made was kept.'
          ) : (
            summary || 'Finished.'
          )}
          <span className="job-time"> · {formatDateTime(job.finishedAt ?? job.createdAt)}</span>
        </p>
      )}
    </li>
  )
}

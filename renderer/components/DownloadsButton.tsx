import { useTrove } from '../store/index.js'
import { isActive } from '../store/jobsSlice.js'
import { selectJobs, useRunningJobCount } from '../store/jobSelectors.js'
import { DownloadIcon } from './actionIcons.js'

/** How far the acting user's running jobs have got together, 0 to 1; null when none says how much there is. */
function selectRunningShare(s: Parameters<typeof selectJobs>[0]): number | null {
  const running = selectJobs(s).filter(isActive)
  const sized = running.filter((j) => (j.bytesTotal ?? j.total) > 0)
  if (sized.length === 0) return null
  const done = sized.reduce((n, j) => n + (j.bytesTotal ? (j.bytesDone ?? 0) / j.bytesTotal : j.done / j.total), 0)
  return Math.min(1, done / sized.length)
}

/**
 * Downloads and other long work: the count of running jobs with a small bar of how far they
 * have got, and the jobs panel on a click (it never opens by itself; docs/feedback.md).
 */
export function DownloadsButton() {
  const running = useRunningJobCount()
  const share = useTrove(selectRunningShare)
  const openDialog = useTrove((s) => s.openDialog)
  const label = running === 0 ? 'Downloads and jobs' : `Downloads and jobs, ${running} running`
  const percent = share === null ? null : Math.round(share * 100)
  return (
    <span className="topbar-jobs">
      <button type="button" className="topbar-button" aria-label={label} title={label} onClick={() => openDialog({ kind: 'jobs' })}>
        <DownloadIcon size={19} />
        {running > 0 && (
          <span className="badge" aria-hidden="true">
            {running}
          </span>
        )}
      </button>
      {running > 0 && (
        <span
          className="topbar-progress"
          role="progressbar"
          aria-label="Jobs running"
          aria-valuemin={0}
          aria-valuemax={100}
          {...(percent === null ? {} : { 'aria-valuenow': percent })}
        >
          <span className={percent === null ? 'topbar-progress-fill is-indeterminate' : 'topbar-progress-fill'} style={percent === null ? undefined : { width: `${percent}%` }} />
        </span>
      )}
    </span>
  )
}

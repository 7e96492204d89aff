import { useTrove } from '../store/index.js'
import { useRunningJobCount } from '../store/jobSelectors.js'
import { DownloadIcon } from './actionIcons.js'

/** Downloads and other long work: the count of running jobs, and the jobs panel on a click. */
export function DownloadsButton() {
  const running = useRunningJobCount()
  const openDialog = useTrove((s) => s.openDialog)
  const label = running === 0 ? 'Downloads and jobs' : `Downloads and jobs, ${running} running`
  return (
    <button type="button" className="topbar-button" aria-label={label} title={label} onClick={() => openDialog({ kind: 'jobs' })}>
      <DownloadIcon size={19} />
      {running > 0 && (
        <span className="badge" aria-hidden="true">
          {running}
        </span>
      )}
    </button>
  )
}

import type { JobView } from '../../../shared/views.js'
import { formatBytes } from '../labels.js'

/** What a job counts, by kind; kinds not listed count steps without a noun. */
const NOUNS: Record<string, string> = { zip: 'files', import: 'files', thumbnails: 'images' }

export const STATE_LABELS: Record<JobView['state'], string> = {
  queued: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

/** 0..100, or null while the job cannot say how far it is (it has not counted its work yet). */
export function jobPercent(job: JobView): number | null {
  if (job.state === 'done') return 100
  if (job.bytesTotal) return Math.min(100, Math.round((100 * (job.bytesDone ?? 0)) / job.bytesTotal))
  if (job.total > 0) return Math.min(100, Math.round((100 * job.done) / job.total))
  return null
}

/**
 * "3 of 10 files · 1.2 MB of 4.0 MB" while it runs, "10 files · 4.0 MB" once done: counts and
 * bytes, whichever the job reports (a finished job's last byte count may predate its end); its
 * stage in words instead, while it runs, when it has one.
 */
export function jobProgressText(job: JobView): string {
  // A job that says what it is doing says that instead of counts a person cannot read (bytes of a model).
  if (job.stage && (job.state === 'running' || job.state === 'queued')) return job.stage
  const parts: string[] = []
  const noun = NOUNS[job.kind]
  if (job.state === 'done') {
    if (job.total > 0) parts.push(`${job.total}${noun ? ` ${noun}` : ''}`)
    if (job.bytesTotal) parts.push(formatBytes(job.bytesTotal))
    return parts.join(' · ')
  }
  if (job.total > 0) parts.push(`${job.done} of ${job.total}${noun ? ` ${noun}` : ''}`)
  if (job.bytesTotal) parts.push(`${formatBytes(job.bytesDone ?? 0)} of ${formatBytes(job.bytesTotal)}`)
  return parts.join(' · ')
}

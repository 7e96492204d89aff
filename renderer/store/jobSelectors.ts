import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Id } from '../../shared/domain.js'
import type { DownloadView, JobView } from '../../shared/views.js'
import { useTrove } from './index.js'
import { isActive } from './jobsSlice.js'
import type { TroveState } from './types.js'

const mine = (s: TroveState) => {
  const owner = s.session?.user.id
  return Object.values(s.jobsById).filter((j) => j.ownerId === owner)
}

/** Newest first, as main lists them. */
export function selectJobs(s: TroveState): JobView[] {
  return mine(s).sort((a, b) => b.createdAt - a.createdAt)
}

export function selectRunningJobCount(s: TroveState): number {
  return mine(s).filter(isActive).length
}

/** The downloads of whoever acts now: a list loaded for the previous user is not theirs. */
export function selectDownloads(s: TroveState): DownloadView[] {
  return s.downloadsOf !== null && s.downloadsOf === s.session?.user.id ? s.downloads : []
}

/** Loads the job list once per acting user, so work started before this window opened is counted too. */
function useJobsLoaded(): void {
  const userId = useTrove((s) => s.session?.user.id ?? null)
  useEffect(() => {
    if (userId !== null) void useTrove.getState().loadJobs()
  }, [userId])
}

/** Queued and running jobs of the acting user, for the downloads button in the top bar. */
export function useRunningJobCount(): number {
  useJobsLoaded()
  return useTrove(selectRunningJobCount)
}

export function useJobs(): JobView[] {
  useJobsLoaded()
  return useTrove(useShallow(selectJobs))
}

/** The job with this id, once main has said anything of it (its first progress event or the list). */
export function useJob(jobId: Id | null): JobView | undefined {
  return useTrove((s) => (jobId ? s.jobsById[jobId] : undefined))
}

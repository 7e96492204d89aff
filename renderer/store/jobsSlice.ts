import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import type { DownloadView, JobView } from '../../shared/views.js'
import { api } from '../api/index.js'
import type { TroveState } from './types.js'

/** What a zip is made of: a selection of assets or one collection (never both, as main requires). */
export type ZipTarget = { assetIds: Id[] } | { collectionId: Id }

/**
 * Long work as this session sees it (docs/architecture.md): every job main told us about, by id,
 * and the user's downloads. Jobs carry their owner, so a switch of user never shows the
 * previous user's work even before the next list arrives.
 */
export interface JobsSlice {
  jobsById: Record<Id, JobView>
  jobsLoaded: boolean
  downloads: DownloadView[]
  /** Whose downloads `downloads` are; null until loaded. */
  downloadsOf: Id | null
  downloadsStatus: 'idle' | 'loading' | 'ready' | 'failed'
  loadJobs(): Promise<void>
  /** A `jobs.progress` event: a job started, moved on or finished. */
  noteJob(job: JobView): void
  cancelJob(jobId: Id): Promise<void>
  loadDownloads(): Promise<void>
  /** Throws, so the row that asked can say why. */
  removeDownload(downloadId: Id, deleteFile: boolean): Promise<void>
  /** Desktop only: writes the zip to a path the save dialog returned; progress arrives as job events. */
  startZipDownload(target: ZipTarget, destPath: string): Promise<void>
}

export const jobsInitial = {
  jobsById: {},
  jobsLoaded: false,
  downloads: [],
  downloadsOf: null,
  downloadsStatus: 'idle',
} satisfies Partial<JobsSlice>

const FINISHED: JobView['state'][] = ['done', 'failed', 'cancelled']
const stage = (j: JobView) => (j.state === 'queued' ? 0 : j.state === 'running' ? 1 : 2)

/**
 * Events and list answers can cross on the way (a list sent before the last event arrives
 * after it): a job never moves backwards, so the further-along description wins.
 */
export function furtherAlong(a: JobView | undefined, b: JobView): JobView {
  if (!a) return b
  if (stage(a) !== stage(b)) return stage(a) > stage(b) ? a : b
  if (FINISHED.includes(a.state)) return a
  if (a.done !== b.done) return a.done > b.done ? a : b
  return (a.bytesDone ?? 0) > (b.bytesDone ?? 0) ? a : b
}

export const isActive = (job: JobView) => job.state === 'queued' || job.state === 'running'

export const createJobsSlice: StateCreator<TroveState, [], [], JobsSlice> = (set, get) => ({
  ...jobsInitial,

  async loadJobs() {
    try {
      const listed = await api.call('jobs.list')
      set((s) => {
        const jobsById: Record<Id, JobView> = {}
        for (const job of listed) jobsById[job.id] = furtherAlong(s.jobsById[job.id], job)
        // A job whose events arrived before the list did stays too.
        for (const job of Object.values(s.jobsById)) if (!jobsById[job.id]) jobsById[job.id] = job
        return { jobsById, jobsLoaded: true }
      })
    } catch (error) {
      get().reportError(error)
    }
  },

  noteJob(job) {
    set((s) => ({ jobsById: { ...s.jobsById, [job.id]: furtherAlong(s.jobsById[job.id], job) } }))
  },

  async cancelJob(jobId) {
    try {
      get().noteJob(await api.call('jobs.cancel', { jobId }))
    } catch (error) {
      get().reportError(error)
    }
  },

  async loadDownloads() {
    const owner = get().session?.user.id ?? null
    set({ downloadsStatus: 'loading' })
    try {
      const downloads = await api.call('downloads.list')
      set({ downloads, downloadsOf: owner, downloadsStatus: 'ready' })
    } catch (error) {
      set({ downloadsStatus: 'failed' })
      get().reportError(error)
    }
  },

  async removeDownload(downloadId, deleteFile) {
    await api.call('downloads.remove', deleteFile ? { downloadId, deleteFile } : { downloadId })
    set((s) => ({ downloads: s.downloads.filter((d) => d.id !== downloadId) }))
  },

  async startZipDownload(target, destPath) {
    try {
      await api.call('downloads.zip', { ...target, destPath })
    } catch (error) {
      // Cancelling was the user's own choice; the jobs panel already says so.
      if ((error as { code?: string }).code !== 'CANCELLED') get().reportError(error)
    } finally {
      if (get().downloadsStatus !== 'idle') void get().loadDownloads()
    }
  },
})

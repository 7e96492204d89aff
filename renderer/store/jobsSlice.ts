import type { StateCreator } from 'zustand'
import type { Id } from '../../shared/domain.js'
import type { DownloadView, JobView } from '../../shared/views.js'
import { api } from '../api/client.js'
import type { ResultOf } from '../../shared/contract/index.js'
import type { TroveState } from './types.js'
import { withReset } from './resets.js'

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
  /** What a zip would hold and be called, before it is made. */
  planZip(target: ZipTarget): Promise<ResultOf<'downloads.plan'>>
  /** Desktop only: the save dialog for a zip; `path` is null when the user cancelled. */
  chooseZipPath(defaultName: string): Promise<string | null>
  /** Desktop only: shows a finished zip in the system's file manager. */
  showDownload(downloadId: Id): Promise<void>
  /** Loads the downloads and reloads them whenever one is recorded; returns the unsubscribe. */
  watchDownloads(): () => void
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

/**
 * The id for a job about to be asked for (shared/contract/common.ts, `jobIdSchema`): the caller
 * follows its job by this id from the start. A random UUID from getRandomValues, which a page
 * served over plain HTTP has too (randomUUID needs a secure context).
 */
export function newJobId(): Id {
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const isActive = (job: JobView) => job.state === 'queued' || job.state === 'running'

export const createJobsSlice: StateCreator<TroveState, [], [], JobsSlice> = (set, get) => withReset(() => set(jobsInitial), {
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

  planZip(target) {
    return api.call('downloads.plan', target)
  },

  async chooseZipPath(defaultName) {
    return (await api.call('dialogs.saveFile', { defaultName })).path
  },

  async showDownload(downloadId) {
    await api.call('dialogs.showDownload', { downloadId })
  },

  watchDownloads() {
    void get().loadDownloads()
    return api.subscribe('library.changed', (event) => {
      if (event.tables.includes('downloads')) void get().loadDownloads()
    })
  },
})

import type { StateCreator } from 'zustand'
import type { CONFLICT_POLICIES, ImportReport } from '../../shared/contract/imports.js'
import type { Id } from '../../shared/domain.js'
import type { ResultOf } from '../../shared/contract/index.js'
import { api } from '../api/client.js'
import { describeError } from '../api/errors.js'
import type { TroveState } from './types.js'
import { newJobId } from './jobsSlice.js'
import { onReset } from './resets.js'

export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number]
export type ImportPlan = ResultOf<'imports.plan'>

interface Where {
  sources: string[]
  targetFolderId: Id
}

/** Where a desktop import from disk is: looking, asking about clashes, copying, or over. */
export type ImportFlow =
  | (Where & { stage: 'planning' })
  | (Where & { stage: 'choosing'; plan: ImportPlan })
  /** `jobId`: the id the import's job was asked to take, so its progress and cancel follow it. */
  | (Where & { stage: 'running'; plan: ImportPlan | null; jobId: Id })
  | (Where & { stage: 'done'; report: ImportReport })
  | (Where & { stage: 'failed'; message: string })
  | (Where & { stage: 'cancelled' })

export interface ImportsSlice {
  importFlow: ImportFlow | null
  /**
   * Imports paths a native picker returned (issue 6): looks first, asks how to resolve name
   * clashes when there are any, then imports and shows what was skipped and why.
   */
  importPaths(sources: string[], targetFolderId: Id): Promise<void>
  chooseImportPolicy(policy: ConflictPolicy): Promise<void>
  /** Cancels the running import's job, or drops the import before it started. */
  cancelImport(): Promise<void>
  /** Closes the dialog; a running import goes on, with its progress in the jobs panel. */
  closeImport(): void
}

export const importsInitial = { importFlow: null } satisfies Partial<ImportsSlice>

export const createImportsSlice: StateCreator<TroveState, [], [], ImportsSlice> = (set, get) => {
  onReset(() => set(importsInitial))
  /** Only the latest import may move the dialog on; an older one finishing late only refreshes. */
  let current = 0

  const update = (run: number, flow: ImportFlow) => {
    if (run === current) set({ importFlow: flow })
  }

  async function start(run: number, where: Where, plan: ImportPlan | null, policy?: ConflictPolicy): Promise<void> {
    const jobId = newJobId()
    update(run, { ...where, stage: 'running', plan, jobId })
    try {
      const report = await api.call('imports.start', { ...where, ...(policy ? { onConflict: policy } : {}), jobId })
      update(run, { ...where, stage: 'done', report })
      // Closed while it ran: the summary comes back only when there is something to read in it.
      if (run === current && report.skipped.length > 0 && get().dialog === null) get().openDialog({ kind: 'import' })
    } catch (error) {
      const cancelled = (error as { code?: string }).code === 'CANCELLED'
      update(run, cancelled ? { ...where, stage: 'cancelled' } : { ...where, stage: 'failed', message: describeError(error).message })
      if (!cancelled && get().dialog?.kind !== 'import') get().reportError(error)
    } finally {
      await get().refreshVisible()
    }
  }

  return {
    ...importsInitial,

    async importPaths(sources, targetFolderId) {
      const run = ++current
      const where = { sources, targetFolderId }
      set({ importFlow: { ...where, stage: 'planning' } })
      get().openDialog({ kind: 'import' })
      let plan: ImportPlan
      try {
        plan = await api.call('imports.plan', where)
      } catch (error) {
        return update(run, { ...where, stage: 'failed', message: describeError(error).message })
      }
      if (plan.conflicts.length > 0) return update(run, { ...where, stage: 'choosing', plan })
      await start(run, where, plan)
    },

    async chooseImportPolicy(policy) {
      const flow = get().importFlow
      if (flow?.stage !== 'choosing') return
      await start(current, { sources: flow.sources, targetFolderId: flow.targetFolderId }, flow.plan, policy)
    },

    async cancelImport() {
      const flow = get().importFlow
      if (flow?.stage === 'running') return get().cancelJob(flow.jobId)
      get().closeImport()
    },

    closeImport() {
      if (get().importFlow?.stage !== 'running') {
        // A plan still on its way must not bring back what the user just closed.
        current++
        set({ importFlow: null })
      }
      if (get().dialog?.kind === 'import') get().closeDialog()
    },
  }
}

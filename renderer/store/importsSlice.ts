import type { StateCreator } from 'zustand'
import type { CONFLICT_POLICIES, ImportReport } from '../../shared/contract/imports.js'
import type { Id } from '../../shared/domain.js'
import type { ResultOf } from '../../shared/contract/index.js'
import { api } from '../api/index.js'
import { describeError } from '../api/errors.js'
import type { TroveState } from './types.js'

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
  /** `knownJobIds`: the jobs there were before, so the import's own job can be told apart. */
  | (Where & { stage: 'running'; plan: ImportPlan | null; knownJobIds: Id[] })
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
  /** Only the latest import may move the dialog on; an older one finishing late only refreshes. */
  let current = 0

  const update = (run: number, flow: ImportFlow) => {
    if (run === current) set({ importFlow: flow })
  }

  async function start(run: number, where: Where, plan: ImportPlan | null, policy?: ConflictPolicy): Promise<void> {
    update(run, { ...where, stage: 'running', plan, knownJobIds: Object.keys(get().jobsById) })
    try {
      const report = await api.call('imports.start', policy ? { ...where, onConflict: policy } : where)
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
      if (flow?.stage === 'running') {
        const known = new Set(flow.knownJobIds)
        const job = Object.values(get().jobsById).find((j) => j.kind === 'import' && !known.has(j.id))
        if (job) await get().cancelJob(job.id)
        return
      }
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

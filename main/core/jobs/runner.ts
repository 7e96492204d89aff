import { randomUUID } from 'node:crypto'
import type { Id } from '../../../shared/domain.js'
import { AppError, type ErrorShape } from '../../../shared/errors.js'
import type { JobView, JobState } from '../../../shared/views.js'

export interface JobProgress {
  done?: number
  total?: number
  bytesDone?: number
  bytesTotal?: number
  /** What it is doing now, in words (JobView.stage). */
  stage?: string
}

export interface JobContext {
  readonly signal: AbortSignal
  progress(p: JobProgress): void
}

interface Job extends JobView {
  sessionId: string
  controller: AbortController
  settled: Promise<unknown>
}

/** Progress is pushed at most this often per job; the final state always goes out. */
const PROGRESS_INTERVAL_MS = 100
/** Finished jobs remembered per runner, newest kept. */
const KEEP_FINISHED = 200

/**
 * Long work (docs/architecture.md): each job has an owner, a kind, progress and a state; at most
 * `concurrency` run at once and the rest wait their turn, so a big import never blocks a
 * call. Cancelling aborts the job's signal: the work is expected to stop, remove what it
 * half-made, and reject with CANCELLED.
 */
export class JobRunner {
  private readonly jobs = new Map<Id, Job>()
  private readonly queue: (() => void)[] = []
  private running = 0
  private readonly lastPush = new Map<Id, number>()

  constructor(
    private readonly concurrency: number,
    private readonly onUpdate: (job: JobView, sessionId: string) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Starts (or queues) the work and resolves with its result when it finishes. `id`: the one the
   * caller made for it (shared/contract/common.ts, `jobIdSchema`); an id in use, by anyone, is
   * refused before any work, and the refusal says nothing of whose it is.
   */
  run<T>(spec: { kind: string; title: string; ownerId: Id; sessionId: string; id?: Id }, work: (ctx: JobContext) => Promise<T>): { job: JobView; result: Promise<T> } {
    if (spec.id !== undefined && this.jobs.has(spec.id)) throw new AppError('CONFLICT', 'That job id is in use; make a new one.', { jobId: spec.id })
    const controller = new AbortController()
    const job: Job = {
      id: spec.id ?? randomUUID(), kind: spec.kind, title: spec.title, ownerId: spec.ownerId, state: 'queued', done: 0, total: 0,
      createdAt: this.clock(), sessionId: spec.sessionId, controller, settled: Promise.resolve(),
    }
    this.jobs.set(job.id, job)
    this.trim()
    const result = new Promise<T>((resolve, reject) => {
      const start = () => {
        if (controller.signal.aborted) {
          this.finish(job, 'cancelled', new AppError('CANCELLED', `${job.title} was cancelled.`).toJSON())
          reject(new AppError('CANCELLED', `${job.title} was cancelled.`))
          this.next()
          return
        }
        this.running++
        job.state = 'running'
        job.startedAt = this.clock()
        this.push(job, true)
        const ctx: JobContext = { signal: controller.signal, progress: (p) => this.progress(job, p) }
        work(ctx).then(
          (value) => {
            this.running--
            this.finish(job, 'done')
            resolve(value)
            this.next()
          },
          (error: unknown) => {
            this.running--
            const cancelled = controller.signal.aborted || (error instanceof AppError && error.code === 'CANCELLED')
            const shape: ErrorShape = error instanceof AppError ? error.toJSON() : { code: 'INTERNAL', message: (error as Error)?.message ?? String(error) }
            this.finish(job, cancelled ? 'cancelled' : 'failed', cancelled ? new AppError('CANCELLED', `${job.title} was cancelled.`).toJSON() : shape)
            reject(cancelled ? new AppError('CANCELLED', `${job.title} was cancelled.`) : error)
            this.next()
          },
        )
      }
      this.queue.push(start)
      this.push(job, true)
      this.next()
    })
    job.settled = result.catch(() => undefined)
    return { job: this.view(job), result }
  }

  /** Cancels a queued or running job of this owner (or any job, for an admin). */
  cancel(jobId: Id, byUserId: Id, isAdmin: boolean): JobView {
    const job = this.jobs.get(jobId)
    if (!job || (job.ownerId !== byUserId && !isAdmin)) throw new AppError('NOT_FOUND', `No job ${jobId}.`, { jobId })
    if (job.state === 'queued' || job.state === 'running') job.controller.abort()
    return this.view(job)
  }

  list(ownerId: Id): JobView[] {
    return [...this.jobs.values()].filter((j) => j.ownerId === ownerId).map((j) => this.view(j)).reverse()
  }

  get(jobId: Id): JobView | undefined {
    const job = this.jobs.get(jobId)
    return job ? this.view(job) : undefined
  }

  /** Cancels everything and waits for the work to wind down (on close). */
  async stopAll(): Promise<void> {
    for (const job of this.jobs.values()) if (job.state === 'queued' || job.state === 'running') job.controller.abort()
    await Promise.all([...this.jobs.values()].map((j) => j.settled))
  }

  private next(): void {
    while (this.running < this.concurrency && this.queue.length > 0) this.queue.shift()!()
  }

  private progress(job: Job, p: JobProgress): void {
    if (p.done !== undefined) job.done = p.done
    if (p.total !== undefined) job.total = p.total
    if (p.bytesDone !== undefined) job.bytesDone = p.bytesDone
    if (p.bytesTotal !== undefined) job.bytesTotal = p.bytesTotal
    if (p.stage !== undefined) job.stage = p.stage
    this.push(job, false)
  }

  private finish(job: Job, state: JobState, error?: ErrorShape): void {
    job.state = state
    job.finishedAt = this.clock()
    if (state === 'done' && job.total > 0) job.done = job.total
    if (error) job.error = error
    this.push(job, true)
    this.lastPush.delete(job.id)
  }

  private push(job: Job, force: boolean): void {
    const now = this.clock()
    if (!force && now - (this.lastPush.get(job.id) ?? 0) < PROGRESS_INTERVAL_MS) return
    this.lastPush.set(job.id, now)
    this.onUpdate(this.view(job), job.sessionId)
  }

  private view(job: Job): JobView {
    const { sessionId: _s, controller: _c, settled: _p, ...view } = job
    return { ...view }
  }

  private trim(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'queued' && j.state !== 'running')
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.id)
  }
}

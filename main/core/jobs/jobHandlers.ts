import type { HandlerMap } from '../context.js'

export const jobHandlers: HandlerMap<'jobs.list' | 'jobs.cancel'> = {
  'jobs.list': (ctx) => ctx.core.jobs.list(ctx.actor.id),
  /** Owners cancel their own jobs; an admin may cancel any. */
  'jobs.cancel': (ctx, { jobId }) => ctx.core.jobs.cancel(jobId, ctx.actor.id, ctx.actor.role === 'admin'),
}

import type { jobChannels } from '../../../shared/contract/jobs.js'
import type { HandlersOf } from '../context.js'

export const jobHandlers: HandlersOf<typeof jobChannels> = {
  'jobs.list': (ctx) => ctx.core.jobs.list(ctx.actor.id),
  /** Owners cancel their own jobs; an admin may cancel any. */
  'jobs.cancel': (ctx, { jobId }) => ctx.core.jobs.cancel(jobId, ctx.actor.id, ctx.actor.role === 'admin'),
}

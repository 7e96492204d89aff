import { z } from 'zod'
import type { JobView } from '../views.js'
import { query } from './define.js'
import { empty, idSchema } from './common.js'

export const jobChannels = {
  /** The caller's running and recent jobs, newest first. */
  'jobs.list': query<JobView[]>()(empty),
  /** Cancels a queued or running job; whatever it half-made is removed. */
  'jobs.cancel': query<JobView>()(z.object({ jobId: idSchema }).strict()),
}

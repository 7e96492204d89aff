import { z } from 'zod'
import type { ActivityView } from '../views.js'
import { query } from './define.js'
import { idSchema } from './common.js'

/** The log of changes, newest first; handled in main/core/activity/. */
export const activityChannels = {
  /**
   * The log, newest first, as the caller may read it (docs/activity.md). Filters narrow it:
   * `within` (with a folder's `resourceId`) adds what happened to everything below the folder;
   * `by` who acted (a user id; named so no input field claims to be the actor); `actions` action names or their domains ("assets" for assets.*);
   * `from`/`to` the time, in ms since 1970, inclusive.
   */
  'activity.list': query<{ items: ActivityView[]; hasMore: boolean }>()(
    z
      .object({
        resourceId: idSchema.optional(),
        within: z.boolean().optional(),
        by: idSchema.optional(),
        actions: z.array(z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)?$/, 'an action name or domain')).min(1).max(50).optional(),
        from: z.number().int().min(0).optional(),
        to: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        /** Entries strictly older than this activity id's entry. */
        before: idSchema.optional(),
      })
      .strict()
      .refine((v) => !v.within || v.resourceId !== undefined, { message: 'within needs a resourceId', path: ['within'] })
      .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, { message: 'from must not be after to', path: ['from'] })
      .optional(),
  ),
}

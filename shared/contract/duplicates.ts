import { z } from 'zod'
import type { DuplicateReport, SimilarMatch } from '../views.js'
import { query } from './define.js'
import { idSchema } from './common.js'

export const duplicateChannels = {
  /**
   * Files with the same content, and files that look the same (resized, re-encoded or
   * slightly cropped copies), among what the caller can view; within a folder when given.
   */
  'duplicates.find': query<DuplicateReport>()(z.object({ folderId: idSchema.optional() }).strict()),
  /** Files that look like this one, nearest first, among what the caller can view. */
  'duplicates.similar': query<{ matches: SimilarMatch[] }>()(
    z.object({ fileId: idSchema, limit: z.number().int().min(1).max(500).optional() }).strict(),
  ),
}

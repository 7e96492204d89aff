import { z } from 'zod'
import type { AssetView } from '../views.js'
import { query } from './define.js'
import { idSchema, tagSchema } from './common.js'

/** What a search looks for: the words and each filter, all of which a hit must pass. */
export const searchFiltersSchema = z
  .object({
    query: z.string().max(255),
    /** "In this folder": the folder and everything under it. */
    folderId: idSchema.optional(),
    tags: z.array(tagSchema).max(20).optional(),
    type: z.enum(['file', 'folder', 'image', 'video', 'audio', 'document']).optional(),
    /** Part of the camera's make or model, from embedded metadata. */
    camera: z.string().min(1).max(255).optional(),
    /** Date taken, inclusive bounds (YYYY-MM-DD), the day where the picture was taken. */
    takenFrom: z.iso.date().optional(),
    takenTo: z.iso.date().optional(),
    /** Date modified, inclusive days (YYYY-MM-DD) in the searcher's time zone (timeZoneOffset). */
    modifiedFrom: z.iso.date().optional(),
    modifiedTo: z.iso.date().optional(),
    /** Minutes to add to the searcher's local time to reach UTC, as Date#getTimezoneOffset gives them. */
    timeZoneOffset: z.number().int().min(-900).max(900).optional(),
    /** Custom metadata: each field's value must hold the text (a list: one of its items). */
    metadata: z
      .array(z.object({ fieldId: idSchema, value: z.string().min(1).max(255) }).strict())
      .max(20)
      .optional(),
  })
  .strict()

/** Finding files among what the caller can view; handled in main/core/search/. */
export const searchChannels = {
  /**
   * Substring search over names, tags, custom metadata and embedded fields, among what the
   * caller can view, a page at a time: `total` counts every viewable hit, so paging has no cap.
   */
  'search.assets': query<{ items: AssetView[]; hasMore: boolean; total: number }>()(
    searchFiltersSchema.extend({
      limit: z.number().int().min(1).max(1000).optional(),
      /** Hits to skip: the next page starts where the last one ended. */
      offset: z.number().int().min(0).max(10_000_000).optional(),
    }),
  ),
  /** The cameras of the files the caller can view (under folderId when given), for the camera filter. */
  'search.cameras': query<string[]>()(z.object({ folderId: idSchema.optional() }).strict()),
}

import { z } from 'zod'
import type { ActivityView, AssetView, DownloadView } from '../views.js'
import { command, query } from './define.js'
import { empty, idSchema, idsSchema, pathSchema, tagSchema } from './common.js'

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

export const downloadChannels = {
  /** A zip of the assets (or of a collection) holding only what the caller can view, written to destPath. */
  'downloads.zip': command<DownloadView>()(
    z
      .object({ assetIds: idsSchema.optional(), collectionId: idSchema.optional(), destPath: pathSchema })
      .strict()
      .refine((v) => (v.assetIds === undefined) !== (v.collectionId === undefined), {
        message: 'give exactly one of assetIds and collectionId',
        path: ['assetIds'],
      }),
  ),
  'downloads.list': query<DownloadView[]>()(empty),
  /** What a zip would hold and be called, before it is made: a download over 10,000 files or 10 GB is confirmed first. */
  'downloads.plan': query<{ name: string; fileCount: number; bytes: number; needsConfirmation: boolean }>()(
    z
      .object({ assetIds: idsSchema.optional(), collectionId: idSchema.optional() })
      .strict()
      .refine((v) => (v.assetIds === undefined) !== (v.collectionId === undefined), {
        message: 'give exactly one of assetIds and collectionId',
        path: ['assetIds'],
      }),
  ),
  /** Takes a finished download off the list, and deletes its file too when asked. */
  'downloads.remove': command<{ removed: string; fileDeleted: boolean }>()(
    z.object({ downloadId: idSchema, deleteFile: z.boolean().optional() }).strict(),
  ),
}

export const activityChannels = {
  'activity.list': query<{ items: ActivityView[]; hasMore: boolean }>()(
    z
      .object({
        resourceId: idSchema.optional(),
        limit: z.number().int().min(1).max(500).optional(),
        /** Entries strictly older than this activity id's entry. */
        before: idSchema.optional(),
      })
      .strict()
      .optional(),
  ),
}

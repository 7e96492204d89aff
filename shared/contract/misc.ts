import { z } from 'zod'
import type { ActivityView, AssetView, DownloadView } from '../views.js'
import { command, query } from './define.js'
import { empty, idSchema, idsSchema, pathSchema, tagSchema } from './common.js'

export const searchChannels = {
  /** Substring search over names, tags and embedded keywords, titles and captions, among what the caller can view. */
  'search.assets': query<{ items: AssetView[]; hasMore: boolean }>()(
    z
      .object({
        query: z.string().max(255),
        folderId: idSchema.optional(),
        tags: z.array(tagSchema).max(20).optional(),
        type: z.enum(['file', 'folder', 'image']).optional(),
        /** Part of the camera's make or model, from embedded metadata. */
        camera: z.string().min(1).max(255).optional(),
        /** Date taken, inclusive bounds (YYYY-MM-DD). */
        takenFrom: z.iso.date().optional(),
        takenTo: z.iso.date().optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),
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

import { z } from 'zod'
import type { DownloadView } from '../views.js'
import { command, query } from './define.js'
import { empty, idSchema, idsSchema, jobIdSchema, pathSchema } from './common.js'

/** Zips of what the caller can view, and the list of finished ones; handled in main/core/downloads/. */
export const downloadChannels = {
  /** A zip of the assets (or of a collection) holding only what the caller can view, written to destPath. */
  'downloads.zip': command<DownloadView>()(
    z
      .object({ assetIds: idsSchema.optional(), collectionId: idSchema.optional(), destPath: pathSchema, jobId: jobIdSchema.optional() })
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

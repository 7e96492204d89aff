import { z } from 'zod'
import type { AssetView } from '../views.js'
import { command, query } from './define.js'
import { idSchema, jobIdSchema, saveAsSchema } from './common.js'

/** The built-in extensions (main/core/extensions/registry.ts) and what they do to a file; handled in main/core/extensions/. */
export const extensionChannels = {
  /** The extensions that apply to a file and that the caller's level allows. */
  'extensions.list': query<{ name: string; title: string; description: string }[]>()(z.object({ fileId: idSchema }).strict()),
  /**
   * Makes the background transparent (a PNG) as a job (named by `jobId` when given), saved as a
   * new version or a new file beside the original. A result with nothing left (every pixel
   * transparent: the model found no subject) is refused as CONFLICT with `fullyTransparent`,
   * nothing saved, unless `saveIfEmpty` says to save it anyway.
   */
  'extensions.removeBackground': command<AssetView>()(
    z.object({ fileId: idSchema, saveAs: saveAsSchema.optional(), jobId: jobIdSchema.optional(), saveIfEmpty: z.boolean().optional() }).strict(),
  ),
  /** Tags suggested from the image itself; nothing changes until the caller adds the ones they choose with tags.add. */
  'extensions.autoTags': query<{ suggestions: string[] }>()(z.object({ fileId: idSchema }).strict()),
}

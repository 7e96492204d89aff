import { z } from 'zod'
import type { AssetView, EmbeddedField, VersionView } from '../views.js'
import { command, query } from './define.js'
import { base64Schema, idSchema, nameSchema, pathSchema } from './common.js'

/** Content arrives either inline (base64) or as a path main reads; exactly one of them. */
const contentSchema = { sourcePath: pathSchema.optional(), base64: base64Schema.optional() }
const oneSource = (v: { sourcePath?: string; base64?: string }) => (v.sourcePath === undefined) !== (v.base64 === undefined)
const oneSourceMessage = { message: 'give exactly one of sourcePath and base64', path: ['sourcePath'] }

/** What files.upload may do itself with a taken name; the third choice, skip, is not sending. */
export const UPLOAD_CONFLICT_POLICIES = ['keepBoth', 'replace'] as const

/** A file's content and versions; handled in main/core/files/. */
export const fileChannels = {
  /**
   * A new file. When its name is taken in the folder: CONFLICT (details name the holder), or,
   * with `onConflict`, the import's choices done in one step (docs/feedback.md): `keepBoth`
   * uploads under the first free " (copy N)" name, `replace` adds the bytes as the next
   * version of the file holding the name (CONFLICT when a folder holds it). Skipping is the
   * caller not sending the file.
   */
  'files.upload': command<AssetView>()(
    z
      .object({ folderId: idSchema, name: nameSchema, ...contentSchema, onConflict: z.enum(UPLOAD_CONFLICT_POLICIES).optional() })
      .strict()
      .refine(oneSource, oneSourceMessage),
  ),
  'files.uploadVersion': command<AssetView>()(
    z.object({ fileId: idSchema, ...contentSchema }).strict().refine(oneSource, oneSourceMessage),
  ),
  'files.versions': query<VersionView[]>()(z.object({ fileId: idSchema }).strict()),
  /** Makes an earlier version current again by adding it as the newest version. */
  'files.restoreVersion': command<AssetView>()(z.object({ fileId: idSchema, version: z.number().int().positive() }).strict()),
  'files.deleteVersion': command<AssetView>()(z.object({ fileId: idSchema, version: z.number().int().positive() }).strict()),
  /** Small files inline; larger ones through files.download or the file protocol. */
  'files.read': query<{ name: string; mime: string; size: number; base64: string }>()(
    z.object({ fileId: idSchema, version: z.number().int().positive().optional() }).strict(),
  ),
  /** Every field of a version's embedded metadata (EXIF, IPTC, XMP, …), read from the file; empty for what is not an image. */
  'files.embeddedFields': query<EmbeddedField[]>()(
    z.object({ fileId: idSchema, version: z.number().int().positive().optional() }).strict(),
  ),
  'files.download': command<{ path: string; size: number }>()(
    z.object({ fileId: idSchema, version: z.number().int().positive().optional(), destPath: pathSchema }).strict(),
  ),
}

import { z } from 'zod'
import type { AssetView, EmbeddedField, VersionView } from '../views.js'
import { command, query } from './define.js'
import { base64Schema, empty, idSchema, idsSchema, nameSchema, pathSchema } from './common.js'

/** Content arrives either inline (base64) or as a path main reads; exactly one of them. */
const contentSchema = { sourcePath: pathSchema.optional(), base64: base64Schema.optional() }
const oneSource = (v: { sourcePath?: string; base64?: string }) => (v.sourcePath === undefined) !== (v.base64 === undefined)
const oneSourceMessage = { message: 'give exactly one of sourcePath and base64', path: ['sourcePath'] }

export const assetChannels = {
  /** Home for full roles; for a restricted user, the highest assets they can see ("shared with me"). */
  'assets.roots': query<AssetView[]>()(empty),
  /** The children of a folder, each with the caller's level. */
  'assets.list': query<AssetView[]>()(z.object({ folderId: idSchema }).strict()),
  'assets.get': query<AssetView>()(z.object({ id: idSchema }).strict()),
  /** The visible ancestors of an asset, from the caller's highest visible one down to its parent. */
  'assets.breadcrumbs': query<AssetView[]>()(z.object({ id: idSchema }).strict()),
  'assets.rename': command<AssetView>()(z.object({ id: idSchema, name: nameSchema }).strict()),
  'assets.move': command<AssetView[]>()(z.object({ ids: idsSchema, targetFolderId: idSchema }).strict()),
  'assets.copy': command<AssetView[]>()(z.object({ ids: idsSchema, targetFolderId: idSchema }).strict()),
  /**
   * Sends files and whole folders with everything in them to the trash (docs/trash.md).
   * `deleted` lists every asset that went; `trashed` the items the trash lists, which
   * `trash.restore` takes back.
   */
  'assets.delete': command<{ deleted: string[]; trashed: string[] }>()(z.object({ ids: idsSchema }).strict()),
}

export const fileChannels = {
  'folders.create': command<AssetView>()(z.object({ parentId: idSchema, name: nameSchema }).strict()),
  'files.upload': command<AssetView>()(
    z.object({ folderId: idSchema, name: nameSchema, ...contentSchema }).strict().refine(oneSource, oneSourceMessage),
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

import { z } from 'zod'
import type { AssetView } from '../views.js'
import { command, query } from './define.js'
import { empty, idSchema, idsSchema, nameSchema } from './common.js'

/** Files and folders alike: listing, renaming, moving, copying, deleting; handled in main/core/assets/. */
export const assetChannels = {
  /** Home for full roles; for a restricted user, the highest assets they can see ("shared with me"). */
  'assets.roots': query<AssetView[]>()(empty),
  /** The children of a folder, each with the caller's level. */
  'assets.list': query<AssetView[]>()(z.object({ folderId: idSchema }).strict()),
  /**
   * For folder tiles: up to 3 pictures in each folder (its own files, never deeper), only ones
   * the caller can view, as id and version for their thumbnails. At most 200 folders a call.
   */
  'assets.previews': query<Record<string, { id: string; version: number }[]>>()(
    z.object({ folderIds: z.array(idSchema).min(1, 'must name at least one folder').max(200) }).strict(),
  ),
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

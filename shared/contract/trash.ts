import { z } from 'zod'
import type { AssetView, TrashItemView } from '../views.js'
import { command, query } from './define.js'
import { empty, idsSchema } from './common.js'

/** Longest a library may keep trashed items before they are purged on their own. */
export const MAX_TRASH_RETENTION_DAYS = 3650

export const trashChannels = {
  /**
   * What the caller may see in the trash, newest first: everything for full roles; for a
   * restricted user what they could manage when it was deleted.
   */
  'trash.list': query<TrashItemView[]>()(empty),
  /**
   * Puts items back where they were with the same ids and everything that hung off them.
   * One whose folder is in the trash too comes back with that folder; one whose folder is
   * gone for good comes back into Home. All or nothing.
   */
  'trash.restore': command<{ restored: AssetView[] }>()(z.object({ ids: idsSchema }).strict()),
  /** Destroys items for good (needs manage, which seeing them in the trash implies). All or nothing. */
  'trash.purge': command<{ purged: string[] }>()(z.object({ ids: idsSchema }).strict()),
  /** Purges everything in the trash the caller may see. */
  'trash.empty': command<{ purged: string[] }>()(empty),
  'trash.settings': query<{ retentionDays: number }>()(empty),
  /** Administrators only. */
  'trash.setSettings': command<{ retentionDays: number }>()(
    z.object({ retentionDays: z.number().int().min(1).max(MAX_TRASH_RETENTION_DAYS) }).strict(),
  ),
}

import { z } from 'zod'
import type { AssetView, SmartCollectionView } from '../views.js'
import { command, query } from './define.js'
import { MAX_BATCH, empty, idSchema, nameSchema } from './common.js'
import { searchFiltersSchema } from './search.js'

const smartId = z.object({ smartCollectionId: idSchema }).strict()

/** A saved search must ask for something: words or at least one filter. */
const savedSearchSchema = searchFiltersSchema.refine(
  (f) => f.query.trim() !== '' || Object.entries(f).some(([key, value]) => key !== 'query' && key !== 'timeZoneOffset' && value !== undefined && (!Array.isArray(value) || value.length > 0)),
  { message: 'must ask for something: words or at least one filter', path: ['query'] },
)

/**
 * Saved searches in the sidebar (docs/browse.md), handled in main/core/smartCollections/.
 * Each is run as the reader, so it holds only what the reader can view; one the reader
 * neither owns nor was given answers NOT_FOUND, as a missing one does.
 */
export const smartCollectionChannels = {
  /** The caller's own smart collections and those shared with them or their groups. */
  'smartCollections.list': query<SmartCollectionView[]>()(empty),
  'smartCollections.get': query<SmartCollectionView>()(smartId),
  /** Names are unique among one owner's smart collections, ignoring case. */
  'smartCollections.create': command<SmartCollectionView>()(z.object({ name: nameSchema, search: savedSearchSchema }).strict()),
  'smartCollections.rename': command<SmartCollectionView>()(z.object({ smartCollectionId: idSchema, name: nameSchema }).strict()),
  /** Replaces the saved words and filters. */
  'smartCollections.setSearch': command<SmartCollectionView>()(z.object({ smartCollectionId: idSchema, search: savedSearchSchema }).strict()),
  /** Replaces whom it is shared with: users and groups (at most 100), who each see their own hits. */
  'smartCollections.share': command<SmartCollectionView>()(
    z.object({ smartCollectionId: idSchema, subjectIds: z.array(idSchema).max(MAX_BATCH) }).strict(),
  ),
  'smartCollections.delete': command<{ deleted: string }>()(smartId),
  /** Its hits among what the caller can view, a page at a time, as search.assets answers. */
  'smartCollections.assets': query<{ items: AssetView[]; hasMore: boolean; total: number }>()(
    smartId.extend({
      limit: z.number().int().min(1).max(1000).optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
    }),
  ),
}

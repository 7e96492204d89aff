import { COLLECTION_OPERATIONS, atLeast } from '../../../shared/domain.js'
import type { CollectionView } from '../../../shared/views.js'

export type CollectionAction = 'downloadZip' | 'share' | 'rename' | 'delete'

const ORDER: CollectionAction[] = ['downloadZip', 'share', 'rename', 'delete']

export const ACTION_LABELS: Record<CollectionAction, string> = {
  downloadZip: 'Download as zip',
  share: 'Share',
  rename: 'Rename',
  delete: 'Delete',
}

/** What a collection's menu offers: exactly what the seed's collection table allows at this level. */
export function collectionActions(collection: Pick<CollectionView, 'level'>): CollectionAction[] {
  return ORDER.filter((a) => atLeast(collection.level, COLLECTION_OPERATIONS[a]))
}

export const canAddTo = (c: Pick<CollectionView, 'level'>) => atLeast(c.level, COLLECTION_OPERATIONS.addAssets)
export const canRemoveFrom = (c: Pick<CollectionView, 'level'>) => atLeast(c.level, COLLECTION_OPERATIONS.removeAssets)

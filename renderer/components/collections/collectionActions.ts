import { COLLECTION_OPERATIONS, atLeast } from '../../../shared/domain.js'
import type { CollectionView } from '../../../shared/views.js'

export type CollectionAction = 'copyLink' | 'downloadZip' | 'share' | 'rename' | 'delete'

const ORDER: CollectionAction[] = ['copyLink', 'downloadZip', 'share', 'rename', 'delete']

/** The level each action needs: a link names only the id, so anyone who can open the collection may copy it. */
const NEEDS: Record<CollectionAction, keyof typeof COLLECTION_OPERATIONS> = {
  copyLink: 'viewAndSearch',
  downloadZip: 'downloadZip',
  share: 'share',
  rename: 'rename',
  delete: 'delete',
}

export const ACTION_LABELS: Record<CollectionAction, string> = {
  copyLink: 'Copy link',
  downloadZip: 'Download as zip',
  share: 'Share',
  rename: 'Rename',
  delete: 'Delete',
}

/** What a collection's menu offers: exactly what the collection table of docs/permissions.md allows at this level. */
export function collectionActions(collection: Pick<CollectionView, 'level'>): CollectionAction[] {
  return ORDER.filter((a) => atLeast(collection.level, COLLECTION_OPERATIONS[NEEDS[a]]))
}

export const canAddTo = (c: Pick<CollectionView, 'level'>) => atLeast(c.level, COLLECTION_OPERATIONS.addAssets)
export const canRemoveFrom = (c: Pick<CollectionView, 'level'>) => atLeast(c.level, COLLECTION_OPERATIONS.removeAssets)

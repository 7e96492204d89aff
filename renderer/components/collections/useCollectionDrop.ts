import { useState, type DragEvent } from 'react'
import type { CollectionView } from '../../../shared/views.js'
import { AppError } from '../../../shared/errors.js'
import { useTrove } from '../../store/index.js'
import { checkAddition } from './additionCheck.js'
import { canAddTo } from './collectionActions.js'
import { carriesAssets, readDraggedAssets } from '../browse/dragAssets.js'

/**
 * Adds assets dropped on a collection, with the add dialog's checks: the collection takes
 * additions only at contribute (it is not a drop target otherwise), every asset needs
 * contribute, and the per-request limit (docs/permissions.md) holds. A drop is all or nothing, as main's request is:
 * when one asset cannot be added, nothing is sent and the reason names it.
 */
export async function dropAssets(collection: CollectionView, ids: string[]): Promise<string | null> {
  const s = useTrove.getState()
  if (ids.length === 0) return null
  const known = ids.map((id) => s.byId[id]).filter((a) => !!a)
  const check = checkAddition(known, 1)
  const refusals = check.refused.map((r) => `“${r.asset.name}”: ${r.reason}`)
  if (known.length < ids.length) refusals.push('some of the dragged items are no longer there.')
  if (check.overLimit) {
    s.reportError(new AppError('LIMIT_EXCEEDED', check.overLimit))
    return null
  }
  if (refusals.length > 0) {
    s.reportError(new AppError('FORBIDDEN', `Nothing was added to “${collection.name}”. ${refusals.join(' ')}`))
    return null
  }
  try {
    // The store's notice says what happened, with Undo.
    await s.addToCollections([collection.id], ids)
    return null
  } catch (error) {
    s.reportError(error)
    return null
  }
}

/** Drop-target props for a collection row, and whether assets are being held over it. */
export function useCollectionDrop(collection: CollectionView, onAdded: (message: string) => void) {
  const [over, setOver] = useState(false)
  const takes = (e: DragEvent) => canAddTo(collection) && carriesAssets(e.dataTransfer)
  return {
    over,
    dropProps: {
      onDragOver(e: DragEvent) {
        if (!takes(e)) return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
        if (!over) setOver(true)
      },
      onDragLeave(e: DragEvent) {
        if (!(e.currentTarget as Node).contains(e.relatedTarget as Node | null)) setOver(false)
      },
      onDrop(e: DragEvent) {
        setOver(false)
        if (!takes(e)) return
        e.preventDefault()
        void dropAssets(collection, readDraggedAssets(e.dataTransfer)).then((message) => message && onAdded(message))
      },
    },
  }
}

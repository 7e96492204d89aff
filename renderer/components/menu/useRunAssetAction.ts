import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { usePickers } from '../UploadProvider.js'
import type { AssetActionId } from './assetActions.js'
import { copyAssetLink } from '../../routing/copyLink.js'

/**
 * Carries out an offered action. Some open dialogs built elsewhere (collections, sharing,
 * media, downloads), named by kind through the ui slice.
 */
export function useRunAssetAction(): (id: AssetActionId, assets: AssetView[]) => void {
  const { pickVersion } = usePickers()
  return (id, assets) => {
    const s = useTrove.getState()
    const ids = assets.map((a) => a.id)
    const [first] = assets
    if (!first) return
    switch (id) {
      case 'open':
        return first.kind === 'folder' ? void s.openFolder(first.id) : s.openViewer(first.id)
      case 'copyLink':
        return void copyAssetLink(first.id)
      case 'download':
        return void s.downloadFile(first.id)
      case 'downloadZip':
        return s.openDialog({ kind: 'downloadZip', assetIds: ids })
      case 'rename':
        return s.startRename(first.id)
      case 'move':
        return s.openDialog({ kind: 'moveCopy', mode: 'move', ids })
      case 'copy':
        return s.openDialog({ kind: 'moveCopy', mode: 'copy', ids })
      case 'uploadVersion':
        return pickVersion(first.id)
      case 'addToCollections':
        return s.openDialog({ kind: 'addToCollections', assetIds: ids })
      case 'removeFromCollections':
        return s.openDialog({ kind: 'removeFromCollections', assetId: first.id })
      case 'editImage':
        return s.openDialog({ kind: 'imageEditor', fileId: first.id })
      case 'focusArea':
        return s.openDialog({ kind: 'focusArea', fileId: first.id })
      case 'autoTags':
        return s.openDialog({ kind: 'autoTags', fileId: first.id })
      case 'removeBackground':
        return s.openDialog({ kind: 'removeBackground', fileId: first.id })
      case 'similar':
        return s.openDialog({ kind: 'similar', fileId: first.id })
      case 'share':
        return s.openDialog({ kind: 'share', resourceId: first.id, resourceType: 'asset' })
      case 'delete':
        return s.openDialog({ kind: 'confirmDelete', ids })
    }
  }
}

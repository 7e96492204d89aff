import { atLeast } from '../../shared/domain.js'
import { useTrove } from '../store/index.js'
import { FolderPlusIcon, UploadIcon } from './icons.js'
import { usePickFiles } from './UploadProvider.js'

/** Whether the open folder takes new things: main decides, the listing tells the caller's level (SPEC section 4). */
export function useCanAdd(): boolean {
  return useTrove((s) => {
    const folder = s.folderId ? s.byId[s.folderId] : undefined
    return !!folder && atLeast(folder.level, 'contribute')
  })
}

/** New folder and Upload, offered only where the user may contribute. */
export function FolderActions() {
  const canAdd = useCanAdd()
  const openDialog = useTrove((s) => s.openDialog)
  const uploads = useTrove((s) => s.uploads)
  const pickFiles = usePickFiles()
  return (
    <div className="folder-actions">
      {uploads && (
        <span className="upload-status" role="status">
          Uploading {uploads.done + 1} of {uploads.total}: {uploads.current}
        </span>
      )}
      {canAdd && (
        <>
          <button type="button" className="button" onClick={() => openDialog({ kind: 'newFolder' })}>
            <FolderPlusIcon size={18} /> New folder
          </button>
          <button type="button" className="button button-primary" onClick={pickFiles} disabled={!!uploads}>
            <UploadIcon size={18} /> Upload
          </button>
        </>
      )}
    </div>
  )
}

import { atLeast } from '../../shared/domain.js'
import { useTrove } from '../store/index.js'
import { FolderUploadIcon } from './actionIcons.js'
import { FolderPlusIcon, UploadIcon } from './icons.js'
import { usePickers } from './UploadProvider.js'

/** Whether the open folder takes new things: main decides, the listing tells the caller's level (docs/permissions.md). */
export function useCanAdd(): boolean {
  return useTrove((s) => {
    const folder = s.folderId ? s.byId[s.folderId] : undefined
    return !!folder && atLeast(folder.level, 'contribute')
  })
}

/** New folder and the uploads, offered only where the user may contribute. */
export function FolderActions() {
  const canAdd = useCanAdd()
  const openDialog = useTrove((s) => s.openDialog)
  const { pickFiles, pickFolder } = usePickers()
  if (!canAdd) return null
  return (
    <div className="folder-actions">
      <button type="button" className="button" onClick={() => openDialog({ kind: 'newFolder' })}>
        <FolderPlusIcon size={18} /> New folder
      </button>
      <button type="button" className="button" onClick={() => pickFolder()}>
        <FolderUploadIcon size={18} /> Upload folder
      </button>
      <button type="button" className="button button-primary" onClick={() => pickFiles()}>
        <UploadIcon size={18} /> Upload
      </button>
    </div>
  )
}

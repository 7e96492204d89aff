import * as ContextMenu from '@radix-ui/react-context-menu'
import { atLeast } from '../../../shared/domain.js'
import { useTrove } from '../../store/index.js'
import { FolderUploadIcon, CheckIcon } from '../actionIcons.js'
import { FolderPlusIcon, UploadIcon } from '../icons.js'
import { usePickers } from '../UploadProvider.js'

/** Right-click on empty space: what can be done in the folder on show (contribute), and select all. */
export function FolderMenuItems() {
  const canAdd = useTrove((s) => !s.search && !!s.folderId && atLeast(s.byId[s.folderId]?.level ?? 'view', 'contribute'))
  const hasItems = useTrove((s) => (s.search ? s.search.ids.length : s.itemIds.length) > 0)
  const { pickFiles, pickFolder } = usePickers()
  const s = useTrove.getState
  return (
    <>
      {canAdd && (
        <>
          <ContextMenu.Item className="menu-item" onSelect={() => s().openDialog({ kind: 'newFolder' })}>
            <FolderPlusIcon size={16} className="menu-icon" />
            <span className="menu-item-label">New folder…</span>
          </ContextMenu.Item>
          <ContextMenu.Item className="menu-item" onSelect={() => pickFiles()}>
            <UploadIcon size={16} className="menu-icon" />
            <span className="menu-item-label">Upload files…</span>
          </ContextMenu.Item>
          <ContextMenu.Item className="menu-item" onSelect={() => pickFolder()}>
            <FolderUploadIcon size={16} className="menu-icon" />
            <span className="menu-item-label">Upload a folder…</span>
          </ContextMenu.Item>
        </>
      )}
      {canAdd && hasItems && <ContextMenu.Separator className="menu-separator" />}
      {hasItems && (
        <ContextMenu.Item className="menu-item" onSelect={() => s().selectAll()}>
          <CheckIcon size={16} className="menu-icon" />
          <span className="menu-item-label">Select all</span>
          <span className="menu-shortcut">Ctrl A</span>
        </ContextMenu.Item>
      )}
      {!canAdd && !hasItems && <ContextMenu.Label className="menu-label">Nothing to do here</ContextMenu.Label>}
    </>
  )
}

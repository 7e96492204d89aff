import * as ContextMenu from '@radix-ui/react-context-menu'
import { Fragment } from 'react'
import { ASSET_OPERATIONS, atLeast } from '../../../shared/domain.js'
import { useTrove } from '../../store/index.js'
import { FolderPlusIcon } from '../icons.js'
import { offeredActions } from './assetActions.js'
import { ActionIcon } from './ActionIcon.js'
import { useRunAssetAction } from './useRunAssetAction.js'

/**
 * A folder's menu in the tree, by right-click or the keyboard (Menu key, Shift+F10): the
 * actions its level allows, as in the centre, and a new folder inside it. Renaming happens
 * where the folder is listed, so its parent opens first.
 */
export function TreeFolderMenuItems({ folderId }: { folderId: string }) {
  const folder = useTrove((s) => s.byId[folderId])
  const run = useRunAssetAction()
  if (!folder) return null
  const actions = offeredActions([folder])
  const canAdd = atLeast(folder.level, ASSET_OPERATIONS.createFolder)
  const s = useTrove.getState
  const act = async (id: (typeof actions)[number]['id']) => {
    if (id === 'rename') {
      await s().openFolder(folder.parentId)
      s().startRename(folder.id)
      return
    }
    run(id, [folder])
  }
  return (
    <>
      {actions.map((a, i) => (
        <Fragment key={a.id}>
          {i > 0 && actions[i - 1].group !== a.group && <ContextMenu.Separator className="menu-separator" />}
          <ContextMenu.Item className={`menu-item${a.danger ? ' is-danger' : ''}`} onSelect={() => void act(a.id)}>
            <ActionIcon id={a.id} />
            <span className="menu-item-label">{a.label}</span>
          </ContextMenu.Item>
          {a.id === 'copyLink' && canAdd && (
            <ContextMenu.Item
              className="menu-item"
              onSelect={() => {
                void s()
                  .openFolder(folder.id)
                  .then(() => s().openDialog({ kind: 'newFolder' }))
              }}
            >
              <FolderPlusIcon size={16} className="menu-icon" />
              <span className="menu-item-label">New folder…</span>
            </ContextMenu.Item>
          )}
        </Fragment>
      ))}
    </>
  )
}

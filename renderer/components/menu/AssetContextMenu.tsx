import * as ContextMenu from '@radix-ui/react-context-menu'
import { Fragment, type ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { offeredActions } from './assetActions.js'
import { ActionIcon } from './ActionIcon.js'
import { useRunAssetAction } from './useRunAssetAction.js'
import { FolderMenuItems } from './FolderMenuItems.js'
import { CollectionContextItems, useRemovableCollection } from '../collections/CollectionContextItems.js'
import { canRemoveFrom } from '../collections/collectionActions.js'

/**
 * The right-click menu of the centre (select, then right-click): the operations of the
 * permission table (docs/permissions.md) for the selection, each offered only where the lowest level among the selected
 * items allows it. A right-click on empty space offers what can be done in the folder itself.
 */
export function AssetContextMenu({ children }: { children: ReactNode }) {
  const selected = useTrove(useShallow((s) => s.selection.map((id) => s.byId[id]).filter((a): a is AssetView => !!a)))
  return (
    <ContextMenu.Root modal={false}>
      <ContextMenu.Trigger asChild>
        <div className="menu-area">{children}</div>
      </ContextMenu.Trigger>
      <ContextMenu.Portal>
        <ContextMenu.Content className="menu" aria-label={menuLabel(selected)} collisionPadding={8} loop>
          {selected.length === 0 ? <FolderMenuItems /> : <AssetMenuItems assets={selected} />}
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  )
}

function menuLabel(selected: AssetView[]): string {
  if (selected.length === 0) return 'Folder actions'
  return selected.length === 1 ? `Actions for ${selected[0].name}` : `Actions for ${selected.length} items`
}

function AssetMenuItems({ assets }: { assets: AssetView[] }) {
  const run = useRunAssetAction()
  const removableCollections = useTrove((s) => assets.length === 1 && s.details?.id === assets[0].id && !!s.details.associations?.some((a) => a.direct && canRemoveFrom(a.collection)))
  const collection = useRemovableCollection()
  const inCollection = useTrove((s) => s.collectionScope !== null && !s.search)
  const actions = offeredActions(assets, { removableCollections, inCollection })
  return (
    <>
      {assets.length > 1 && <ContextMenu.Label className="menu-label">{assets.length} items selected</ContextMenu.Label>}
      {/* In a collection, removing from it is what is meant most often: first, and apart from deleting. */}
      {collection && <CollectionContextItems collection={collection} assets={assets} />}
      {actions.map((a, i) => (
        <Fragment key={a.id}>
          {i > 0 && actions[i - 1].group !== a.group && <ContextMenu.Separator className="menu-separator" />}
          <ContextMenu.Item className={`menu-item${a.danger ? ' is-danger' : ''}`} onSelect={() => run(a.id, assets)}>
            <ActionIcon id={a.id} />
            <span className="menu-item-label">{a.label}</span>
            {a.shortcut && <span className="menu-shortcut">{a.shortcut}</span>}
          </ContextMenu.Item>
        </Fragment>
      ))}
    </>
  )
}

import { memo, useEffect, type MouseEvent } from 'react'
import type { AssetView } from '../../shared/views.js'
import { useTrove } from '../store/index.js'
import { FolderIcon, ShareIcon } from './icons.js'
import { ThumbImage, Thumbnail } from './browse/Thumbnail.js'
import { dimensions, formatBytes, itemCount, typeLabel } from './labels.js'
import { RenameField } from './browse/RenameField.js'
import { endAssetDrag, startAssetDrag, useFolderDrop } from './browse/dragAssets.js'
import { isHome } from '../../shared/home.js'

export interface ItemProps {
  asset: AssetView
  /** The DOM id aria-activedescendant points at. */
  optionId: string
  selected: boolean
  active: boolean
  renaming: boolean
  posinset: number
  setsize: number
  onClick(e: MouseEvent): void
  onDoubleClick(): void
  onContextMenu(): void
  onRenameDone(): void
  /** In search results: the folder the hit is in, as the user may see it. */
  showFolder?: boolean
  /** In the visible part of the view (not the rows drawn just outside it): its picture comes first. */
  onScreen?: boolean
}

export function assetMeta(asset: AssetView): string {
  if (asset.kind === 'folder') return `Folder · ${itemCount(asset.childCount ?? 0)}`
  return [typeLabel(asset.name, asset.mime), formatBytes(asset.size ?? 0), dimensions(asset.width, asset.height)].filter(Boolean).join(' · ')
}

/** One asset in the grid: a thumbnail for images, videos, PDFs and RAW photos (served with the session's permission check), an icon by type otherwise. */
function Tile({ asset, optionId, selected, active, renaming, posinset, setsize, onClick, onDoubleClick, onContextMenu, onRenameDone, showFolder, onScreen }: ItemProps) {
  const { over, dropProps } = useFolderDrop(asset.kind === 'folder' ? asset : undefined)
  return (
    <div
      id={optionId}
      role="option"
      aria-selected={selected}
      aria-posinset={posinset}
      aria-setsize={setsize}
      aria-label={asset.name}
      aria-describedby={`${optionId}-meta`}
      className={`tile${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}${over ? ' is-drop-target' : ''}`}
      title={asset.name}
      draggable={!renaming && !isHome(asset)}
      onDragStart={(e) => startAssetDrag(e, asset.id)}
      onDragEnd={endAssetDrag}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onContextMenu={onContextMenu}
      data-kind={asset.kind}
      {...dropProps}
    >
      <div className="tile-visual">
        {asset.kind === 'folder' ? <FolderVisual folderId={asset.id} onScreen={onScreen ?? true} /> : <Thumbnail key={asset.currentVersion} asset={asset} onScreen={onScreen ?? true} />}
      </div>
      <div className="tile-text">
        {renaming ? (
          <RenameField asset={asset} onDone={onRenameDone} />
        ) : (
          <span className="name-line">
            <span className="tile-name">{asset.name}</span>
            {asset.shared && <SharedBadge />}
          </span>
        )}
        <span className="tile-meta" id={`${optionId}-meta`}>
          {showFolder ? folderOf(asset) : assetMeta(asset)}
        </span>
      </div>
    </div>
  )
}

/**
 * A tile re-renders only when what it shows changes, not on every scroll frame of the grid.
 * Its handlers are left out of the comparison: they act on the item's id through the store's
 * current state, so the ones from an earlier render do the same thing.
 */
export const AssetTile = memo(Tile, sameItem)

export function sameItem(a: ItemProps, b: ItemProps): boolean {
  return a.asset === b.asset && a.optionId === b.optionId && a.selected === b.selected && a.active === b.active &&
    a.renaming === b.renaming && a.posinset === b.posinset && a.setsize === b.setsize && a.showFolder === b.showFolder && a.onScreen === b.onScreen
}

/** The folder part of a path ("/Marketing/Brand"), or "Shared with you" where the folder is hidden. */
export function folderOf(asset: AssetView): string {
  if (!asset.path || asset.parentId === null) return 'Shared with you'
  return `In ${asset.path.slice(0, asset.path.lastIndexOf('/')) || '/'}`
}

/**
 * A folder's tile shows a few of its own pictures (only ones this user can view: main picks
 * them), or the folder icon when it has none.
 */
function FolderVisual({ folderId, onScreen }: { folderId: string; onScreen: boolean }) {
  const previews = useTrove((s) => s.folderPreviews[folderId])
  const generation = useTrove((s) => s.previewGeneration)
  useEffect(() => useTrove.getState().wantFolderPreviews(folderId), [folderId, generation])
  if (!previews || previews.length === 0) return <FolderIcon size={56} className="tile-icon tile-icon-folder" />
  return (
    <span className={`folder-mosaic is-${previews.length}`}>
      {previews.map((p) => (
        <span key={p.id} className="folder-mosaic-cell">
          <ThumbImage fileId={p.id} version={p.version} onScreen={onScreen} className="tile-thumb folder-mosaic-thumb" onGiveUp={() => undefined} />
        </span>
      ))}
      <FolderIcon size={22} className="folder-mosaic-badge" />
    </span>
  )
}

/** Marks what is shared itself, for whoever may manage its sharing (main tells no one else). */
export function SharedBadge() {
  return (
    <span className="shared-badge" title="Shared">
      <ShareIcon size={13} />
      <span className="visually-hidden">, shared</span>
    </span>
  )
}

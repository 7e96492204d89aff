import { memo, useState, type MouseEvent } from 'react'
import { hasRendition } from '../../shared/mediaKinds.js'
import type { AssetView } from '../../shared/views.js'
import { api } from '../api/index.js'
import { FileTypeIcon, fileKind } from './fileTypeIcons.js'
import { FolderIcon } from './icons.js'
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
}

export function assetMeta(asset: AssetView): string {
  if (asset.kind === 'folder') return `Folder · ${itemCount(asset.childCount ?? 0)}`
  return [typeLabel(asset.name, asset.mime), formatBytes(asset.size ?? 0), dimensions(asset.width, asset.height)].filter(Boolean).join(' · ')
}

/** One asset in the grid: a thumbnail for images, videos, PDFs and RAW photos (served with the session's permission check), an icon by type otherwise. */
function Tile({ asset, optionId, selected, active, renaming, posinset, setsize, onClick, onDoubleClick, onContextMenu, onRenameDone, showFolder }: ItemProps) {
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
        <Thumbnail key={asset.currentVersion} asset={asset} />
      </div>
      <div className="tile-text">
        {renaming ? <RenameField asset={asset} onDone={onRenameDone} /> : <span className="tile-name">{asset.name}</span>}
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
    a.renaming === b.renaming && a.posinset === b.posinset && a.setsize === b.setsize && a.showFolder === b.showFolder
}

/** The folder part of a path ("/Marketing/Brand"), or "Shared with you" where the folder is hidden. */
export function folderOf(asset: AssetView): string {
  if (!asset.path || asset.parentId === null) return 'Shared with you'
  return `In ${asset.path.slice(0, asset.path.lastIndexOf('/')) || '/'}`
}

/** A placeholder shows until the thumbnail has loaded (thumbnails are made in the background). */
function Thumbnail({ asset }: { asset: AssetView }) {
  const [state, setState] = useState<'loading' | 'loaded' | 'broken'>('loading')
  if (asset.kind === 'folder') return <FolderIcon size={56} className="tile-icon tile-icon-folder" />
  const kind = fileKind(asset.kind, asset.mime, asset.name)
  const icon = (
    <span className="tile-file">
      <FileTypeIcon kind={kind} size={48} className="tile-icon" />
      <span className="tile-ext">{typeLabel(asset.name, asset.mime)}</span>
    </span>
  )
  // Videos, PDFs and RAW photos have thumbnails too (a poster frame, the first page, the embedded preview).
  if (!hasRendition(asset.mime) || state === 'broken') return icon
  return (
    <>
      {state === 'loading' && <span className="tile-placeholder" aria-hidden="true" />}
      <img
        className={`tile-thumb${state === 'loaded' ? ' is-loaded' : ''}`}
        src={api.fileUrl('thumb', asset.id, asset.currentVersion)}
        alt=""
        loading="lazy"
        decoding="async"
        draggable={false}
        onLoad={() => setState('loaded')}
        onError={() => setState('broken')}
      />
    </>
  )
}

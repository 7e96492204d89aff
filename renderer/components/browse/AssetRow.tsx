import type { CSSProperties } from 'react'
import { useTrove } from '../../store/index.js'
import { Thumbnail } from './Thumbnail.js'
import { formatBytes, formatCompactDateTime, formatDateTime, itemCount, typeLabel } from '../labels.js'
import { SharedBadge, type ItemProps } from '../AssetTile.js'
import { RenameField } from './RenameField.js'
import { endAssetDrag, startAssetDrag, useFolderDrop } from './dragAssets.js'
import { isHome } from '../../../shared/home.js'

/** One asset as a row of the list: name, type, size, modified, owner. */
export function AssetRow(props: ItemProps & { rowIndex: number; style: CSSProperties; showPath: boolean }) {
  const { asset, optionId, selected, active, renaming, rowIndex, style, showPath } = props
  const owner = useTrove((s) => s.users.find((u) => u.id === asset.createdBy)?.name ?? '—')
  const { over, dropProps } = useFolderDrop(asset.kind === 'folder' ? asset : undefined)
  const folder = asset.kind === 'folder'
  const parentPath = asset.path.slice(0, asset.path.lastIndexOf('/')) || '/'
  return (
    <div
      id={optionId}
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      className={`list-row${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}${over ? ' is-drop-target' : ''}`}
      style={style}
      draggable={!renaming && !isHome(asset)}
      onDragStart={(e) => startAssetDrag(e, asset.id)}
      onDragEnd={endAssetDrag}
      onClick={props.onClick}
      onDoubleClick={props.onDoubleClick}
      onContextMenu={props.onContextMenu}
      data-kind={asset.kind}
      {...dropProps}
    >
      <div role="gridcell" className="list-cell list-cell-name">
        <Thumbnail key={asset.currentVersion} asset={asset} onScreen iconSize={18} small />
        {renaming ? (
          <RenameField asset={asset} onDone={props.onRenameDone} />
        ) : (
          <span className="list-name">
            <span className="name-line">
              <span className="list-name-text">{asset.name}</span>
              {asset.shared && <SharedBadge />}
            </span>
            {showPath && <span className="list-path">{parentPath}</span>}
          </span>
        )}
      </div>
      <div role="gridcell" className="list-cell list-cell-type">
        {folder ? 'Folder' : typeLabel(asset.name, asset.mime)}
      </div>
      <div role="gridcell" className="list-cell list-cell-size">
        {folder ? itemCount(asset.childCount ?? 0) : formatBytes(asset.size ?? 0)}
      </div>
      <div role="gridcell" className="list-cell list-cell-modified" title={formatDateTime(asset.updatedAt)}>
        {formatCompactDateTime(asset.updatedAt)}
      </div>
      <div role="gridcell" className="list-cell list-cell-owner">
        {owner}
      </div>
    </div>
  )
}

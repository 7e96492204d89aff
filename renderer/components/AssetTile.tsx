import { useId, useState, type KeyboardEvent, type Ref } from 'react'
import type { AssetView } from '../../shared/views.js'
import { api } from '../api/index.js'
import { FileIcon, FolderIcon } from './icons.js'
import { formatBytes, itemCount, typeLabel } from './labels.js'

interface Props {
  asset: AssetView
  selected: boolean
  tabStop: boolean
  tileRef: Ref<HTMLLIElement>
  onSelect(e: { ctrlKey: boolean; metaKey: boolean }): void
  onOpen(): void
  onKeyDown(e: KeyboardEvent): void
  onFocus(): void
}

/** One asset in the grid: a thumbnail for images (served with the session's permission check), an icon otherwise. */
export function AssetTile({ asset, selected, tabStop, tileRef, onSelect, onOpen, onKeyDown, onFocus }: Props) {
  const meta =
    asset.kind === 'folder'
      ? `Folder · ${itemCount(asset.childCount ?? 0)}`
      : [typeLabel(asset.name, asset.mime), formatBytes(asset.size ?? 0), asset.width && asset.height ? `${asset.width}×${asset.height}` : null].filter(Boolean).join(' · ')
  const id = useId()
  return (
    <li
      ref={tileRef}
      role="option"
      aria-selected={selected}
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-meta`}
      className={`tile${selected ? ' is-selected' : ''}`}
      tabIndex={tabStop ? 0 : -1}
      title={asset.name}
      onClick={(e) => onSelect(e)}
      onDoubleClick={onOpen}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      data-kind={asset.kind}
    >
      <div className="tile-visual">
        <Visual asset={asset} />
      </div>
      <div className="tile-text">
        <span className="tile-name" id={`${id}-name`}>
          {asset.name}
        </span>
        <span className="tile-meta" id={`${id}-meta`}>
          {meta}
        </span>
      </div>
    </li>
  )
}

function Visual({ asset }: { asset: AssetView }) {
  const [broken, setBroken] = useState(false)
  if (asset.kind === 'folder') return <FolderIcon size={56} className="tile-icon tile-icon-folder" />
  if (asset.mime?.startsWith('image/') && !broken) {
    return <img className="tile-thumb" src={api.fileUrl('thumb', asset.id, asset.currentVersion)} alt="" loading="lazy" draggable={false} onError={() => setBroken(true)} />
  }
  return (
    <span className="tile-file">
      <FileIcon size={52} className="tile-icon" />
      <span className="tile-ext">{typeLabel(asset.name, asset.mime)}</span>
    </span>
  )
}

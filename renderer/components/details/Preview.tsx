import { useState } from 'react'
import type { AssetView } from '../../../shared/views.js'
import { api } from '../../api/index.js'
import { FileTypeIcon, fileKind } from '../fileTypeIcons.js'
import { typeLabel } from '../labels.js'
import { FocusAreaOverlay } from '../media/FocusAreaOverlay.js'

/** The large picture of an image (a placeholder until it arrives, its focus area outlined), an icon by type for anything else. */
export function Preview({ asset }: { asset: AssetView }) {
  const kind = fileKind(asset.kind, asset.mime, asset.name)
  return (
    <div className="preview">
      {kind === 'image' ? <ImagePreview key={`${asset.id}:${asset.currentVersion}`} asset={asset} /> : <TypeIcon asset={asset} />}
    </div>
  )
}

function ImagePreview({ asset }: { asset: AssetView }) {
  const [state, setState] = useState<'loading' | 'loaded' | 'broken'>('loading')
  if (state === 'broken') return <TypeIcon asset={asset} note="No preview could be made of this image." />
  return (
    <>
      {state === 'loading' && (
        <span className="preview-placeholder" role="status" aria-label="Loading preview">
          <span className="preview-shimmer" />
        </span>
      )}
      {/* The frame takes the picture's own box, so the focus area lands on its pixels even when the picture is smaller than the panel. */}
      <span className="preview-frame">
        <img
          className={`preview-image${state === 'loaded' ? ' is-loaded' : ''}`}
          src={api.fileUrl('preview', asset.id, asset.currentVersion)}
          alt={`Preview of ${asset.name}`}
          onLoad={() => setState('loaded')}
          onError={() => setState('broken')}
        />
        {state === 'loaded' && <FocusAreaOverlay focus={asset.focus} width={asset.width ?? 0} height={asset.height ?? 0} />}
      </span>
    </>
  )
}

function TypeIcon({ asset, note }: { asset: AssetView; note?: string }) {
  const kind = fileKind(asset.kind, asset.mime, asset.name)
  return (
    <span className="preview-icon" data-kind={kind}>
      <FileTypeIcon kind={kind} size={64} />
      {asset.kind === 'file' && <span className="preview-ext">{typeLabel(asset.name, asset.mime)}</span>}
      {note && <span className="preview-note">{note}</span>}
    </span>
  )
}

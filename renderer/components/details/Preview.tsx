import { useState } from 'react'
import { fileUrl } from '../../store/platform.js'
import type { AssetView } from '../../../shared/views.js'
import { renditionSource, type RenditionSource } from '../../../shared/mediaKinds.js'
import { FileTypeIcon, fileKind } from '../fileTypeIcons.js'
import { typeLabel } from '../labels.js'
import { FocusAreaOverlay } from '../media/FocusAreaOverlay.js'

const NO_PREVIEW: Record<RenditionSource, string> = {
  image: 'No preview could be made of this image.',
  video: 'No frame could be taken from this video: it may be damaged or in a format the bundled ffmpeg does not read.',
  pdf: 'No page could be drawn from this PDF: it may be damaged.',
  raw: 'This RAW file holds no preview that could be read.',
}

/**
 * The large picture of an image, video (poster frame), PDF (first page) or RAW photo (its
 * embedded preview): a placeholder until it arrives, its focus area outlined. A video plays
 * from the poster frame with seeking (the content route serves ranges). Anything else, or a
 * file none can be made of, is an icon by type with the reason.
 */
export function Preview({ asset }: { asset: AssetView }) {
  const source = asset.kind === 'file' ? renditionSource(asset.mime) : null
  return (
    <div className="preview">
      {source === 'video' ? (
        <VideoPreview key={`${asset.id}:${asset.currentVersion}`} asset={asset} />
      ) : source ? (
        <ImagePreview key={`${asset.id}:${asset.currentVersion}`} asset={asset} note={NO_PREVIEW[source]} />
      ) : (
        <TypeIcon asset={asset} />
      )}
    </div>
  )
}

function VideoPreview({ asset }: { asset: AssetView }) {
  const [broken, setBroken] = useState(false)
  if (broken) return <TypeIcon asset={asset} note={NO_PREVIEW.video} />
  return (
    <video
      className="preview-video"
      controls
      preload="metadata"
      poster={fileUrl('preview', asset.id, asset.currentVersion)}
      src={fileUrl('file', asset.id, asset.currentVersion)}
      aria-label={`Video ${asset.name}`}
      onError={() => setBroken(true)}
    />
  )
}

function ImagePreview({ asset, note }: { asset: AssetView; note: string }) {
  const [state, setState] = useState<'loading' | 'loaded' | 'broken'>('loading')
  if (state === 'broken') return <TypeIcon asset={asset} note={note} />
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
          src={fileUrl('preview', asset.id, asset.currentVersion)}
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

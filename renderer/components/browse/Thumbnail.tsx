import { useEffect, useState } from 'react'
import { fileUrl } from '../../store/platform.js'
import { hasRendition } from '../../../shared/mediaKinds.js'
import type { AssetView } from '../../../shared/views.js'
import { FileTypeIcon, fileKind } from '../fileTypeIcons.js'
import { typeLabel } from '../labels.js'

/**
 * How long to wait before asking again for a thumbnail that failed: a rendition still being
 * made under load, a dropped connection or a busy server usually answers a moment later.
 * After the last one the tile shows the icon for its type, as for a file with no picture.
 */
export const THUMB_RETRY_MS = [600, 2000, 6000]

/** The thumbnail's address; each retry asks afresh (the query only makes the address new, main ignores it). */
export function thumbUrl(fileId: string, version: number | undefined, attempt: number): string {
  const url = fileUrl('thumb', fileId, version)
  return attempt === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}attempt=${attempt}`
}

/**
 * A thumbnail that shows a placeholder until it arrives and asks again when it fails. Tiles
 * on screen ask with high priority and at once; those just outside (the grid's overscan) with
 * low priority, so what the person looks at comes first. Only rows near the view are in the
 * DOM at all, so tiles scrolled far away ask for nothing.
 */
export function ThumbImage({ fileId, version, onScreen, className, onGiveUp }: { fileId: string; version?: number; onScreen: boolean; className: string; onGiveUp(): void }) {
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<'loading' | 'loaded' | 'waiting'>('loading')
  useEffect(() => {
    if (state !== 'waiting') return
    const timer = setTimeout(() => {
      setAttempt((a) => a + 1)
      setState('loading')
    }, THUMB_RETRY_MS[attempt] ?? 0)
    return () => clearTimeout(timer)
  }, [state, attempt])
  return (
    <>
      {state !== 'loaded' && <span className="tile-placeholder" aria-hidden="true" />}
      {state !== 'waiting' && (
        <img
          className={`${className}${state === 'loaded' ? ' is-loaded' : ''}`}
          src={thumbUrl(fileId, version, attempt)}
          alt=""
          loading={onScreen ? 'eager' : 'lazy'}
          fetchPriority={onScreen ? 'high' : 'low'}
          decoding="async"
          draggable={false}
          onLoad={() => setState('loaded')}
          onError={() => {
            if (attempt >= THUMB_RETRY_MS.length) onGiveUp()
            else setState('waiting')
          }}
        />
      )}
    </>
  )
}

/** A file's picture in a tile or a list row, or the icon for its type where it has none. */
export function Thumbnail({ asset, onScreen, iconSize = 48, small = false }: { asset: AssetView; onScreen: boolean; iconSize?: number; small?: boolean }) {
  const [broken, setBroken] = useState(false)
  const kind = fileKind(asset.kind, asset.mime, asset.name)
  const icon = small ? (
    <FileTypeIcon kind={kind} size={iconSize} className={`list-icon${asset.kind === 'folder' ? ' is-folder' : ''}`} />
  ) : (
    <span className="tile-file">
      <FileTypeIcon kind={kind} size={iconSize} className="tile-icon" />
      <span className="tile-ext">{typeLabel(asset.name, asset.mime)}</span>
    </span>
  )
  // Videos, PDFs and RAW photos have thumbnails too (a poster frame, the first page, the embedded preview).
  if (asset.kind !== 'file' || !hasRendition(asset.mime) || broken) return icon
  const image = <ThumbImage key={asset.currentVersion} fileId={asset.id} version={asset.currentVersion} onScreen={onScreen} className={small ? 'list-thumb' : 'tile-thumb'} onGiveUp={() => setBroken(true)} />
  return small ? <span className="list-thumb-box">{image}</span> : image
}

import { useCallback, useEffect, useRef, useState } from 'react'
import { fileUrl } from '../../store/platform.js'
import type { AssetView } from '../../../shared/views.js'
import { renditionSource } from '../../../shared/mediaKinds.js'
import { FIT, effectiveScale, zoomAt, type Zoom } from './zoom.js'

/** The preview's longest side (main makes previews this size). */
const PREVIEW_SIZE = 1600
const STEP = 1.25

/**
 * An image in the viewer: fit to the window at first, 100% on request, wheel and pinch zoom
 * about the pointer, drag to pan. The preview shows first; once the picture is shown larger
 * than the preview holds, the original loads over it (for formats a browser draws).
 */
export function ImageViewer({ asset }: { asset: AssetView }) {
  const box = useRef<HTMLDivElement>(null)
  const [zoom, setZoom] = useState<Zoom>(FIT)
  const [boxSize, setBoxSize] = useState({ width: 0, height: 0 })
  const [loaded, setLoaded] = useState<{ width: number; height: number } | null>(null)
  const [originalReady, setOriginalReady] = useState(false)
  const [broken, setBroken] = useState(false)
  const size = asset.width && asset.height ? { width: asset.width, height: asset.height } : (loaded ?? { width: 0, height: 0 })
  const scale = effectiveScale(zoom, boxSize, size)
  const zoomRef = useRef({ zoom, scale })
  zoomRef.current = { zoom, scale }

  useEffect(() => {
    const el = box.current
    if (!el) return
    const measure = () => setBoxSize({ width: el.clientWidth, height: el.clientHeight })
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  const pointFrom = (clientX: number, clientY: number) => {
    const r = box.current!.getBoundingClientRect()
    return { x: clientX - r.left - r.width / 2, y: clientY - r.top - r.height / 2 }
  }

  // Wheel and trackpad pinch (a wheel with ctrlKey): the page must not scroll, so not passive.
  useEffect(() => {
    const el = box.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const { zoom: z, scale: s } = zoomRef.current
      const factor = Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.002))
      setZoom(zoomAt(z, s, factor, pointFrom(e.clientX, e.clientY)))
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [])

  const step = useCallback((factor: number) => setZoom((z) => zoomAt(z, zoomRef.current.scale, factor)), [])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return
      if (e.key === '+' || e.key === '=') step(STEP)
      else if (e.key === '-') step(1 / STEP)
      else if (e.key === '0') setZoom(FIT)
      else if (e.key === '1') setZoom({ scale: 1, x: 0, y: 0 })
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [step])

  // Drag to pan; two fingers pinch.
  const pointers = useRef(new Map<number, { x: number; y: number }>())
  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0) return
    box.current?.setPointerCapture?.(e.pointerId)
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY })
  }
  const onPointerMove = (e: React.PointerEvent) => {
    const last = pointers.current.get(e.pointerId)
    if (!last) return
    const all = [...pointers.current.entries()]
    if (all.length === 2) {
      const other = all.find(([id]) => id !== e.pointerId)![1]
      const before = Math.hypot(last.x - other.x, last.y - other.y)
      const after = Math.hypot(e.clientX - other.x, e.clientY - other.y)
      if (before > 0) setZoom((z) => zoomAt(z, zoomRef.current.scale, after / before, pointFrom((e.clientX + other.x) / 2, (e.clientY + other.y) / 2)))
    } else {
      const { scale: s } = zoomRef.current
      setZoom((z) => ({ scale: z.scale ?? s, x: z.x + e.clientX - last.x, y: z.y + e.clientY - last.y }))
    }
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY })
  }
  const onPointerUp = (e: React.PointerEvent) => {
    pointers.current.delete(e.pointerId)
  }

  const drawable = renditionSource(asset.mime) === 'image'
  const wantOriginal = drawable && Math.max(size.width, size.height) * scale > PREVIEW_SIZE * 1.05
  const width = size.width * scale
  const height = size.height * scale
  const style = size.width > 0 ? { width, height, transform: `translate(${zoom.x}px, ${zoom.y}px)` } : undefined
  const label = zoom.scale === null ? 'Fit' : `${Math.round(scale * 100)}%`

  return (
    <div className="viewer-image">
      <div
        ref={box}
        className={`viewer-image-box${zoom.scale !== null ? ' is-zoomed' : ''}`}
        data-testid="viewer-stage"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onDoubleClick={() => setZoom((z) => (z.scale === null ? { scale: 1, x: 0, y: 0 } : FIT))}
      >
        {broken ? (
          <p className="viewer-note">No preview could be made of this image.</p>
        ) : (
          <>
            <img
              className="viewer-picture"
              src={fileUrl('preview', asset.id, asset.currentVersion)}
              alt={asset.name}
              draggable={false}
              style={style}
              onLoad={(e) => setLoaded({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
              onError={() => setBroken(true)}
            />
            {wantOriginal && (
              <img
                className={`viewer-picture viewer-original${originalReady ? ' is-ready' : ''}`}
                src={fileUrl('file', asset.id, asset.currentVersion)}
                alt=""
                draggable={false}
                style={style}
                onLoad={() => setOriginalReady(true)}
              />
            )}
          </>
        )}
      </div>
      <div className="viewer-zoom" role="group" aria-label="Zoom">
        <button type="button" className="icon-button" aria-label="Zoom out" onClick={() => step(1 / STEP)}>
          −
        </button>
        <output className="viewer-zoom-level" aria-label="Zoom level">
          {label}
        </output>
        <button type="button" className="icon-button" aria-label="Zoom in" onClick={() => step(STEP)}>
          +
        </button>
        <button type="button" className="button button-small button-quiet" aria-pressed={zoom.scale === null} onClick={() => setZoom(FIT)}>
          Fit
        </button>
        <button type="button" className="button button-small button-quiet" aria-pressed={zoom.scale === 1} onClick={() => setZoom({ scale: 1, x: 0, y: 0 })}>
          100%
        </button>
      </div>
    </div>
  )
}

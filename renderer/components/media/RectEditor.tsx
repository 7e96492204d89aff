import { useId, useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { isFull, type Rect } from './editState.js'
import { bigEnough, clampPoint, contains, moveRect, oppositeCorner, resizeRect, spanRect, type Point } from './rectMath.js'

const HANDLES = ['nw', 'ne', 'sw', 'se'] as const
/** One keyboard step: a hundredth of the image, or a tenth with Ctrl/Cmd. */
const STEP = 0.01
const BIG_STEP = 0.1

type Drag = { kind: 'draw' | 'resize'; anchor: Point } | { kind: 'move'; offset: Point }

interface Props {
  rect: Rect | null
  onChange(rect: Rect): void
  /** In 0..1 units (width / height); null for a free shape. */
  ratio: number | null
  label: string
  /** A crop shades what it cuts away (once it cuts anything); a focus area is only outlined. */
  variant: 'crop' | 'focus'
}

const pct = (n: number) => `${Math.round(n * 1000) / 10}%`

/**
 * A rectangle drawn over an image: drag to draw one, drag inside to move it, drag a corner
 * to resize it. Arrow keys move it and Shift+arrow keys resize it, so it needs no mouse.
 * An untouched full-image crop is drawn anew from wherever the drag starts.
 */
export function RectEditor({ rect, onChange, ratio, label, variant }: Props) {
  const overlay = useRef<HTMLDivElement>(null)
  const drag = useRef<Drag | null>(null)
  const hintId = useId()

  const pointAt = (e: PointerEvent): Point => {
    const box = overlay.current!.getBoundingClientRect()
    return clampPoint({ x: (e.clientX - box.left) / (box.width || 1), y: (e.clientY - box.top) / (box.height || 1) })
  }

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    const p = pointAt(e)
    const handle = (e.target as HTMLElement).dataset.handle
    if (handle && rect) drag.current = { kind: 'resize', anchor: oppositeCorner(rect, handle) }
    else if (rect && !isFull(rect) && contains(rect, p)) drag.current = { kind: 'move', offset: { x: p.x - rect.x, y: p.y - rect.y } }
    else drag.current = { kind: 'draw', anchor: p }
    e.currentTarget.setPointerCapture?.(e.pointerId)
    e.preventDefault()
  }

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d) return
    const p = pointAt(e)
    if (d.kind === 'move') {
      if (rect) onChange(moveRect(rect, p.x - d.offset.x, p.y - d.offset.y))
      return
    }
    const next = spanRect(d.anchor, p, ratio)
    if (bigEnough(next)) onChange(next)
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (!rect) return
    const step = e.ctrlKey || e.metaKey ? BIG_STEP : STEP
    const dx = e.key === 'ArrowRight' ? step : e.key === 'ArrowLeft' ? -step : 0
    const dy = e.key === 'ArrowDown' ? step : e.key === 'ArrowUp' ? -step : 0
    if (dx === 0 && dy === 0) return
    e.preventDefault()
    onChange(e.shiftKey ? resizeRect(rect, dx, dy, ratio) : moveRect(rect, rect.x + dx, rect.y + dy))
  }

  return (
    <div
      ref={overlay}
      className="rect-editor"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
    >
      {rect && (
        <div
          className={`rect-area is-${variant}${variant === 'crop' && !isFull(rect) ? ' is-shaded' : ''}`}
          style={{ left: pct(rect.x), top: pct(rect.y), width: pct(rect.width), height: pct(rect.height) }}
          role="group"
          aria-roledescription="adjustable area"
          aria-label={label}
          aria-describedby={hintId}
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          <span className="rect-grid" aria-hidden="true" />
          {HANDLES.map((h) => (
            <span key={h} className={`rect-handle rect-handle-${h}`} data-handle={h} aria-hidden="true" />
          ))}
        </div>
      )}
      <span id={hintId} className="rect-hint">
        {rect ? `${pct(rect.x)} from the left, ${pct(rect.y)} from the top, ${pct(rect.width)} wide and ${pct(rect.height)} high. ` : ''}
        Arrow keys move it; Shift with arrow keys resizes it; hold Ctrl for bigger steps.
      </span>
    </div>
  )
}

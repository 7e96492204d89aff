import { useRef, useState, type PointerEvent, type RefObject } from 'react'
import type { Id } from '../../../shared/domain.js'
import { useTrove } from '../../store/index.js'

/** Where the grid puts tile `i`, in the scrolled content's coordinates. */
export interface GridGeometry {
  columns: number
  tileWidth: number
  tileHeight: number
  rowHeight: number
  gap: number
  left: number
  top: number
}

export interface Band {
  x: number
  y: number
  width: number
  height: number
}

/** A press that moves less than this is a click, not a band. */
const THRESHOLD = 4
/** Near the top or bottom edge the view scrolls along with the band. */
const EDGE = 32

/** The items a band touches: worked out from the layout, so rows the virtualiser has not drawn count too. */
export function itemsInBand(band: Band, g: GridGeometry, count: number): number[] {
  const hits: number[] = []
  const firstRow = Math.max(0, Math.floor((band.y - g.top) / g.rowHeight))
  const lastRow = Math.floor((band.y + band.height - g.top) / g.rowHeight)
  for (let row = firstRow; row <= lastRow; row++) {
    const y = g.top + row * g.rowHeight
    if (y > band.y + band.height || y + g.tileHeight < band.y) continue
    for (let col = 0; col < g.columns; col++) {
      const i = row * g.columns + col
      if (i >= count) return hits
      const x = g.left + col * (g.tileWidth + g.gap)
      if (x <= band.x + band.width && x + g.tileWidth >= band.x) hits.push(i)
    }
  }
  return hits
}

/**
 * Rubber-band selection in the grid, as file managers do it: a drag that starts on empty
 * space selects every tile the band touches. With Shift the band adds to the selection;
 * with Ctrl (Cmd on a Mac) it toggles what it touches; with neither it replaces it.
 */
export function useRubberBand(scroller: RefObject<HTMLElement | null>, ids: Id[], geometry: GridGeometry) {
  const [band, setBand] = useState<Band | null>(null)
  const drag = useRef<{ x: number; y: number; base: Set<Id>; mode: 'replace' | 'add' | 'toggle'; moved: boolean } | null>(null)
  const swallowClick = useRef(false)

  const point = (e: PointerEvent) => {
    const el = scroller.current!
    const r = el.getBoundingClientRect()
    return { x: e.clientX - r.left + el.scrollLeft, y: e.clientY - r.top + el.scrollTop }
  }

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 || (e.target as HTMLElement).dataset?.background === undefined || !scroller.current) return
    const mod = e.ctrlKey || e.metaKey
    const mode = mod ? 'toggle' : e.shiftKey ? 'add' : 'replace'
    drag.current = { ...point(e), base: new Set(mode === 'replace' ? [] : useTrove.getState().selection), mode, moved: false }
    scroller.current.setPointerCapture?.(e.pointerId)
  }

  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current
    const el = scroller.current
    if (!d || !el) return
    const p = point(e)
    if (!d.moved && Math.hypot(p.x - d.x, p.y - d.y) < THRESHOLD) return
    d.moved = true
    const r = el.getBoundingClientRect()
    if (e.clientY > r.bottom - EDGE) el.scrollTop += EDGE / 2
    else if (e.clientY < r.top + EDGE) el.scrollTop -= EDGE / 2
    const next = { x: Math.min(d.x, p.x), y: Math.min(d.y, p.y), width: Math.abs(p.x - d.x), height: Math.abs(p.y - d.y) }
    setBand(next)
    const touched = itemsInBand(next, geometry, ids.length).map((i) => ids[i])
    let selection: Id[]
    if (d.mode === 'replace') selection = touched
    else if (d.mode === 'add') selection = [...new Set([...d.base, ...touched])]
    else {
      const flipped = new Set(touched)
      selection = [...[...d.base].filter((id) => !flipped.has(id)), ...touched.filter((id) => !d.base.has(id))]
    }
    const s = useTrove.getState()
    if (selection.length !== s.selection.length || selection.some((id, i) => s.selection[i] !== id)) s.setSelection(selection)
  }

  const end = (e: PointerEvent) => {
    const d = drag.current
    drag.current = null
    setBand(null)
    scroller.current?.releasePointerCapture?.(e.pointerId)
    // The click that ends a band is not a click on empty space (which would clear the selection).
    swallowClick.current = !!d?.moved
  }

  /** True once, for the click that ends a band. */
  const endedBand = () => {
    const was = swallowClick.current
    swallowClick.current = false
    return was
  }

  return { band, onPointerDown, onPointerMove, onPointerUp: end, onPointerCancel: end, endedBand }
}

import type { Rect } from './editState.js'

export interface Point {
  x: number
  y: number
}

/** A crop or focus area narrower than this is more likely a slip of the mouse than a choice. */
export const MIN_SIZE = 0.02

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n))

export function clampPoint(p: Point): Point {
  return { x: clamp(p.x, 0, 1), y: clamp(p.y, 0, 1) }
}

export function contains(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height
}

/**
 * The rectangle spanned from an anchor to where the pointer is. With a ratio (in 0..1 units:
 * width / height) the larger of the two movements decides, and the whole rectangle is
 * scaled down until it fits between the anchor and the image's edges.
 */
export function spanRect(anchor: Point, to: Point, ratio: number | null): Rect {
  const p = clampPoint(to)
  let w = Math.abs(p.x - anchor.x)
  let h = Math.abs(p.y - anchor.y)
  const sx = p.x >= anchor.x ? 1 : -1
  const sy = p.y >= anchor.y ? 1 : -1
  if (ratio !== null) {
    w = Math.max(w, h * ratio)
    h = w / ratio
    const roomX = sx > 0 ? 1 - anchor.x : anchor.x
    const roomY = sy > 0 ? 1 - anchor.y : anchor.y
    const scale = Math.min(1, roomX / w || 1, roomY / h || 1)
    w *= scale
    h *= scale
  }
  return { x: sx > 0 ? anchor.x : anchor.x - w, y: sy > 0 ? anchor.y : anchor.y - h, width: w, height: h }
}

export function moveRect(r: Rect, x: number, y: number): Rect {
  return { ...r, x: clamp(x, 0, 1 - r.width), y: clamp(y, 0, 1 - r.height) }
}

/**
 * Grows or shrinks from the top-left corner, for the keyboard. With a ratio, the side that
 * was asked for drives the other one.
 */
export function resizeRect(r: Rect, dw: number, dh: number, ratio: number | null): Rect {
  let width = clamp(r.width + dw, MIN_SIZE, 1 - r.x)
  let height = clamp(r.height + dh, MIN_SIZE, 1 - r.y)
  if (ratio !== null) {
    if (dw !== 0) height = width / ratio
    else width = height * ratio
    // Kept inside the image: whichever side hits the edge sets the size.
    const scale = Math.min(1, (1 - r.x) / width, (1 - r.y) / height)
    width *= scale
    height *= scale
    if (width < MIN_SIZE || height < MIN_SIZE) return r
  }
  return { ...r, width, height }
}

/** The corner opposite a handle, which stays put while the handle is dragged. */
export function oppositeCorner(r: Rect, handle: string): Point {
  return { x: handle.includes('w') ? r.x + r.width : r.x, y: handle.includes('n') ? r.y + r.height : r.y }
}

export const bigEnough = (r: Rect) => r.width >= MIN_SIZE && r.height >= MIN_SIZE

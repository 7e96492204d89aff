/** Zoom and pan of a picture in a box, as plain numbers (so they are tested without a browser). */
export interface Zoom {
  /** null: fit the box (never above 100%). */
  scale: number | null
  /** The picture's centre, from the box's centre, in screen pixels. */
  x: number
  y: number
}

export const FIT: Zoom = { scale: null, x: 0, y: 0 }
export const MIN_SCALE = 0.05
export const MAX_SCALE = 16

export function fitScale(box: { width: number; height: number }, size: { width: number; height: number }): number {
  if (size.width <= 0 || size.height <= 0 || box.width <= 0 || box.height <= 0) return 1
  return Math.min(1, box.width / size.width, box.height / size.height)
}

export function effectiveScale(zoom: Zoom, box: { width: number; height: number }, size: { width: number; height: number }): number {
  return zoom.scale ?? fitScale(box, size)
}

/** Zooms by `factor` keeping the point `at` (from the box's centre) where it is on screen. */
export function zoomAt(zoom: Zoom, current: number, factor: number, at: { x: number; y: number } = { x: 0, y: 0 }): Zoom {
  const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, current * factor))
  const k = next / current
  return { scale: next, x: at.x - (at.x - zoom.x) * k, y: at.y - (at.y - zoom.y) * k }
}

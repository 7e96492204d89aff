import type { FocusArea } from '../../../shared/domain.js'
import './media.css'

/**
 * The file's focus area drawn over its picture, for the details panel. Put it as the last
 * child of a `position: relative` box whose image is shown with `object-fit: contain`: the
 * SVG letterboxes the same way (`xMidYMid meet`), so the outline lands on the same pixels
 * whatever the box's shape.
 */
export function FocusAreaOverlay({ focus, width, height }: { focus: FocusArea | null | undefined; width: number; height: number }) {
  if (!focus || !(width > 0) || !(height > 0)) return null
  const x = focus.x * width
  const y = focus.y * height
  const w = focus.width * width
  const h = focus.height * height
  return (
    <svg className="focus-overlay" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label="Focus area">
      <path d={`M0 0H${width}V${height}H0Z M${x} ${y}V${y + h}H${x + w}V${y}Z`} className="focus-overlay-shade" fillRule="evenodd" />
      <rect x={x} y={y} width={w} height={h} className="focus-overlay-frame" vectorEffect="non-scaling-stroke" />
    </svg>
  )
}

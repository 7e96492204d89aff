/** Icons of the image tools, drawn like the app's other line icons. */
import { Svg, type IconProps } from '../icons.js'

export const RotateLeftIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 4v5h5" />
    <path d="M4.5 9A8 8 0 1 1 6 16.5" />
  </Svg>
)
export const RotateRightIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M20 4v5h-5" />
    <path d="M19.5 9A8 8 0 1 0 18 16.5" />
  </Svg>
)
export const FlipHorizontalIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M12 3v18" strokeDasharray="2 2" />
    <path d="M9 7 4 17h5zM15 7l5 10h-5z" />
  </Svg>
)
export const FlipVerticalIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M3 12h18" strokeDasharray="2 2" />
    <path d="M7 9 17 4v5zM7 15l10 5v-5z" />
  </Svg>
)
export const CropIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M6 2v14a2 2 0 0 0 2 2h14" />
    <path d="M18 22V8a2 2 0 0 0-2-2H2" />
  </Svg>
)
export const FocusIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3" />
    <circle cx="12" cy="12" r="2.5" />
  </Svg>
)

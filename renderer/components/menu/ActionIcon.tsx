import {
  CopyIcon, CropIcon, DownloadIcon, EraserIcon, MoveIcon, OpenIcon, PencilIcon, CollectionIcon,
  RemoveFromCollectionIcon, SparkleIcon, TrashIcon, HistoryIcon,
} from '../actionIcons.js'
import { ShareIcon } from '../icons.js'
import { Svg, type IconProps } from '../icons.js'
import type { AssetActionId } from './assetActions.js'

const LinkIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1" />
    <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
  </Svg>
)

const FocusIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 8V4h4M16 4h4v4M20 16v4h-4M8 20H4v-4" />
    <circle cx="12" cy="12" r="2.5" />
  </Svg>
)

const ICONS = {
  open: OpenIcon,
  copyLink: LinkIcon,
  download: DownloadIcon,
  downloadZip: DownloadIcon,
  rename: PencilIcon,
  move: MoveIcon,
  copy: CopyIcon,
  uploadVersion: HistoryIcon,
  addToCollections: CollectionIcon,
  removeFromCollections: RemoveFromCollectionIcon,
  editImage: CropIcon,
  focusArea: FocusIcon,
  autoTags: SparkleIcon,
  removeBackground: EraserIcon,
  similar: CopyIcon,
  share: ShareIcon,
  delete: TrashIcon,
} satisfies Record<AssetActionId, unknown>

export function ActionIcon({ id }: { id: AssetActionId }) {
  const Icon = ICONS[id]
  return <Icon size={16} className="menu-icon" />
}

import {
  CopyIcon, CropIcon, DownloadIcon, EraserIcon, MoveIcon, OpenIcon, PencilIcon, CollectionIcon,
  RemoveFromCollectionIcon, SparkleIcon, TrashIcon, HistoryIcon,
} from '../actionIcons.js'
import { ShareIcon } from '../icons.js'
import type { AssetActionId } from './assetActions.js'

const ICONS = {
  open: OpenIcon,
  download: DownloadIcon,
  downloadZip: DownloadIcon,
  rename: PencilIcon,
  move: MoveIcon,
  copy: CopyIcon,
  uploadVersion: HistoryIcon,
  addToCollections: CollectionIcon,
  removeFromCollections: RemoveFromCollectionIcon,
  editImage: CropIcon,
  autoTags: SparkleIcon,
  removeBackground: EraserIcon,
  share: ShareIcon,
  delete: TrashIcon,
} satisfies Record<AssetActionId, unknown>

export function ActionIcon({ id }: { id: AssetActionId }) {
  const Icon = ICONS[id]
  return <Icon size={16} className="menu-icon" />
}

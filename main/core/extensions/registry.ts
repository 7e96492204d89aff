import type { AssetOperation, FileRecord } from '../../../shared/domain.js'
import { isEditable } from '../media/imageEdit.js'
import { currentVersionOf } from '../assets/tree.js'

/**
 * One entry per extension: what it is called, which files it applies to, and which row of
 * the permission table in docs/permissions.md (and so which level) it needs. A new extension
 * is one more entry here and one channel in shared/contract/extensions.ts.
 */
export interface ExtensionInfo {
  name: string
  title: string
  description: string
  operation: AssetOperation
  appliesTo(file: FileRecord): boolean
}

const isImage = (file: FileRecord) => isEditable(currentVersionOf(file).mime)

export const EXTENSIONS: ExtensionInfo[] = [
  {
    name: 'autoTags',
    title: 'Add auto tags',
    description: 'Suggests tags from the image: embedded keywords, camera, date taken, orientation, colour, transparency, location.',
    operation: 'autoTags',
    appliesTo: isImage,
  },
  {
    name: 'removeBackground',
    title: 'Remove background',
    description: 'Cuts the subject out and makes the background transparent, as a new version or a new PNG file.',
    operation: 'removeBackground',
    appliesTo: isImage,
  },
]

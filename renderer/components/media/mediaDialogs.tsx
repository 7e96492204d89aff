import type { Id } from '../../../shared/domain.js'
import type { DialogRenderers } from '../dialogs/dialogRenderers.js'
import { AutoTagsDialog } from './AutoTagsDialog.js'
import { FocusAreaDialog } from './FocusAreaDialog.js'
import { ImageEditorDialog } from './ImageEditorDialog.js'
import { RemoveBackgroundDialog } from './RemoveBackgroundDialog.js'

declare module '../../store/dialogs.js' {
  interface DialogKinds {
    imageEditor: { fileId: Id }
    focusArea: { fileId: Id }
    autoTags: { fileId: Id }
    removeBackground: { fileId: Id }
  }
}

/** The image tools' dialogs, for the dialog host; keyed by file, so another file starts afresh. */
export const mediaDialogs = {
  imageEditor: (d) => <ImageEditorDialog key={d.fileId} fileId={d.fileId} />,
  focusArea: (d) => <FocusAreaDialog key={d.fileId} fileId={d.fileId} />,
  autoTags: (d) => <AutoTagsDialog key={d.fileId} fileId={d.fileId} />,
  removeBackground: (d) => <RemoveBackgroundDialog key={d.fileId} fileId={d.fileId} />,
} satisfies Partial<DialogRenderers>

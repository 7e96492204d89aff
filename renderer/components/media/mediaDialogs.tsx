import type { ReactNode } from 'react'
import type { Dialog } from '../../store/index.js'
import { DuplicatesDialog, SimilarDialog } from '../duplicates/DuplicatesDialog.js'
import { AutoTagsDialog } from './AutoTagsDialog.js'
import { FocusAreaDialog } from './FocusAreaDialog.js'
import { ImageEditorDialog } from './ImageEditorDialog.js'
import { RemoveBackgroundDialog } from './RemoveBackgroundDialog.js'

/** The image tools' dialogs, for the dialog host; null for any other kind. Keyed by file, so another file starts afresh. */
export function mediaDialog(dialog: Dialog): ReactNode {
  switch (dialog.kind) {
    case 'imageEditor':
      return <ImageEditorDialog key={dialog.fileId} fileId={dialog.fileId} />
    case 'focusArea':
      return <FocusAreaDialog key={dialog.fileId} fileId={dialog.fileId} />
    case 'autoTags':
      return <AutoTagsDialog key={dialog.fileId} fileId={dialog.fileId} />
    case 'removeBackground':
      return <RemoveBackgroundDialog key={dialog.fileId} fileId={dialog.fileId} />
    case 'duplicates':
      return <DuplicatesDialog key={dialog.folderId ?? ''} folderId={dialog.folderId} />
    case 'similar':
      return <SimilarDialog key={dialog.fileId} fileId={dialog.fileId} />
    default:
      return null
  }
}

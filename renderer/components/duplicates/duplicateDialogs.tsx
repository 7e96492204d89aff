import type { Id } from '../../../shared/domain.js'
import type { DialogRenderers } from '../dialogs/dialogRenderers.js'
import { DuplicatesDialog, SimilarDialog } from './DuplicatesDialog.js'

declare module '../../store/dialogs.js' {
  interface DialogKinds {
    /** Files with the same content, under a folder when one is named. */
    duplicates: { folderId?: Id }
    /** Images that look like this one. */
    similar: { fileId: Id }
  }
}

/** The duplicates dialogs, for the dialog host. */
export const duplicateDialogs = {
  duplicates: (d) => <DuplicatesDialog key={d.folderId ?? ''} folderId={d.folderId} />,
  similar: (d) => <SimilarDialog key={d.fileId} fileId={d.fileId} />,
} satisfies Partial<DialogRenderers>

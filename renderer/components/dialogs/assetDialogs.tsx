import type { Id } from '../../../shared/domain.js'
import { UploadClashDialog } from '../upload/UploadClashDialog.js'
import { DeleteAssetsDialog } from './DeleteAssetsDialog.js'
import type { DialogRenderers } from './dialogRenderers.js'
import { MoveCopyDialog } from './MoveCopyDialog.js'
import { NewFolderDialog } from './NewFolderDialog.js'
import { PasswordDialog } from './PasswordDialog.js'

declare module '../../store/dialogs.js' {
  interface DialogKinds {
    password: { userId: Id }
    confirmDelete: { ids: Id[] }
    moveCopy: { mode: 'move' | 'copy'; ids: Id[] }
  }
}

/** The dialogs of files and folders (new, move, copy, delete, a name taken on upload) and of a user's password. */
export const assetDialogs = {
  newFolder: () => <NewFolderDialog />,
  password: (d) => <PasswordDialog key={d.userId} userId={d.userId} />,
  confirmDelete: (d) => <DeleteAssetsDialog ids={d.ids} />,
  uploadClash: () => <UploadClashDialog />,
  moveCopy: (d) => <MoveCopyDialog key={`${d.mode}:${d.ids.join()}`} mode={d.mode} ids={d.ids} />,
} satisfies Partial<DialogRenderers>

import { useTrove } from '../../store/index.js'
import { collectionDialog } from '../collections/collectionDialogs.js'
import { jobDialog } from '../jobs/jobDialogs.js'
import { mediaDialog } from '../media/mediaDialogs.js'
import { DeleteAssetsDialog } from './DeleteAssetsDialog.js'
import { MoveCopyDialog } from './MoveCopyDialog.js'
import { NewFolderDialog } from './NewFolderDialog.js'
import { PasswordDialog } from './PasswordDialog.js'

/** The one open dialog, as the ui slice says. */
export function DialogHost() {
  const dialog = useTrove((s) => s.dialog)
  if (!dialog) return null
  const collectionOrSharing = collectionDialog(dialog)
  if (collectionOrSharing) return collectionOrSharing
  const longWorkOrMedia = jobDialog(dialog) ?? mediaDialog(dialog)
  if (longWorkOrMedia) return longWorkOrMedia
  switch (dialog.kind) {
    case 'newFolder':
      return <NewFolderDialog />
    case 'password':
      return <PasswordDialog key={dialog.userId} userId={dialog.userId} />
    case 'confirmDelete':
      return <DeleteAssetsDialog ids={dialog.ids} />
    case 'moveCopy':
      return <MoveCopyDialog key={`${dialog.mode}:${dialog.ids.join()}`} mode={dialog.mode} ids={dialog.ids} />
    default:
      // A dialog whose component is not registered here yet shows nothing rather than failing.
      return null
  }
}

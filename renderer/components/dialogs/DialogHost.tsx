import { useTrove } from '../../store/index.js'
import { NewFolderDialog } from './NewFolderDialog.js'
import { PasswordDialog } from './PasswordDialog.js'

/** The one open dialog, as the ui slice says; later dialogs (share, move, confirm) add a case. */
export function DialogHost() {
  const dialog = useTrove((s) => s.dialog)
  if (!dialog) return null
  switch (dialog.kind) {
    case 'newFolder':
      return <NewFolderDialog />
    case 'password':
      return <PasswordDialog key={dialog.userId} userId={dialog.userId} />
  }
}

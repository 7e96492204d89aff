import { useTrove } from '../../store/index.js'
import { displayName } from '../Breadcrumbs.js'
import { NameDialog } from './NameDialog.js'

/** Names are checked by main (docs/names.md); its message is shown under the field. */
export function NewFolderDialog() {
  const parent = useTrove((s) => (s.folderId ? s.byId[s.folderId] : undefined))
  return (
    <NameDialog
      title="New folder"
      submitLabel="Create"
      hint={parent ? `In ${displayName(parent)}` : undefined}
      save={async (name) => void (await useTrove.getState().createFolder(name))}
    />
  )
}

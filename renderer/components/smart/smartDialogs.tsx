import type { Id } from '../../../shared/domain.js'
import type { Plain } from '../../store/index.js'
import { useTrove } from '../../store/index.js'
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js'
import type { DialogRenderers } from '../dialogs/dialogRenderers.js'
import { ShareSmartDialog } from './ShareSmartDialog.js'
import { SmartNameDialog } from './SmartNameDialog.js'

declare module '../../store/dialogs.js' {
  interface DialogKinds {
    saveSearch: Plain
    renameSmart: { smartId: Id }
    shareSmart: { smartId: Id }
    deleteSmart: { smartId: Id }
  }
}

/** The smart collection dialogs, for the dialog host. */
export const smartDialogs = {
  saveSearch: () => <SmartNameDialog />,
  renameSmart: (d) => <SmartNameDialog key={d.smartId} smartId={d.smartId} />,
  shareSmart: (d) => <ShareSmartDialog key={d.smartId} smartId={d.smartId} />,
  deleteSmart: (d) => <DeleteSmartDialog key={d.smartId} smartId={d.smartId} />,
} satisfies Partial<DialogRenderers>

function DeleteSmartDialog({ smartId }: { smartId: string }) {
  const name = useTrove((s) => s.smartCollections.find((c) => c.id === smartId)?.name ?? 'this smart collection')
  const close = useTrove((s) => s.closeDialog)
  return (
    <ConfirmDialog title="Delete smart collection" confirmLabel="Delete" danger onClose={close} onConfirm={() => useTrove.getState().deleteSmartCollection(smartId)}>
      <p>
        Delete “{name}”? Only the saved search goes: no file is touched, and those it was shared with no longer see it.
      </p>
    </ConfirmDialog>
  )
}

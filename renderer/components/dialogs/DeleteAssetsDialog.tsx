import { useShallow } from 'zustand/react/shallow'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { itemCount } from '../labels.js'
import { ConfirmDialog } from './ConfirmDialog.js'

/** Names shown before "and N more": enough to recognise, short enough to read. */
const SHOWN = 8

/**
 * Says exactly what goes: the names, and for each folder how many items are inside it
 * (everything in a folder goes with it), before anything is sent to the trash.
 */
export function DeleteAssetsDialog({ ids }: { ids: string[] }) {
  const assets = useTrove(useShallow((s) => ids.map((id) => s.byId[id]).filter((a): a is AssetView => !!a)))
  const closeDialog = useTrove((s) => s.closeDialog)
  const folders = assets.filter((a) => a.kind === 'folder')
  const title = assets.length === 1 ? `Delete “${assets[0].name}”?` : `Delete ${assets.length} items?`
  return (
    <ConfirmDialog title={title} confirmLabel="Delete" danger onConfirm={() => useTrove.getState().deleteAssets(ids)} onClose={closeDialog}>
      <ul className="confirm-list" aria-label="To be deleted">
        {assets.slice(0, SHOWN).map((a) => (
          <li key={a.id}>
            <span className="confirm-name">{a.name}</span>
            {a.kind === 'folder' && <span className="confirm-note">folder{(a.childCount ?? 0) > 0 ? ` with ${itemCount(a.childCount ?? 0)} inside` : ', empty'}</span>}
          </li>
        ))}
        {assets.length > SHOWN && <li className="confirm-more">and {assets.length - SHOWN} more</li>}
      </ul>
      <p className="confirm-warning">
        {folders.length > 0 ? 'Folders go with everything in them, at every depth. ' : ''}
        {assets.length === 1 ? 'It goes' : 'They go'} to the trash, with their versions, comments, shares and media collection associations, and can be
        restored from there until the trash is emptied.
      </p>
    </ConfirmDialog>
  )
}

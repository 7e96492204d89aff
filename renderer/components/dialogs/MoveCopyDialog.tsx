import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { atLeast, type Id } from '../../../shared/domain.js'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { displayName } from '../Breadcrumbs.js'
import { FolderPicker } from './FolderPicker.js'
import { Modal } from './Modal.js'
import { useSubmit } from '../forms/useSubmit.js'
import { FormAlert } from '../forms/Field.js'

/**
 * Move or copy to a folder chosen in a tree. Only folders the user may contribute to can be
 * chosen; a move may not put a folder inside itself, nor leave things where they are (docs/permissions.md).
 */
export function MoveCopyDialog({ mode, ids }: { mode: 'move' | 'copy'; ids: Id[] }) {
  const assets = useTrove(useShallow((s) => ids.map((id) => s.byId[id]).filter((a): a is AssetView => !!a)))
  const byId = useTrove((s) => s.byId)
  const closeDialog = useTrove((s) => s.closeDialog)
  const [target, setTarget] = useState<Id | null>(null)
  const what = assets.length === 1 ? `“${assets[0].name}”` : `${assets.length} items`
  const verb = mode === 'move' ? 'Move' : 'Copy'

  const reasonDisabled = (id: Id): string | null => {
    const folder = byId[id]
    if (!folder || !atLeast(folder.level, 'contribute')) return 'view only'
    if (assets.some((a) => a.id === id || (a.kind === 'folder' && folder.path.startsWith(`${a.path}/`)))) return 'being moved'
    if (mode === 'move' && assets.every((a) => a.parentId === id)) return 'already there'
    return null
  }

  const { busy, error, run } = useSubmit(closeDialog)
  const submit = async () => {
    if (!target) return
    await run(() => (mode === 'move' ? useTrove.getState().moveAssets(ids, target) : useTrove.getState().copyAssets(ids, target)))
  }

  return (
    <Modal title={`${verb} ${what}`} onClose={closeDialog}>
      <p className="field-hint">Choose the folder to {mode} {assets.length === 1 ? 'it' : 'them'} to.</p>
      <div className="picker-box">
        <FolderPicker label="Destination folder" value={target} onChange={setTarget} reasonDisabled={reasonDisabled} />
      </div>
      <FormAlert message={error} />
      <div className="modal-actions">
        <button type="button" className="button" onClick={closeDialog}>
          Cancel
        </button>
        <button type="button" className="button button-primary" disabled={!target || busy} onClick={() => void submit()}>
          {target && byId[target] ? `${verb} to ${displayName(byId[target])}` : `${verb} here`}
        </button>
      </div>
    </Modal>
  )
}

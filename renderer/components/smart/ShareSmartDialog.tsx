import { useEffect, useState } from 'react'
import type { GroupListItem } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { FormAlert } from '../forms/Field.js'

/**
 * Whom a smart collection is shared with. Sharing gives its search, not its hits: each person
 * sees what the search finds among what they themselves can view (docs/browse.md).
 */
export function ShareSmartDialog({ smartId }: { smartId: string }) {
  const smart = useTrove((s) => s.smartCollections.find((c) => c.id === smartId))
  const users = useTrove((s) => s.users)
  const me = useTrove((s) => s.session?.user.id)
  const closeDialog = useTrove((s) => s.closeDialog)
  const [groups, setGroups] = useState<GroupListItem[]>([])
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(smart?.sharedWith?.map((s) => s.id) ?? []))
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    useTrove.getState().listShareGroups().then(
      (list) => live && setGroups(list),
      () => live && setGroups([]),
    )
    return () => {
      live = false
    }
  }, [])

  if (!smart) return null
  const people = [
    ...groups.map((g) => ({ id: g.id, name: g.name, detail: 'Group' })),
    ...users.filter((u) => u.id !== me).map((u) => ({ id: u.id, name: u.name, detail: 'User' })),
  ]
  const toggle = (id: string) =>
    setChosen((was) => {
      const next = new Set(was)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const save = async () => {
    setBusy(true)
    try {
      await useTrove.getState().shareSmartCollection(smartId, [...chosen])
      closeDialog()
    } catch (e) {
      setRefusal(describeError(e).message)
      setBusy(false)
    }
  }

  return (
    <Modal title={`Share “${smart.name}”`} onClose={closeDialog}>
      <p className="field-hint">Each person sees only the matches they can view themselves.</p>
      <ul className="choose-list" aria-label="Users and user groups">
        {people.map((p) => (
          <li key={p.id}>
            <label className={`choose-row${chosen.has(p.id) ? ' is-chosen' : ''}`}>
              <input type="checkbox" checked={chosen.has(p.id)} onChange={() => toggle(p.id)} aria-label={`${p.name}, ${p.detail}`} />
              <span className="choose-name">{p.name}</span>
              <span className="choose-meta">{p.detail}</span>
            </label>
          </li>
        ))}
      </ul>
      <FormAlert message={refusal} />
      <div className="modal-actions">
        <button type="button" className="button" onClick={closeDialog}>
          Cancel
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
          Save
        </button>
      </div>
    </Modal>
  )
}

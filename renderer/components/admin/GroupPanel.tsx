import { useState } from 'react'
import type { GroupView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Avatar } from '../Avatar.js'
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js'
import { Field, FormAlert } from '../forms/Field.js'
import { errorFor, formError, generalError, type FormError } from '../forms/formError.js'

/** One group: its name, its members, and deleting it (which takes away what was shared with it). */
export function GroupPanel({ group }: { group: GroupView }) {
  const users = useTrove((s) => s.users)
  const [name, setName] = useState(group.name)
  const [nameError, setNameError] = useState<FormError | null>(null)
  const [adding, setAdding] = useState('')
  const [memberError, setMemberError] = useState<string | null>(null)
  const [deleting, setDeleting] = useState(false)
  const members = users.filter((u) => group.memberIds.includes(u.id))
  const candidates = users.filter((u) => u.role === 'restricted' && !group.memberIds.includes(u.id))

  const rename = async () => {
    setNameError(null)
    try {
      await useTrove.getState().renameGroup(group.id, name.trim())
    } catch (e) {
      setNameError(formError(e))
    }
  }
  const members$ = async (work: () => Promise<void>) => {
    setMemberError(null)
    try {
      await work()
      setAdding('')
    } catch (e) {
      setMemberError(describeError(e).message)
    }
  }

  return (
    <div className="admin-detail" aria-label={`Group ${group.name}`} role="region">
      <form
        className="form form-row"
        onSubmit={(e) => {
          e.preventDefault()
          void rename()
        }}
      >
        <Field label="Group name" error={errorFor(nameError, 'name')}>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </Field>
        <button type="submit" className="button" disabled={name.trim() === '' || name.trim() === group.name}>
          Rename
        </button>
        <button type="button" className="button button-quiet-danger" onClick={() => setDeleting(true)}>
          Delete group…
        </button>
      </form>
      <FormAlert message={generalError(nameError, ['name'])} />

      <h3 className="admin-subtitle">Members ({members.length})</h3>
      {members.length === 0 ? (
        <p className="details-muted">No members yet. Add restricted users below.</p>
      ) : (
        <ul className="member-list" aria-label={`Members of ${group.name}`}>
          {members.map((u) => (
            <li key={u.id} className="member">
              <Avatar id={u.id} name={u.name} size={26} />
              <span className="member-who">
                <span className="table-name">{u.name}</span>
                <span className="table-sub">{u.email}</span>
              </span>
              <button type="button" className="button button-small" aria-label={`Remove ${u.name} from ${group.name}`} onClick={() => void members$(() => useTrove.getState().removeMembers(group.id, [u.id]))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="form form-row"
        onSubmit={(e) => {
          e.preventDefault()
          if (adding) void members$(() => useTrove.getState().addMembers(group.id, [adding]))
        }}
      >
        <Field label="Add a member" error={null} hint={candidates.length === 0 ? 'Every restricted user is already a member.' : undefined}>
          <select className="select" value={adding} onChange={(e) => setAdding(e.target.value)} disabled={candidates.length === 0}>
            <option value="">Choose a restricted user</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button button-primary" disabled={!adding}>
          Add
        </button>
      </form>
      <FormAlert message={memberError} />
      {deleting && (
        <ConfirmDialog title={`Delete the group ${group.name}?`} confirmLabel="Delete group" danger onConfirm={() => useTrove.getState().deleteGroup(group.id)} onClose={() => setDeleting(false)}>
          <p>
            Its {members.length === 1 ? 'member loses' : `${members.length} members lose`} access to whatever was shared with the group, unless it was also shared with them directly. No user and no asset is deleted.
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}

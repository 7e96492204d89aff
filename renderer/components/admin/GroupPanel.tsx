import { useEffect, useId, useState } from 'react'
import type { Id } from '../../../shared/domain.js'
import type { GroupShareView, GroupView } from '../../../shared/views.js'
import { describeError } from '../../api/errors.js'
import { useTrove } from '../../store/index.js'
import { Avatar } from '../Avatar.js'
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js'
import { Field, FormAlert } from '../forms/Field.js'
import { errorFor, formError, generalError, type FormError } from '../forms/formError.js'
import { LEVEL_LABELS } from '../sharing/levels.js'
import { SearchField } from '../forms/SearchField.js'

/**
 * One group: its name, its members (added several at a time), what is shared with it, and
 * deleting it (which takes away what was shared with it).
 */
export function GroupPanel({ group }: { group: GroupView }) {
  const users = useTrove((s) => s.users)
  const [name, setName] = useState(group.name)
  const [nameError, setNameError] = useState<FormError | null>(null)
  const [adding, setAdding] = useState<Id[]>([])
  const [filter, setFilter] = useState('')
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
      setAdding([])
      setFilter('')
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
      <AddMembers
        groupName={group.name}
        candidates={candidates}
        chosen={adding}
        setChosen={setAdding}
        filter={filter}
        setFilter={setFilter}
        onAdd={() => void members$(() => useTrove.getState().addMembers(group.id, adding))}
      />
      <FormAlert message={memberError} />
      <SharedWithGroup group={group} />
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

type Candidate = { id: Id; name: string; email?: string }

/** Restricted users not yet in the group, ticked several at a time and added at once. */
function AddMembers(props: {
  groupName: string
  candidates: Candidate[]
  chosen: Id[]
  setChosen(ids: Id[]): void
  filter: string
  setFilter(text: string): void
  onAdd(): void
}) {
  const { candidates, chosen, setChosen, filter, setFilter } = props
  const listId = useId()
  const needle = filter.trim().toLowerCase()
  const shown = needle ? candidates.filter((u) => u.name.toLowerCase().includes(needle) || (u.email ?? '').toLowerCase().includes(needle)) : candidates
  const toggle = (id: Id) => setChosen(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id])
  return (
    <form
      className="form add-members"
      aria-label={`Add members to ${props.groupName}`}
      onSubmit={(e) => {
        e.preventDefault()
        if (chosen.length > 0) props.onAdd()
      }}
    >
      <h3 className="admin-subtitle">Add members</h3>
      {candidates.length === 0 ? (
        <p className="details-muted">Every restricted user is already a member.</p>
      ) : (
        <>
          <SearchField value={filter} onChange={setFilter} placeholder="Search restricted users" controls={listId} />
          <ul id={listId} className="choose-list add-members-list" aria-label="Restricted users to add">
            {shown.map((u) => (
              <li key={u.id}>
                <label className={`choose-row${chosen.includes(u.id) ? ' is-chosen' : ''}`}>
                  <input type="checkbox" checked={chosen.includes(u.id)} onChange={() => toggle(u.id)} aria-label={u.email ? `${u.name}, ${u.email}` : u.name} />
                  <span className="choose-name">{u.name}</span>
                  {u.email && <span className="choose-meta">{u.email}</span>}
                </label>
              </li>
            ))}
          </ul>
          {shown.length === 0 && <p className="details-muted">No restricted user matches “{filter.trim()}”.</p>}
          <div className="add-members-actions">
            {shown.length > 0 && (
              <button type="button" className="button button-small button-quiet" onClick={() => setChosen([...new Set([...chosen, ...shown.map((u) => u.id)])])}>
                Select all{needle ? ' shown' : ''}
              </button>
            )}
            <button type="submit" className="button button-primary" disabled={chosen.length === 0}>
              {chosen.length > 1 ? `Add ${chosen.length} members` : 'Add member'}
            </button>
          </div>
        </>
      )}
    </form>
  )
}

const KIND_LABELS: Record<GroupShareView['kind'], string> = { file: 'File', folder: 'Folder', collection: 'Collection' }

/** What the group's members reach through it, read again whenever the group changes. */
function SharedWithGroup({ group }: { group: GroupView }) {
  const [shares, setShares] = useState<GroupShareView[] | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    setFailed(null)
    useTrove
      .getState()
      .groupShares(group.id)
      .then(
        (list) => live && setShares(list),
        (e: unknown) => live && setFailed(describeError(e).message),
      )
    return () => {
      live = false
    }
  }, [group])
  return (
    <section aria-label={`Shared with ${group.name}`}>
      <h3 className="admin-subtitle">Shared with this group{shares ? ` (${shares.length})` : ''}</h3>
      {failed ? (
        <p className="field-error" role="alert">
          {failed}
        </p>
      ) : shares === null ? (
        <p className="details-muted" role="status">
          Loading…
        </p>
      ) : shares.length === 0 ? (
        <p className="details-muted">Nothing is shared with this group yet. Share a folder, file or collection with it from its Share dialog.</p>
      ) : (
        <ul className="group-shares">
          {shares.map((s) => (
            <li key={`${s.resourceType}:${s.resourceId}`} className="group-share">
              <span className="group-share-kind">{KIND_LABELS[s.kind]}</span>
              <span className="group-share-name">{s.name}</span>
              <span className="group-share-level">{LEVEL_LABELS[s.level]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

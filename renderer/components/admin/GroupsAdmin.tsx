import { useState } from 'react'
import type { Id } from '../../../shared/domain.js'
import { useTrove } from '../../store/index.js'
import { ShareIcon } from '../icons.js'
import { Field } from '../forms/Field.js'
import { errorFor, formError, generalError, type FormError } from '../forms/formError.js'
import { FormAlert } from '../forms/Field.js'
import { GroupPanel } from './GroupPanel.js'
import { isGroupView } from '../../store/people.js'

/** User groups: restricted users who share the same access (docs/permissions.md, groups and role changes). */
export function GroupsAdmin() {
  const listed = useTrove((s) => s.groups)
  const groups = listed.filter(isGroupView)
  const [chosen, setChosen] = useState<Id | null>(null)
  const current = groups.find((g) => g.id === chosen) ?? groups[0]
  return (
    <section className="admin-section" aria-labelledby="groups-title">
      <div className="admin-section-head">
        <div>
          <h2 id="groups-title">User groups</h2>
          <p className="admin-hint">Share with a group to give all its members the same access. Only restricted users can be members.</p>
        </div>
      </div>
      <div className="admin-split">
        <div className="admin-list-col">
          <NewGroupForm onCreated={setChosen} />
          <h3 className="admin-subtitle">Groups</h3>
          {groups.length === 0 ? (
            <p className="details-muted">No groups yet.</p>
          ) : (
            <ul className="pick-list" aria-label="Groups">
              {groups.map((g) => (
                <li key={g.id}>
                  <button type="button" className="pick-item" aria-current={g.id === current?.id ? 'true' : undefined} onClick={() => setChosen(g.id)}>
                    <ShareIcon size={16} />
                    <span className="pick-name">{g.name}</span>
                    <span className="pick-count">{g.memberIds.length}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {current && <GroupPanel key={current.id} group={current} />}
      </div>
    </section>
  )
}

function NewGroupForm({ onCreated }: { onCreated(id: Id): void }) {
  const [name, setName] = useState('')
  const [error, setError] = useState<FormError | null>(null)
  const submit = async () => {
    setError(null)
    try {
      await useTrove.getState().createGroup(name.trim())
      const made = useTrove.getState().groups.find((g) => g.name.toLowerCase() === name.trim().toLowerCase())
      if (made) onCreated(made.id)
      setName('')
    } catch (e) {
      setError(formError(e))
    }
  }
  return (
    <form
      className="form form-compact"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <div className="form-row">
        <Field label="New group" error={errorFor(error, 'name')}>
          <input className="input" value={name} placeholder="Group name" onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </Field>
        <button type="submit" className="button button-primary" disabled={name.trim() === ''}>
          Create group
        </button>
      </div>
      <FormAlert message={generalError(error, ['name'])} />
    </form>
  )
}

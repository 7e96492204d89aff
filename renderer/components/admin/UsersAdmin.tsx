import { useState } from 'react'
import { ROLES, type Role } from '../../../shared/domain.js'
import type { UserView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { isUserView } from '../../store/people.js'
import { PlusIcon } from '../actionIcons.js'
import { Avatar } from '../Avatar.js'
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js'
import { ROLE_LABELS, formatDate } from '../labels.js'
import { NewUserDialog } from './NewUserDialog.js'
import { PasswordResetDialog } from './PasswordResetDialog.js'
import { RoleChangeDialog } from './RoleChangeDialog.js'

type Pending = { kind: 'new' } | { kind: 'role'; user: UserView; role: Role } | { kind: 'password'; user: UserView } | { kind: 'delete'; user: UserView }

/** Everyone in the library, with their role, password and groups; each change confirmed where it takes something away. */
export function UsersAdmin() {
  const users = useTrove((s) => s.users).filter(isUserView)
  const groups = useTrove((s) => s.groups)
  const me = useTrove((s) => s.session?.user.id)
  const [pending, setPending] = useState<Pending | null>(null)
  const close = () => setPending(null)
  const groupNames = (u: UserView) => groups.filter((g) => u.groupIds.includes(g.id)).map((g) => g.name)

  return (
    <section className="admin-section" aria-labelledby="users-title">
      <div className="admin-section-head">
        <div>
          <h2 id="users-title">Users</h2>
          <p className="admin-hint">Restricted users see only what is shared with them. Only administrators manage users, groups and fields.</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setPending({ kind: 'new' })}>
          <PlusIcon size={16} /> New user
        </button>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Password</th>
            <th scope="col">Groups</th>
            <th scope="col">Added</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <span className="table-who">
                  <Avatar id={u.id} name={u.name} />
                  <span>
                    <span className="table-name">
                      {u.name}
                      {u.id === me && <span className="chip">You</span>}
                    </span>
                    <span className="table-sub">{u.email}</span>
                  </span>
                </span>
              </td>
              <td>
                <select
                  className="select select-small"
                  aria-label={`Role of ${u.name}`}
                  value={u.role}
                  onChange={(e) => setPending({ kind: 'role', user: u, role: e.target.value as Role })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>{u.hasPassword ? 'Set' : <span className="table-sub">None</span>}</td>
              <td>{u.role === 'restricted' ? groupNames(u).join(', ') || <span className="table-sub">None</span> : <span className="table-sub">—</span>}</td>
              <td className="table-sub">{formatDate(u.createdAt)}</td>
              <td className="table-actions">
                <button type="button" className="button button-small" aria-label={`Password of ${u.name}`} onClick={() => setPending({ kind: 'password', user: u })}>
                  Password…
                </button>
                {u.id !== me && (
                  <button type="button" className="button button-small button-quiet-danger" aria-label={`Delete ${u.name}`} onClick={() => setPending({ kind: 'delete', user: u })}>
                    Delete…
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pending?.kind === 'new' && <NewUserDialog onClose={close} />}
      {pending?.kind === 'role' && <RoleChangeDialog user={pending.user} role={pending.role} groupNames={groupNames(pending.user)} onClose={close} />}
      {pending?.kind === 'password' && <PasswordResetDialog user={pending.user} onClose={close} />}
      {pending?.kind === 'delete' && (
        <ConfirmDialog title={`Delete ${pending.user.name}?`} confirmLabel="Delete user" danger onConfirm={() => useTrove.getState().deleteUser(pending.user.id)} onClose={close}>
          <p>
            {pending.user.name} ({pending.user.email}) can no longer sign in. Their shares and group memberships are removed; what they created stays in the library.
          </p>
          <p>Smart collections they shared with others pass to you, so those people keep them; the ones they kept to themselves are deleted.</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

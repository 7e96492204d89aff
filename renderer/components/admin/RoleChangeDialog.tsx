import type { Role } from '../../../shared/domain.js'
import type { UserView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js'
import { ROLE_LABELS } from '../labels.js'

/**
 * A role change, confirmed. Leaving the restricted role ends every group membership, and
 * coming back restores direct shares but no group (docs/permissions.md, groups and role changes).
 */
export function RoleChangeDialog({ user, role, groupNames, onClose }: { user: UserView; role: Role; groupNames: string[]; onClose(): void }) {
  const leavesRestricted = user.role === 'restricted' && role !== 'restricted'
  return (
    <ConfirmDialog
      title={`Change ${user.name}’s role?`}
      confirmLabel="Change role"
      danger={leavesRestricted && groupNames.length > 0}
      onConfirm={() => useTrove.getState().updateUser({ userId: user.id, role })}
      onClose={onClose}
    >
      <p>
        {user.name}’s role changes from <strong>{ROLE_LABELS[user.role]}</strong> to <strong>{ROLE_LABELS[role]}</strong>.
      </p>
      {leavesRestricted && (
        <div className="warning" role="note">
          <p>
            Leaving the restricted role removes {user.name} from {groupNames.length === 0 ? 'every user group' : groupNames.length === 1 ? `the group ${groupNames[0]}` : `${groupNames.length} groups (${groupNames.join(', ')})`}.
          </p>
          <p>If they are made restricted again later, what was shared with them directly comes back, but their group memberships do not.</p>
        </div>
      )}
      {role === 'restricted' && <p className="confirm-warning">As a restricted user, {user.name} will see only what is shared with them.</p>}
      {role === 'admin' && <p className="confirm-warning">Administrators manage users, groups, roles and metadata fields, and can view as any restricted user.</p>}
    </ConfirmDialog>
  )
}

import * as Dialog from '@radix-ui/react-dialog'
import { useEffect, useRef } from 'react'
import { canSignOut, signOut as endServerSession } from '../store/platform.js'
import type { UserListItem } from '../../shared/views.js'
import { useTrove } from '../store/index.js'
import { Avatar } from './Avatar.js'
import { ChevronDownIcon, EyeIcon } from './icons.js'
import { ROLE_LABELS } from './labels.js'

/**
 * Who acts, and the way to act as someone else (docs/accounts.md). "Switch" becomes that user:
 * with their password, except for an administrator. "View as" (administrators only) shows what
 * a restricted user sees, without their password, under a banner.
 */
export function UserSwitcher() {
  const session = useTrove((s) => s.session)
  // In the store, so the desktop menu's "Switch User…" can open it too.
  const open = useTrove((s) => s.switcherOpen)
  const setOpen = useTrove((s) => s.setSwitcherOpen)
  const buttonRef = useRef<HTMLButtonElement>(null)
  // What to do once the panel has closed and focus is back on its button: a dialog opened then
  // (a password) takes that button as the place to give focus back to.
  const after = useRef<(() => void) | null>(null)

  useEffect(() => {
    if (open) void useTrove.getState().loadUsers()
  }, [open])

  if (!session) return null
  const { user } = session
  // A Radix Dialog like the other modals (focus moves in and stays in, Escape and a click
  // outside close it, focus goes back to its button), drawn in place under the button with no
  // backdrop, as the panel it has always looked like.
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <div className="switcher">
        <Dialog.Trigger asChild>
          <button ref={buttonRef} type="button" className="switcher-button" aria-label={`Acting as ${user.name}, ${ROLE_LABELS[user.role]}. Switch user`}>
            <Avatar id={user.id} name={user.name} />
            <span className="switcher-who">
              <span className="switcher-name">{user.name}</span>
              <span className="switcher-role">{ROLE_LABELS[user.role]}</span>
            </span>
            <ChevronDownIcon size={16} />
          </button>
        </Dialog.Trigger>
        <Dialog.Content
          className="popover switcher-panel"
          aria-describedby={undefined}
          onCloseAutoFocus={(e) => {
            e.preventDefault()
            buttonRef.current?.focus()
            const next = after.current
            after.current = null
            next?.()
          }}
        >
          <SwitcherList
            onDone={(then) => {
              after.current = then ?? null
              setOpen(false)
            }}
          />
        </Dialog.Content>
      </div>
    </Dialog.Root>
  )
}

function SwitcherList({ onDone }: { onDone(then?: () => void): void }) {
  const session = useTrove((s) => s.session)!
  const users = useTrove((s) => s.users)
  const others = users.filter((u) => u.id !== session.user.id)
  // The admin behind a view-as may move on to view as another restricted user, or switch.
  const admin = session.isAdmin || session.viewAsBy?.role === 'admin'

  // Main decides: an admin switches without a password, anyone else always gives one.
  const act = async (u: UserListItem, how: 'switch' | 'viewAs') => {
    const { switchUser, viewAs, openDialog, reportError } = useTrove.getState()
    if (how === 'switch' && !admin) return onDone(() => openDialog({ kind: 'password', userId: u.id }))
    onDone()
    try {
      await (how === 'viewAs' ? viewAs(u.id) : switchUser(u.id))
    } catch (error) {
      if ((error as { details?: { needsPassword?: boolean } }).details?.needsPassword) openDialog({ kind: 'password', userId: u.id })
      else reportError(error)
    }
  }

  return (
    <>
      <Dialog.Title className="popover-title">Switch user</Dialog.Title>
      <p className="popover-hint">
        Acting as <strong>{session.user.name}</strong> ({session.user.email})
      </p>
      <p className="popover-hint">
        {admin ? (
          <>
            <strong>Switch</strong> makes this window act as that user; as an administrator you are not asked for their password.{' '}
            <strong>View as</strong> shows exactly what a restricted user sees, under a banner, while the activity log names you both.
          </>
        ) : (
          <>
            <strong>Switch</strong> makes this window act as that user: you need their password.
          </>
        )}
      </p>
      {users.length === 0 ? (
        <p className="popover-hint" role="status">Loading users…</p>
      ) : others.length === 0 ? (
        <p className="popover-hint">There is no one else in this library yet.</p>
      ) : (
        <ul className="user-list" aria-label="Users">
          {others.map((u) => (
            <li key={u.id} className="user-row">
              <Avatar id={u.id} name={u.name} />
              <span className="user-row-who">
                <span className="user-row-name">
                  {u.name} {u.role && <span className={`role-chip role-${u.role}`}>{ROLE_LABELS[u.role]}</span>}
                </span>
                {u.email && <span className="user-row-meta">{u.email}</span>}
              </span>
              <span className="user-row-actions">
                {admin && u.role === 'restricted' && (
                  <button type="button" className="button button-small button-quiet" aria-label={`View as ${u.name}`} title="See the library exactly as they do, without their password" onClick={() => void act(u, 'viewAs')}>
                    <EyeIcon size={16} /> View as
                  </button>
                )}
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Switch to ${u.name}`}
                  title={admin ? 'Act as them in this window' : 'Act as them in this window, with their password'}
                  onClick={() => void act(u, 'switch')}
                >
                  Switch{admin ? '' : '…'}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canSignOut() && (
        <button type="button" className="button button-quiet" onClick={() => void signOut()}>
          Sign out
        </button>
      )}
    </>
  )
}

/** The page starts again from the server, which gives it a new, signed-out session (or asks for the link). */
async function signOut(): Promise<void> {
  if (await endServerSession()) window.location.reload()
  else useTrove.getState().reportError(new Error('Could not sign out: the server did not answer. Try again.'))
}

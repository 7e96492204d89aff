import { useEffect, useState } from 'react'
import { useTrove } from '../../store/index.js'
import { FieldsAdmin } from './FieldsAdmin.js'
import { GroupsAdmin } from './GroupsAdmin.js'
import { UsersAdmin } from './UsersAdmin.js'

const TABS = [
  { id: 'users', label: 'Users' },
  { id: 'groups', label: 'User groups' },
  { id: 'fields', label: 'Metadata fields' },
] as const
type TabId = (typeof TABS)[number]['id']

/** Administration (admins only, docs/permissions.md): users and roles, user groups, custom metadata fields. */
export function AdminScreen() {
  const [tab, setTab] = useState<TabId>('users')
  const status = useTrove((s) => s.adminStatus)
  useEffect(() => {
    void useTrove.getState().loadAdmin()
  }, [])

  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab)
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null
    if (!next) return
    e.preventDefault()
    setTab(next.id)
    document.getElementById(`admin-tab-${next.id}`)?.focus()
  }

  return (
    <main className="admin" aria-labelledby="admin-title">
      <div className="admin-head">
        <h1 id="admin-title" className="admin-title">
          Administration
        </h1>
        <div className="tabs" role="tablist" aria-label="Administration" onKeyDown={onKeyDown}>
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`admin-tab-${t.id}`}
              type="button"
              role="tab"
              className="tab"
              aria-selected={tab === t.id}
              aria-controls={`admin-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      <div className="admin-body" id={`admin-panel-${tab}`} role="tabpanel" aria-labelledby={`admin-tab-${tab}`}>
        {status === 'loading' || status === 'idle' ? (
          <p className="content-status" role="status">
            Loading…
          </p>
        ) : status === 'failed' ? (
          <div className="content-status">
            <p>The administration lists could not be loaded.</p>
            <button type="button" className="button" onClick={() => void useTrove.getState().loadAdmin()}>
              Try again
            </button>
          </div>
        ) : tab === 'users' ? (
          <UsersAdmin />
        ) : tab === 'groups' ? (
          <GroupsAdmin />
        ) : (
          <FieldsAdmin />
        )}
      </div>
    </main>
  )
}

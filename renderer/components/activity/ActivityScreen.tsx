import { useEffect, useId, useState } from 'react'
import { useTrove } from '../../store/index.js'
import type { ActivityQuery } from '../../store/activitySlice.js'
import { ActivityList } from './ActivityList.js'
import './activity.css'

/** Kinds of action a person looks for, each the action domains (or names) it covers (docs/activity.md). */
export const ACTION_KINDS: { label: string; actions: string[] }[] = [
  { label: 'Uploads, imports and versions', actions: ['files.upload', 'files.uploadVersion', 'files.restoreVersion', 'files.deleteVersion', 'folders', 'imports'] },
  { label: 'Moves, copies, renames and deletions', actions: ['assets'] },
  { label: 'Trash', actions: ['trash'] },
  { label: 'Collections', actions: ['collections', 'smartCollections'] },
  { label: 'Sharing', actions: ['sharing'] },
  { label: 'Tags, metadata, comments and edits', actions: ['tags', 'metadata', 'comments', 'focus', 'images', 'extensions'] },
  { label: 'Downloads', actions: ['downloads', 'files.download'] },
  { label: 'Users and groups', actions: ['users', 'groups', 'library'] },
]

/** A day from a date field as the start (or end) of that day in local time, in ms. */
function dayEdge(day: string, end: boolean): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined
  const [y, m, d] = day.split('-').map(Number)
  return end ? new Date(y, m - 1, d, 23, 59, 59, 999).getTime() : new Date(y, m - 1, d).getTime()
}

/** The whole library's activity, for admins: filters by who, what kind and when, a page at a time. */
export function ActivityScreen() {
  const users = useTrove((s) => s.users)
  const feed = useTrove((s) => s.feeds.log)
  const [actorId, setActorId] = useState('')
  const [kind, setKind] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const ids = useId()
  const fromMs = dayEdge(from, false)
  const toMs = dayEdge(to, true)
  const badRange = fromMs !== undefined && toMs !== undefined && fromMs > toMs

  useEffect(() => {
    if (badRange) return
    const query: ActivityQuery = {}
    if (actorId) query.by = actorId
    const actions = ACTION_KINDS.find((k) => k.label === kind)?.actions
    if (actions) query.actions = actions
    if (fromMs !== undefined) query.from = fromMs
    if (toMs !== undefined) query.to = toMs
    void useTrove.getState().loadFeed('log', query)
  }, [actorId, kind, fromMs, toMs, badRange])
  // Kept up to date only while it is on screen (live.ts).
  useEffect(() => () => useTrove.getState().closeFeed('log'), [])

  return (
    <main className="activity-screen" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`} className="admin-title">
        Activity
      </h1>
      <form className="activity-filters" aria-label="Filter activity" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span className="field-label">User</span>
          <select className="input" value={actorId} onChange={(e) => setActorId(e.currentTarget.value)}>
            <option value="">Everyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Action</span>
          <select className="input" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">Any action</option>
            {ACTION_KINDS.map((k) => (
              <option key={k.label} value={k.label}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">From</span>
          <input className="input" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} aria-invalid={badRange || undefined} aria-describedby={badRange ? `${ids}-range` : undefined} />
        </label>
        <label className="field">
          <span className="field-label">To</span>
          <input className="input" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </label>
      </form>
      {badRange && (
        <p id={`${ids}-range`} className="field-error" role="alert">
          The first day comes after the last: swap them to see that time.
        </p>
      )}
      <ActivityList feed={feed} label="Activity log" empty="Nothing matches these filters." onMore={() => void useTrove.getState().loadMoreFeed('log')} />
    </main>
  )
}

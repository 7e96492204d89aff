import type { ActivityView } from '../../../shared/views.js'
import type { ActivityFeed } from '../../store/activitySlice.js'
import { formatDateTime } from '../labels.js'

/** Who did it: a view-as action names the user acted as and the admin behind it. */
export function actorLabel(entry: Pick<ActivityView, 'actorName' | 'viaAdminName'>): string {
  return entry.viaAdminName ? `${entry.actorName} (by ${entry.viaAdminName}, viewing as)` : entry.actorName
}

/** A feed's entries, newest first, with "Show older" while there are more. */
export function ActivityList({ feed, label, empty, onMore }: { feed: ActivityFeed | undefined; label: string; empty: string; onMore(): void }) {
  if (!feed || (feed.status === 'loading' && feed.items.length === 0)) {
    return (
      <p className="activity-status" role="status">
        Loading activity…
      </p>
    )
  }
  if (feed.items.length === 0) return <p className="activity-status">{feed.status === 'failed' ? 'The activity could not be loaded.' : empty}</p>
  return (
    <>
      <ol className="activity-list" aria-label={label}>
        {feed.items.map((e) => (
          <li key={e.id} className="activity-entry">
            <span className="activity-who">{actorLabel(e)}</span> <span className="activity-what">{e.summary}</span>
            <time className="activity-when" dateTime={new Date(e.at).toISOString()}>
              {formatDateTime(e.at)}
            </time>
          </li>
        ))}
      </ol>
      {feed.hasMore && (
        <button type="button" className="button button-small" disabled={feed.status === 'loading'} onClick={onMore}>
          Show older
        </button>
      )}
    </>
  )
}

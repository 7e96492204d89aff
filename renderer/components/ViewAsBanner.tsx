import { useTrove } from '../store/index.js'
import { EyeIcon } from './icons.js'

/** docs/accounts.md: while an admin views as someone, a banner stays and offers the way back. */
export function ViewAsBanner() {
  const session = useTrove((s) => s.session)
  const endViewAs = useTrove((s) => s.endViewAs)
  const reportError = useTrove((s) => s.reportError)
  if (!session?.viewAsBy) return null
  const viewed = session.user.name
  return (
    <div className="viewas-banner" role="region" aria-label="View as">
      <EyeIcon size={18} />
      <p>
        Viewing as <strong>{viewed}</strong>. You see and can do exactly what {viewed} can; the activity log records you both.
      </p>
      <button type="button" className="button button-on-dark" onClick={() => endViewAs().catch(reportError)}>
        Return to {session.viewAsBy.name}
      </button>
    </div>
  )
}

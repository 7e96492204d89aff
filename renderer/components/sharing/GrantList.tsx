import type { Level } from '../../../shared/domain.js'
import type { GrantView } from '../../../shared/views.js'
import { CloseIcon } from '../icons.js'
import { useTrove } from '../../store/index.js'
import type { SharingState } from '../../store/sharingSlice.js'
import { inheritedFloor, LEVEL_LABELS, levelsFrom } from './levels.js'

/** Everyone granted access here: level changed in place, or the grant removed (docs/permissions.md, sharing). */
export function DirectGrants({ sharing }: { sharing: SharingState }) {
  const grants = sharing.view?.direct ?? []
  if (!sharing.view) return sharing.error ? null : <p className="choose-empty">Loading who has access…</p>
  if (grants.length === 0) return <p className="choose-empty">Not shared with any restricted user or group here yet.</p>
  return (
    <ul className="grant-list" aria-label="Who has access">
      {grants.map((g) => (
        <GrantRow key={g.subjectId} grant={g} sharing={sharing} />
      ))}
    </ul>
  )
}

function GrantRow({ grant, sharing }: { grant: GrantView; sharing: SharingState }) {
  const grantSharing = useTrove((s) => s.grantSharing)
  const revokeSharing = useTrove((s) => s.revokeSharing)
  const offered = levelsFrom(inheritedFloor(sharing.view, grant.subjectId))
  return (
    <li className="grant-row">
      <span className="grant-who">
        <span className="grant-name">{grant.subjectName}</span>
        <span className="grant-kind">{grant.subjectType === 'group' ? 'Group' : 'User'}</span>
      </span>
      <select
        className="input grant-level"
        aria-label={`Level for ${grant.subjectName}`}
        value={grant.level}
        disabled={sharing.busy}
        onChange={(e) => void grantSharing([grant.subjectId], e.target.value as Level)}
      >
        {/* A level main gave that is now below the floor still shows, so the select never lies. */}
        {(offered.includes(grant.level) ? offered : [grant.level, ...offered]).map((l) => (
          <option key={l} value={l}>
            {LEVEL_LABELS[l]}
          </option>
        ))}
      </select>
      <button type="button" className="icon-button" aria-label={`Stop sharing with ${grant.subjectName}`} title="Remove" disabled={sharing.busy} onClick={() => void revokeSharing(grant.subjectId)}>
        <CloseIcon size={16} />
      </button>
    </li>
  )
}

/** Grants on parent folders cascade here (docs/permissions.md, sharing); they are changed on the folder they come from, so they are shown read-only. */
export function InheritedGrants({ sharing }: { sharing: SharingState }) {
  const grants = sharing.view?.inherited ?? []
  if (grants.length === 0) return null
  return (
    <section className="inherited" aria-labelledby="inherited-title">
      <h3 id="inherited-title" className="share-section-title">
        Inherited from parent folders
      </h3>
      <ul className="grant-list" aria-label="Inherited access">
        {grants.map((g) => (
          <li key={`${g.sourceId}:${g.subjectId}`} className="grant-row is-inherited">
            <span className="grant-who">
              <span className="grant-name">{g.subjectName}</span>
              <span className="grant-kind">
                {g.subjectType === 'group' ? 'Group' : 'User'} · from <span className="grant-source">{g.sourcePath ?? 'a folder above'}</span>
              </span>
            </span>
            <span className="grant-level-fixed">{LEVEL_LABELS[g.level]}</span>
          </li>
        ))}
      </ul>
      <p className="field-hint">Change these on the folder they come from.</p>
    </section>
  )
}

import { Refusal } from '../collections/Refusal.js'
import { AddSubjects } from './AddSubjects.js'
import { DirectGrants, InheritedGrants } from './GrantList.js'
import type { SharingError, SharingState } from '../../store/sharingSlice.js'

/** The "Users & user groups" tab. Home is never shared with restricted users or groups (docs/permissions.md). */
export function SubjectsTab({ sharing, isHome, ownerName }: { sharing: SharingState; isHome: boolean; ownerName: string | null }) {
  return (
    <div className="share-subjects">
      {isHome ? (
        <p className="notice" role="note">
          Home cannot be shared with restricted users or groups: that would share the whole library. Share the folders inside it instead.
        </p>
      ) : (
        <AddSubjects sharing={sharing} />
      )}
      {sharing.error && <Refusal error={sharing.error}>{explain(sharing.error)}</Refusal>}
      <h3 className="share-section-title">Who has access</h3>
      {ownerName && <p className="field-hint owner-line">{ownerName} created it and can always manage it.</p>}
      <DirectGrants sharing={sharing} />
      <InheritedGrants sharing={sharing} />
    </div>
  )
}

/** CANNOT_LOWER: what to do instead, from the inherited grant main named. */
function explain(error: SharingError) {
  if (error.code !== 'CANNOT_LOWER') return null
  // Main leaves the source out when it is a folder the reader cannot view.
  if (typeof error.details?.sourcePath !== 'string') return <span className="refusal-help"> It comes from a folder above that you cannot change from here.</span>
  return <span className="refusal-help"> To give less access, lower or remove the grant on {error.details.sourcePath} instead.</span>
}

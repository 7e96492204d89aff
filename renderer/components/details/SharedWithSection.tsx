import { useEffect, useState } from 'react'
import type { AssetView, SharingView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { LEVEL_LABELS } from '../labels.js'
import { Section } from './Section.js'

/**
 * Who the asset is shared with: its own grants and those it inherits. Main gives this (and
 * the `shared` mark) only to who may manage its sharing (docs/permissions.md), so for anyone
 * else the section is not there at all.
 */
export function SharedWithSection({ asset }: { asset: AssetView }) {
  const [view, setView] = useState<SharingView | null>(null)
  const [failed, setFailed] = useState(false)
  const openDialog = useTrove((s) => s.openDialog)

  useEffect(() => {
    let live = true
    setFailed(false)
    useTrove
      .getState()
      .loadSharedWith(asset.id)
      .then(
        (v) => live && setView(v),
        () => live && setFailed(true),
      )
    return () => {
      live = false
    }
    // A new view of the asset (after a change to its grants, say) asks again.
  }, [asset])

  const people = view ? [...view.direct.map((g) => ({ ...g, from: null as string | null })), ...view.inherited.map((g) => ({ ...g, from: g.sourcePath ?? 'a folder above' }))] : []
  return (
    <Section
      title="Shared with"
      action={
        <button type="button" className="button button-small" onClick={() => openDialog({ kind: 'share', resourceId: asset.id, resourceType: 'asset' })}>
          Manage…
        </button>
      }
    >
      {failed ? (
        <p className="details-muted">Sharing could not be read.</p>
      ) : view === null ? (
        <p className="details-muted" role="status">
          Loading sharing…
        </p>
      ) : people.length === 0 ? (
        <p className="details-muted">Not shared with any restricted user or group.</p>
      ) : (
        <ul className="collections-list" aria-label="Shared with">
          {people.map((p) => (
            <li key={`${p.subjectId}:${p.from ?? ''}`} className="collections-item">
              <span className="collections-name">{p.subjectName}</span>
              <span className="collections-via">{p.from ? `${LEVEL_LABELS[p.level]}, from ${p.from}` : LEVEL_LABELS[p.level]}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

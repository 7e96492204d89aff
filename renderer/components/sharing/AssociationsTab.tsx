import { useEffect, useState } from 'react'
import type { Id } from '../../../shared/domain.js'
import type { AssociationView } from '../../../shared/views.js'
import { describeError, type ShownError } from '../../api/errors.js'
import { CollectionIcon } from '../actionIcons.js'
import { Refusal } from '../collections/Refusal.js'
import { useAssetViews } from '../collections/useAssetViews.js'
import { useTrove } from '../../store/index.js'

/** The "Media collection associations" tab (docs/permissions.md): the collections an asset is in, directly or through a parent folder. */
export function AssociationsTab({ assetId, assetName }: { assetId: Id; assetName: string }) {
  const [list, setList] = useState<AssociationView[] | null>(null)
  const [error, setError] = useState<ShownError | null>(null)
  const { assets: vias } = useAssetViews([...new Set((list ?? []).filter((a) => !a.direct).map((a) => a.viaAssetId))])

  useEffect(() => {
    let live = true
    useTrove.getState().loadAssociations(assetId).then(
      (l) => live && setList(l),
      (e: unknown) => live && setError(describeError(e)),
    )
    return () => {
      live = false
    }
  }, [assetId])

  if (error) return <Refusal error={error} />
  if (!list) return <p className="choose-empty">Loading…</p>
  if (list.length === 0) return <p className="choose-empty">“{assetName}” is not in any media collection you can see.</p>
  const via = (id: Id) => vias.find((a) => a.id === id)?.name
  return (
    <ul className="association-list" aria-label="Media collections it is in">
      {list.map((a) => (
        <li key={`${a.collection.id}:${a.viaAssetId}`} className="association-row">
          <CollectionIcon size={18} className="choose-icon" />
          <span className="association-name">{a.collection.name}</span>
          <span className="association-how">{a.direct ? 'Added directly' : `Through the parent folder ${via(a.viaAssetId) ? `“${via(a.viaAssetId)}”` : ''}`.trim()}</span>
        </li>
      ))}
    </ul>
  )
}

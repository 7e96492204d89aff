import type { AssetView, AssociationView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { CollectionIcon } from '../actionIcons.js'
import { can } from './can.js'
import { Section } from './Section.js'
import { isHome } from '../../../shared/home.js'

/**
 * The media collections the asset is in, directly or through a folder above it (docs/permissions.md,
 * what a collection holds: an asset removed from a collection may still be in it through its parent).
 */
export function CollectionsSection({ asset, associations }: { asset: AssetView; associations: AssociationView[] | null }) {
  const byId = useTrove((s) => s.byId)
  const openDialog = useTrove((s) => s.openDialog)
  return (
    <Section
      title="Collections"
      action={
        can(asset, 'addToCollections') &&
        !isHome(asset) && (
          <button type="button" className="button button-small" onClick={() => openDialog({ kind: 'addToCollections', assetIds: [asset.id] })}>
            Add to…
          </button>
        )
      }
    >
      {associations === null ? (
        <p className="details-muted" role="status">
          Loading collections…
        </p>
      ) : associations.length === 0 ? (
        <p className="details-muted">Not in any media collection you can see.</p>
      ) : (
        <ul className="collections-list" aria-label="Media collections">
          {associations.map((a) => (
            <li key={`${a.collection.id}:${a.viaAssetId}`} className="collections-item">
              <CollectionIcon size={16} className="collections-icon" />
              <span className="collections-name">{a.collection.name}</span>
              {!a.direct && <span className="collections-via">through {byId[a.viaAssetId]?.name ?? 'a parent folder'}</span>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

import * as Tabs from '@radix-ui/react-tabs'
import type { Id } from '../../../shared/domain.js'
import { useTrove } from '../../store/index.js'
import { Modal } from '../dialogs/Modal.js'
import { useAssetViews } from '../collections/useAssetViews.js'
import { AssociationsTab } from './AssociationsTab.js'
import { SubjectsTab } from './SubjectsTab.js'
import { useSharing } from './useSharing.js'
import { isHome } from '../../../shared/home.js'

/**
 * Share a file, folder or collection (seed: "How to share assets and media collections"): the
 * "Users & user groups" tab, and for assets the "Media collection associations" tab. Main
 * checks manage on the resource; the dialog is only offered where the level allows it.
 */
export function ShareDialog({ resourceId, resourceType }: { resourceId: Id; resourceType: 'asset' | 'collection' }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const collection = useTrove((s) => (resourceType === 'collection' ? s.collections.find((c) => c.id === resourceId) : undefined))
  const { assets } = useAssetViews(resourceType === 'asset' ? [resourceId] : [])
  const asset = assets[0]
  const sharing = useSharing(resourceId)
  const ownerId = sharing.view?.ownerId
  const owner = sharing.users.find((u) => u.id === ownerId)

  const home = !!asset && isHome(asset)
  const name = asset ? (home ? 'Home' : asset.name) : (collection?.name ?? '')

  return (
    <Modal title={name ? `Share “${name}”` : 'Share'} onClose={closeDialog} className="modal-wide">
      <Tabs.Root defaultValue="subjects" className="share-tabs">
        <Tabs.List className="share-tab-list" aria-label="Sharing">
          <Tabs.Trigger value="subjects" className="share-tab">
            Users &amp; user groups
          </Tabs.Trigger>
          {resourceType === 'asset' && (
            <Tabs.Trigger value="collections" className="share-tab">
              Media collection associations
            </Tabs.Trigger>
          )}
        </Tabs.List>
        <Tabs.Content value="subjects" className="share-tab-panel">
          <SubjectsTab sharing={sharing} isHome={home} ownerName={owner && owner.role === 'restricted' ? owner.name : null} />
        </Tabs.Content>
        {resourceType === 'asset' && (
          <Tabs.Content value="collections" className="share-tab-panel">
            <AssociationsTab assetId={resourceId} assetName={name} />
          </Tabs.Content>
        )}
      </Tabs.Root>
      <div className="modal-actions">
        <button type="button" className="button" onClick={closeDialog}>
          Done
        </button>
      </div>
    </Modal>
  )
}

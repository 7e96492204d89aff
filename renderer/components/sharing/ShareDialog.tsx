import * as Tabs from '@radix-ui/react-tabs'
import { useEffect } from 'react'
import type { Id } from '../../../shared/domain.js'
import { useTrove } from '../../store/index.js'
import { sharingOf } from '../../store/sharingSlice.js'
import { Modal } from '../dialogs/Modal.js'
import { useAssetViews } from '../collections/useAssetViews.js'
import { AssociationsTab } from './AssociationsTab.js'
import { SubjectsTab } from './SubjectsTab.js'
import { isHome } from '../../../shared/home.js'
import { CloseRow } from '../dialogs/CloseRow.js'

/**
 * Share a file, folder or collection (docs/permissions.md, sharing): the
 * "Users & user groups" tab, and for assets the "Media collection associations" tab. Main
 * checks manage on the resource; the dialog is only offered where the level allows it.
 */
export function ShareDialog({ resourceId, resourceType }: { resourceId: Id; resourceType: 'asset' | 'collection' }) {
  const closeDialog = useTrove((s) => s.closeDialog)
  const collection = useTrove((s) => (resourceType === 'collection' ? s.collections.find((c) => c.id === resourceId) : undefined))
  const { assets } = useAssetViews(resourceType === 'asset' ? [resourceId] : [])
  const asset = assets[0]
  const sharing = useTrove(sharingOf(resourceId))
  const openSharing = useTrove((s) => s.openSharing)
  const closeSharing = useTrove((s) => s.closeSharing)
  useEffect(() => {
    void openSharing(resourceId)
    return closeSharing
  }, [resourceId, openSharing, closeSharing])
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
      <CloseRow label="Done" />
    </Modal>
  )
}

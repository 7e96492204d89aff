import { useShallow } from 'zustand/react/shallow'
import type { AssetView } from '../../../shared/views.js'
import { useTrove } from '../../store/index.js'
import { CollectionIcon, DownloadIcon, RemoveFromCollectionIcon } from '../actionIcons.js'
import { Crumb } from '../Breadcrumbs.js'
import { ShareIcon } from '../icons.js'
import { LEVEL_LABELS } from '../sharing/levels.js'
import { canRemoveFrom, collectionActions } from './collectionActions.js'
import { runCollectionAction } from './CollectionMenu.js'

/**
 * The centre's header while a collection is on show: where one is (the collection, then the
 * folders opened from it) and what may be done at this level (docs/permissions.md, operations on collections).
 * Removing is offered at the collection's top only: deeper down, items are in it through a
 * folder, and only that folder's association can be removed.
 */
export function CollectionHeader() {
  const scope = useTrove((s) => s.collectionScope)
  const collection = useTrove((s) => s.collections.find((c) => c.id === s.collectionScope?.collectionId))
  const folders = useTrove(useShallow((s) => (s.collectionScope?.folderIds ?? []).map((id) => s.byId[id]).filter((a): a is AssetView => !!a)))
  const selection = useTrove((s) => s.selection)
  if (!scope || !collection) return null

  const actions = collectionActions(collection)
  const atTop = scope.folderIds.length === 0
  const crumbs = [{ id: null as string | null, name: collection.name }, ...folders.map((f) => ({ id: f.id as string | null, name: f.name }))]
  const open = (id: string | null) => void (id === null ? useTrove.getState().openCollection(collection.id) : useTrove.getState().openFolder(id))

  return (
    <div className="collection-header">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          {crumbs.map((c, i) => {
            const last = i === crumbs.length - 1
            return (
              <li key={c.id ?? 'collection'}>
                {i === 0 && <CollectionIcon size={18} className="crumb-icon" />}
                <Crumb name={c.name} last={last} onOpen={() => open(c.id)} />
              </li>
            )
          })}
        </ol>
        <span className="level-chip" title="Your access to this collection">
          {LEVEL_LABELS[collection.level]}
        </span>
      </nav>
      <div className="collection-actions">
        {atTop && canRemoveFrom(collection) && selection.length > 0 && (
          <button type="button" className="button" onClick={() => useTrove.getState().openDialog({ kind: 'removeFromCollection', collectionId: collection.id, assetIds: selection })}>
            <RemoveFromCollectionIcon size={18} /> Remove from collection
          </button>
        )}
        {actions.includes('share') && (
          <button type="button" className="button" onClick={() => runCollectionAction('share', collection)}>
            <ShareIcon size={18} /> Share
          </button>
        )}
        <button type="button" className="button" onClick={() => runCollectionAction('downloadZip', collection)}>
          <DownloadIcon size={18} /> Download as zip
        </button>
      </div>
    </div>
  )
}

/** A folder's access cascades, so whatever is listed below an added folder is in the collection through it (docs/permissions.md). */
export function ThroughFolderNote() {
  const via = useTrove((s) => {
    const first = s.collectionScope?.folderIds[0]
    return first ? s.byId[first] : undefined
  })
  const collection = useTrove((s) => s.collections.find((c) => c.id === s.collectionScope?.collectionId))
  if (!via || !collection) return null
  return (
    <p className="through-note" role="note">
      <CollectionIcon size={16} />
      <span>
        Everything here is in “{collection.name}” through the folder “{via.name}”, which was added to it.
        {canRemoveFrom(collection) && ` To take these out, remove “${via.name}” from the collection.`}
      </span>
    </p>
  )
}

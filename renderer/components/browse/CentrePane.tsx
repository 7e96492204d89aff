import { useTrove } from '../../store/index.js'
import { AssetGrid } from '../AssetGrid.js'
import { AssetList } from '../AssetList.js'
import { Breadcrumbs, SHARED_WITH_ME, displayName } from '../Breadcrumbs.js'
import { EmptyState } from '../EmptyState.js'
import { itemCount } from '../labels.js'
import { FolderActions } from '../FolderActions.js'
import { AssetContextMenu } from '../menu/AssetContextMenu.js'
import { CollectionEmpty } from '../collections/CollectionEmpty.js'
import { CollectionHeader, ThroughFolderNote } from '../collections/CollectionHeader.js'
import { useFolderDrop } from './dragAssets.js'
import { SearchHeader, SearchEmpty } from './SearchHeader.js'
import { UploadProgress } from './UploadProgress.js'
import { ViewToolbar } from './ViewToolbar.js'

/** The centre: where the user is (or what they searched for), the tools for it, and its contents. */
export function CentrePane() {
  const searching = useTrove((s) => !!s.search)
  const inCollection = useTrove((s) => !!s.collectionScope)
  const folder = useTrove((s) => (s.folderId ? s.byId[s.folderId] : undefined))
  const missing = useTrove((s) => s.listing === 'missing' && !s.search)
  const { over, dropProps } = useFolderDrop(searching || missing ? undefined : folder)
  if (missing) {
    return (
      <main className="content" aria-label="Contents">
        <NotFound />
      </main>
    )
  }
  return (
    <main className={`content${over ? ' is-drop-target' : ''}`} aria-label="Contents" {...dropProps}>
      <div className="content-header">
        {searching ? <SearchHeader /> : inCollection ? <CollectionHeader /> : <Breadcrumbs />}
        {!searching && <FolderActions />}
      </div>
      <div className="content-toolbar">
        <ItemCount />
        <ViewToolbar />
      </div>
      <UploadProgress />
      {!searching && <ThroughFolderNote />}
      <CentreBody />
    </main>
  )
}

function CentreBody() {
  const listing = useTrove((s) => s.listing)
  const search = useTrove((s) => s.search)
  const count = useTrove((s) => (s.search ? s.search.ids.length : s.itemIds.length))
  const folderName = useTrove((s) => (s.folderId && s.byId[s.folderId] ? displayName(s.byId[s.folderId]) : SHARED_WITH_ME))
  // The top of a media collection: its own assets, listed by the collections slice.
  const collectionName = useTrove((s) => (s.folderId === null && s.collectionScope ? (s.collections.find((c) => c.id === s.collectionScope?.collectionId)?.name ?? '') : null))
  const smartName = useTrove((s) => (s.search?.smartId ? s.smartCollections.find((c) => c.id === s.search?.smartId)?.name : undefined))
  const folderId = useTrove((s) => s.folderId)
  const viewMode = useTrove((s) => s.viewMode)
  const retry = useTrove((s) => s.openFolder)

  if (listing === 'missing' && !search) return <NotFound />
  if (search) {
    if (search.status === 'loading' && count === 0) return <Status text="Searching…" />
    if (search.status === 'ready' && count === 0) return <SearchEmpty query={search.query} />
  } else {
    if (listing === 'loading' && count === 0) return <Status text="Loading…" />
    if (listing === 'failed') {
      return (
        <div className="content-status">
          <p>This folder could not be opened.</p>
          <button type="button" className="button" onClick={() => void retry(folderId)}>
            Try again
          </button>
        </div>
      )
    }
    if (listing === 'ready' && count === 0) {
      return (
        <AssetContextMenu>
          <div className="content-empty">
            {collectionName === null ? <EmptyState /> : <CollectionEmpty />}
          </div>
        </AssetContextMenu>
      )
    }
  }
  const label = search ? (search.smartId ? `Contents of ${smartName ?? 'smart collection'}` : `Search results for ${search.query}`) : `Contents of ${collectionName ?? folderName}`
  return <AssetContextMenu>{viewMode === 'grid' ? <AssetGrid label={label} /> : <AssetList label={label} />}</AssetContextMenu>
}

/** How much is here, and how much of it is selected. */
function ItemCount() {
  const count = useTrove((s) => (s.search ? s.search.ids.length : s.itemIds.length))
  const selected = useTrove((s) => s.selection.length)
  return (
    <p className="item-count">
      {itemCount(count)}
      {selected > 0 && <span className="item-count-selected"> · {selected} selected</span>}
    </p>
  )
}

/** The one answer for a place that is missing and for one not shared with this user: nothing tells them apart. */
export function NotFound() {
  return (
    <section className="empty" aria-labelledby="not-found-title">
      <h2 id="not-found-title">Not found or not shared with you</h2>
      <p>The link may be wrong, or what it points to may have been deleted, moved out of reach or not shared with you.</p>
    </section>
  )
}

function Status({ text }: { text: string }) {
  return (
    <p className="content-status" role="status">
      {text}
    </p>
  )
}

import { useTrove } from '../store/index.js'
import { AssetGrid } from './AssetGrid.js'
import { Breadcrumbs, SHARED_WITH_ME, displayName } from './Breadcrumbs.js'
import { DialogHost } from './dialogs/DialogHost.js'
import { EmptyState } from './EmptyState.js'
import { ErrorToasts } from './ErrorToasts.js'
import { FolderActions } from './FolderActions.js'
import { FolderTree } from './FolderTree.js'
import { TopBar } from './TopBar.js'
import { UploadProvider } from './UploadProvider.js'
import { ViewAsBanner } from './ViewAsBanner.js'

/**
 * The main screen: top bar, the tree on the left, the open folder in the centre. The details
 * panel (right) and the collection sidebar (under the tree) take their places in this grid.
 */
export function LibraryScreen() {
  return (
    <UploadProvider>
      <div className="app">
        <ViewAsBanner />
        <TopBar />
        <div className="workspace">
          <aside className="sidebar" aria-label="Library">
            <h2 className="sidebar-title">Folders</h2>
            <FolderTree />
          </aside>
          <main className="content">
            <div className="content-header">
              <Breadcrumbs />
              <FolderActions />
            </div>
            <FolderContents />
          </main>
        </div>
        <ErrorToasts />
        <DialogHost />
      </div>
    </UploadProvider>
  )
}

function FolderContents() {
  const listing = useTrove((s) => s.listing)
  const count = useTrove((s) => s.itemIds.length)
  const folderName = useTrove((s) => (s.folderId && s.byId[s.folderId] ? displayName(s.byId[s.folderId]) : SHARED_WITH_ME))
  const retry = useTrove((s) => s.openFolder)
  const folderId = useTrove((s) => s.folderId)

  if (listing === 'loading' && count === 0) {
    return (
      <p className="content-status" role="status">
        Loading…
      </p>
    )
  }
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
  if (listing === 'ready' && count === 0) return <EmptyState />
  return (
    <div className="content-scroll">
      <AssetGrid label={`Contents of ${folderName}`} />
    </div>
  )
}

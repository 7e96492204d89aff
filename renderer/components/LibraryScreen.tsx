import { useTrove } from '../store/index.js'
import { AdminScreen } from './admin/AdminScreen.js'
import { CentrePane } from './browse/CentrePane.js'
import { CollectionSidebar } from './collections/CollectionSidebar.js'
import { SmartSidebar } from './smart/SmartSidebar.js'
import { DetailsPanel } from './details/DetailsPanel.js'
import { DialogHost } from './dialogs/DialogHost.js'
import { OwnPasswordPrompt } from './dialogs/OwnPasswordPrompt.js'
import { ErrorToasts } from './ErrorToasts.js'
import { ActivityScreen } from './activity/ActivityScreen.js'
import { Notices } from './Notices.js'
import { TrashEntry, TrashPane } from './trash/TrashPane.js'
import { useUndoShortcut } from './useUndoShortcut.js'
import { FolderTree } from './FolderTree.js'
import { TopBar } from './TopBar.js'
import { UploadProvider } from './UploadProvider.js'
import { ViewAsBanner } from './ViewAsBanner.js'
import { RouteSync } from '../routing/RouteSync.js'
import { QuickLook } from './viewer/QuickLook.js'
import { Announcer } from './Announcer.js'
import { ShortcutList } from './ShortcutList.js'
import { SidebarResizer } from './SidebarResizer.js'

/**
 * The main screen: top bar, the tree (and collections) on the left, the open folder or a
 * search in the centre, the details of the selection on the right; or, for an admin, the
 * administration screen in place of all three.
 */
export function LibraryScreen() {
  const screen = useTrove((s) => s.screen)
  useUndoShortcut()
  return (
    <UploadProvider>
      <div className="app">
        <RouteSync />
        <ViewAsBanner />
        <TopBar />
        {screen === 'admin' ? (
          <AdminScreen />
        ) : screen === 'activity' ? (
          <ActivityScreen />
        ) : (
          <div className="workspace">
            <SidebarResizer />
            <aside className="sidebar" aria-label="Library">
              <h2 className="sidebar-title">Folders</h2>
              <FolderTree />
              <CollectionSidebar />
              <SmartSidebar />
              <TrashEntry />
            </aside>
            {screen === 'trash' ? (
              <TrashPane />
            ) : (
              <>
                <CentrePane />
                <DetailsPanel />
              </>
            )}
          </div>
        )}
        <QuickLook />
        <Announcer />
        <ShortcutList />
        <ErrorToasts />
        <Notices />
        <DialogHost />
        <OwnPasswordPrompt />
      </div>
    </UploadProvider>
  )
}

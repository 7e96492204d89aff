import type { ReactNode } from 'react'
import { useTrove } from '../store/index.js'
import { FolderIcon, FolderPlusIcon, ShareIcon, UploadIcon } from './icons.js'
import { FolderUploadIcon } from './actionIcons.js'
import { useCanAdd } from './FolderActions.js'
import { usePickers } from './UploadProvider.js'

/** An empty view always says why it is empty and what to do next (issue 4). */
export function EmptyState() {
  const atTop = useTrove((s) => s.folderId === null)
  const collectionCount = useTrove((s) => s.collections.length)
  const canAdd = useCanAdd()
  const openDialog = useTrove((s) => s.openDialog)
  const { pickFiles, pickFolder } = usePickers()

  if (atTop && collectionCount > 0) {
    // What a collection shared with them holds shows here too, so those collections are empty.
    const which = collectionCount === 1 ? 'The collection in the sidebar is' : `The ${collectionCount} collections in the sidebar are`
    return (
      <Empty icon={<ShareIcon size={40} />} title="No files or folders have been shared with you yet">
        <p>{which} shared with you but hold{collectionCount === 1 ? 's' : ''} nothing yet. Files and folders appear here when someone shares them with you or adds them to a collection you can see.</p>
      </Empty>
    )
  }
  if (atTop) {
    return (
      <Empty icon={<ShareIcon size={40} />} title="Nothing has been shared with you yet">
        <p>When someone shares a folder, a file or a collection with you, it appears here. Ask an administrator if you expected to see something.</p>
      </Empty>
    )
  }
  if (!canAdd) {
    return (
      <Empty icon={<FolderIcon size={40} />} title="This folder is empty">
        <p>You can view this folder but not add to it. Someone who can contribute to it can upload files here.</p>
      </Empty>
    )
  }
  return (
    <Empty icon={<FolderIcon size={40} />} title="This folder is empty">
      <p>Drop files or folders here from your desktop, upload them, or create a folder to start filling it.</p>
      <div className="empty-actions">
        <button type="button" className="button button-primary" onClick={() => pickFiles()}>
          <UploadIcon size={18} /> Upload files
        </button>
        <button type="button" className="button" onClick={() => pickFolder()}>
          <FolderUploadIcon size={18} /> Upload a folder
        </button>
        <button type="button" className="button" onClick={() => openDialog({ kind: 'newFolder' })}>
          <FolderPlusIcon size={18} /> New folder
        </button>
      </div>
    </Empty>
  )
}

function Empty({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <section className="empty" aria-labelledby="empty-title">
      <div className="empty-icon">{icon}</div>
      <h2 id="empty-title">{title}</h2>
      {children}
    </section>
  )
}

import type { ReactNode } from 'react'
import type { Dialog } from '../../store/index.js'
import { ImportDialog } from '../imports/ImportDialog.js'
import { JobsDialog } from './JobsDialog.js'
import { ZipDownloadDialog } from './ZipDownloadDialog.js'

/** The dialogs of long work, for the dialog host; null for any other kind. Keys reset a dialog opened for something else. */
export function jobDialog(dialog: Dialog): ReactNode {
  switch (dialog.kind) {
    case 'jobs':
      return <JobsDialog />
    case 'downloadZip':
      return 'collectionId' in dialog ? (
        <ZipDownloadDialog key={`c:${dialog.collectionId}`} target={{ collectionId: dialog.collectionId }} />
      ) : (
        <ZipDownloadDialog key={`a:${dialog.assetIds.join()}`} target={{ assetIds: dialog.assetIds }} />
      )
    case 'import':
      return <ImportDialog />
    default:
      return null
  }
}

import type { Id } from '../../../shared/domain.js'
import type { Plain } from '../../store/index.js'
import type { DialogRenderers } from '../dialogs/dialogRenderers.js'
import { ImportDialog } from '../imports/ImportDialog.js'
import { JobsDialog } from './JobsDialog.js'
import { ZipDownloadDialog } from './ZipDownloadDialog.js'

declare module '../../store/dialogs.js' {
  interface DialogKinds {
    jobs: Plain
    downloadZip: { assetIds: Id[] } | { collectionId: Id }
  }
}

/** The dialogs of long work, for the dialog host. */
export const jobDialogs = {
  jobs: () => <JobsDialog />,
  downloadZip: (d) =>
    'collectionId' in d ? (
      <ZipDownloadDialog key={`c:${d.collectionId}`} target={{ collectionId: d.collectionId }} />
    ) : (
      <ZipDownloadDialog key={`a:${d.assetIds.join()}`} target={{ assetIds: d.assetIds }} />
    ),
  import: () => <ImportDialog />,
} satisfies Partial<DialogRenderers>

import type { Id } from '../../../shared/domain.js'
import type { DialogRenderers } from '../dialogs/dialogRenderers.js'
import { ShareDialog } from './ShareDialog.js'

declare module '../../store/dialogs.js' {
  interface DialogKinds {
    share: { resourceId: Id; resourceType: 'asset' | 'collection' }
  }
}

/** The share dialog of a folder, file or collection, for the dialog host. */
export const sharingDialogs = {
  share: (d) => <ShareDialog key={d.resourceId} resourceId={d.resourceId} resourceType={d.resourceType} />,
} satisfies Partial<DialogRenderers>

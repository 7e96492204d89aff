import { useTrove } from '../../store/index.js'
import { collectionDialogs } from '../collections/collectionDialogs.js'
import { duplicateDialogs } from '../duplicates/duplicateDialogs.js'
import { jobDialogs } from '../jobs/jobDialogs.js'
import { mediaDialogs } from '../media/mediaDialogs.js'
import { sharingDialogs } from '../sharing/sharingDialogs.js'
import { smartDialogs } from '../smart/smartDialogs.js'
import { assetDialogs } from './assetDialogs.js'
import { renderDialog, type DialogRenderers } from './dialogRenderers.js'

/** Every feature's dialogs: a kind declared in store/dialogs.ts and drawn by none is a type error here. */
const renderers: DialogRenderers = {
  ...assetDialogs,
  ...collectionDialogs,
  ...sharingDialogs,
  ...jobDialogs,
  ...mediaDialogs,
  ...duplicateDialogs,
  ...smartDialogs,
}

/** The one open dialog, as the ui slice says. */
export function DialogHost() {
  const dialog = useTrove((s) => s.dialog)
  return dialog ? renderDialog(renderers, dialog) : null
}

import type { dialogChannels } from '../../../shared/contract/dialogs.js'
import type { SessionHandlersOf } from '../context.js'

import { ownDownload } from '../downloads/ownDownload.js'

/**
 * Without a desktop shell there is no native picker: callers learn so and use their own
 * means. The Electron shell registers its own handlers for these channels.
 */
export const headlessDialogHandlers: SessionHandlersOf<typeof dialogChannels> = {
  'dialogs.openFiles': () => ({ available: false, paths: [] }),
  'dialogs.openFolder': () => ({ available: false, paths: [] }),
  'dialogs.saveFile': () => ({ available: false, path: null }),
  'dialogs.showDownload': (core, session, { downloadId }) => {
    ownDownload(core, session, downloadId)
    return { available: false }
  },
}

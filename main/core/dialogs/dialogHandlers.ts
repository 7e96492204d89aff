import type { SessionHandlerMap } from '../context.js'

import { ownDownload } from '../downloads/ownDownload.js'

type DialogChannels = 'dialogs.openFiles' | 'dialogs.openFolder' | 'dialogs.saveFile' | 'dialogs.showDownload'

/**
 * Without a desktop shell there is no native picker: callers learn so and use their own
 * means. The Electron shell registers its own handlers for these channels.
 */
export const headlessDialogHandlers: SessionHandlerMap<DialogChannels> = {
  'dialogs.openFiles': () => ({ available: false, paths: [] }),
  'dialogs.openFolder': () => ({ available: false, paths: [] }),
  'dialogs.saveFile': () => ({ available: false, path: null }),
  'dialogs.showDownload': (core, session, { downloadId }) => {
    ownDownload(core, session, downloadId)
    return { available: false }
  },
}

import type { SessionHandlerMap } from '../context.js'

type DialogChannels = 'dialogs.openFiles' | 'dialogs.openFolder' | 'dialogs.saveFile'

/**
 * Without a desktop shell there is no native picker: callers learn so and use their own
 * means. The Electron shell registers its own handlers for these channels.
 */
export const headlessDialogHandlers: SessionHandlerMap<DialogChannels> = {
  'dialogs.openFiles': () => ({ available: false, paths: [] }),
  'dialogs.openFolder': () => ({ available: false, paths: [] }),
  'dialogs.saveFile': () => ({ available: false, path: null }),
}

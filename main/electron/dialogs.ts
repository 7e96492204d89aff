import fs from 'node:fs'
import path from 'node:path'
import { app, dialog, shell, type BaseWindow, type OpenDialogOptions } from 'electron'
import { AppError } from '../../shared/errors.js'
import { ownDownload } from '../core/downloads/ownDownload.js'
import type { Session } from '../core/context.js'
import type { AnySessionHandlers } from '../dispatch.js'
import type { PathGrants } from './pathGrants.js'

/** The window a session belongs to, and the paths its dialogs have returned so far. */
export interface DialogWindow {
  window: BaseWindow
  grants: PathGrants
}

/**
 * The desktop shell's answer to the dialog channels (the headless ones say `available:
 * false`). Each picker is attached to the calling window, and whatever it returns becomes a
 * path that window may then use: the only way a path gets there (docs/accounts.md).
 */
export function nativeDialogHandlers(windowFor: (session: Session) => DialogWindow | undefined): AnySessionHandlers {
  return {
    'dialogs.openFiles': async (_core, session, input) => {
      const target = windowFor(session)
      if (!target) return { available: false, paths: [] }
      // As with an HTML file input, several files only when asked for.
      const properties: OpenDialogOptions['properties'] = input?.multiple ? ['openFile', 'multiSelections'] : ['openFile']
      const result = await dialog.showOpenDialog(target.window, { title: 'Choose Files', properties })
      const paths = result.canceled ? [] : result.filePaths
      target.grants.allowFiles(paths, 'read')
      return { available: true, paths }
    },
    'dialogs.openFolder': async (_core, session) => {
      const target = windowFor(session)
      if (!target) return { available: false, paths: [] }
      const result = await dialog.showOpenDialog(target.window, { title: 'Choose a Folder', properties: ['openDirectory'] })
      const paths = result.canceled ? [] : result.filePaths
      for (const folder of paths) target.grants.allowFolder(folder)
      return { available: true, paths }
    },
    'dialogs.saveFile': async (_core, session, input) => {
      const target = windowFor(session)
      if (!target) return { available: false, path: null }
      // Only the name is taken from the renderer; the folder is the user's Downloads until they pick another.
      const defaultPath = path.join(app.getPath('downloads'), path.basename(input.defaultName))
      const result = await dialog.showSaveDialog(target.window, { title: 'Save As', defaultPath, properties: ['createDirectory', 'showOverwriteConfirmation'] })
      if (result.canceled || !result.filePath) return { available: true, path: null }
      target.grants.allowFiles([result.filePath], 'write')
      return { available: true, path: result.filePath }
    },
    // Only a zip the app wrote for this user: the renderer names a download, never a path.
    'dialogs.showDownload': (core, session, { downloadId }) => {
      const record = ownDownload(core, session, downloadId)
      if (!windowFor(session)) return { available: false }
      if (record.state !== 'done' || !fs.existsSync(record.destPath)) {
        throw new AppError('NOT_FOUND', `${record.name} is no longer at ${record.destPath}.`, { downloadId, destPath: record.destPath })
      }
      shell.showItemInFolder(record.destPath)
      return { available: true }
    },
  }
}

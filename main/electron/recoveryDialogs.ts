import { dialog } from 'electron'
import type { RecoveryPrompts } from './openRecovery.js'

/**
 * The native dialogs for a library that will not open. `leaveLabel` is "Quit" when no other
 * library is open (the app has nothing else to show) and "Cancel" otherwise.
 */
export function recoveryDialogs(leaveLabel: () => 'Quit' | 'Cancel'): RecoveryPrompts {
  return {
    async corrupt(dir, error, backup) {
      const where = typeof error.details?.file === 'string' ? error.details.file : dir
      const position = typeof error.details?.position === 'number' ? `at position ${error.details.position}` : 'at an unknown position'
      const lineInfo = typeof error.details?.line === 'number' ? ` (line ${error.details.line}${typeof error.details.column === 'number' ? `, column ${error.details.column}` : ''})` : ''
      const offer = backup
        ? `The newest backup, ${backup.name}, was saved ${new Date(backup.savedAt).toLocaleString()}. Restoring it moves the damaged files aside (nothing is deleted); changes made after that backup are not in it.`
        : 'There is no backup to restore in the library\'s "backups" folder.'
      const buttons = backup ? ['Restore Backup', leaveLabel()] : [leaveLabel()]
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'Trove',
        message: 'This library is damaged and was not changed.',
        detail: `${where}\nis damaged ${position}${lineInfo}.\n\n${error.message}\n\n${offer}`,
        buttons,
        defaultId: 0,
        cancelId: buttons.length - 1,
        noLink: true,
      })
      return backup && response === 0 ? 'restore' : 'leave'
    },
    async restored(_dir, backup, setAside) {
      await dialog.showMessageBox({
        type: 'info',
        title: 'Trove',
        message: `Restored the backup ${backup.name}.`,
        detail: `The damaged files were moved to\n${setAside}`,
        buttons: ['OK'],
      })
    },
    async locked(dir, error) {
      await dialog.showMessageBox({
        type: 'warning',
        title: 'Trove',
        message: 'This library is already open elsewhere.',
        detail: `${dir}\n\n${error.message}\n\nA library can be open in one program at a time (for example this app or "npm run web"). Close it there, then open it again.`,
        buttons: ['OK'],
      })
    },
    async failed(dir, error) {
      await dialog.showMessageBox({ type: 'error', title: 'Trove', message: 'This library could not be opened.', detail: `${dir}\n\n${error.message}`, buttons: ['OK'] })
    },
  }
}

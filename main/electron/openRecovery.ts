import { isErrorShape, type ErrorShape } from '../../shared/errors.js'
import { listBackups, restoreBackup, type BackupInfo } from '../core/store/backups.js'
import type { Library } from '../core/library.js'

/** What the person is shown when a library cannot be opened; answers come back as choices. */
export interface RecoveryPrompts {
  /** The snapshot or journal is damaged; `backup` is the newest one not yet tried. */
  corrupt(dir: string, error: ErrorShape, backup: BackupInfo | null): Promise<'restore' | 'leave'>
  restored(dir: string, backup: BackupInfo, setAside: string): Promise<void>
  locked(dir: string, error: ErrorShape): Promise<void>
  failed(dir: string, error: ErrorShape): Promise<void>
}

/**
 * Opens a library, offering to restore a backup when it is damaged (docs/store.md: a
 * corrupt library.json is never overwritten; the person decides). Restoring sets the damaged
 * files aside, so a backup that turns out to be damaged too just leads to the next one.
 * Resolves to null when the person leaves instead, or the library cannot be opened.
 */
export async function openWithRecovery(dir: string, open: (dir: string) => Promise<Library>, prompts: RecoveryPrompts): Promise<Library | null> {
  const tried = new Set<string>()
  for (;;) {
    try {
      return await open(dir)
    } catch (error) {
      const shape: ErrorShape = isErrorShape(error) ? error : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
      if (shape.code === 'LIBRARY_LOCKED') {
        await prompts.locked(dir, shape)
        return null
      }
      if (shape.code !== 'LIBRARY_CORRUPT') {
        await prompts.failed(dir, shape)
        return null
      }
      const backup = listBackups(dir).find((b) => !tried.has(b.name)) ?? null
      if ((await prompts.corrupt(dir, shape, backup)) !== 'restore' || !backup) return null
      tried.add(backup.name)
      try {
        const { setAside } = restoreBackup(dir, backup.name)
        await prompts.restored(dir, backup, setAside)
      } catch (restoreError) {
        await prompts.failed(dir, isErrorShape(restoreError) ? restoreError : { code: 'INTERNAL', message: String(restoreError) })
        return null
      }
    }
  }
}

import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../../shared/errors.js'
import { ROTATED } from './journal.js'
import { LibraryLock } from './lock.js'

export interface BackupInfo {
  name: string
  file: string
  seq: number
  savedAt: number
  size: number
}

/** The snapshots kept in `backups/`, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  const folder = path.join(dir, 'backups')
  if (!fs.existsSync(folder)) return []
  return fs
    .readdirSync(folder)
    .map((name) => ({ name, m: /^library-(\d+)-(\d+)\.json$/.exec(name) }))
    .filter((x) => x.m)
    .map((x) => {
      const file = path.join(folder, x.name)
      return { name: x.name, file, seq: Number(x.m![1]), savedAt: Number(x.m![2]), size: fs.statSync(file).size }
    })
    .sort((a, b) => b.seq - a.seq || b.savedAt - a.savedAt)
}

/**
 * Puts a backup back as `library.json`. The damaged snapshot and the journals (whose
 * changes belong to the damaged history) are moved aside, never deleted, so nothing is
 * destroyed by restoring. The library must not be open.
 */
export function restoreBackup(dir: string, name: string): { setAside: string } {
  const backup = listBackups(dir).find((b) => b.name === name)
  if (!backup) throw new AppError('NOT_FOUND', `No backup named ${name} in ${path.join(dir, 'backups')}.`, { name })
  // Refuses while another process has the library open; a stale lock from a crash is taken over.
  const lock = LibraryLock.acquire(dir)
  try {
    return putBack(dir, backup.file)
  } finally {
    lock.release()
  }
}

function putBack(dir: string, backupFile: string): { setAside: string } {
  // A unique folder: recovery may restore one backup after another within a millisecond.
  const aside = fs.mkdtempSync(path.join(dir, `damaged-${Date.now()}-`))
  for (const file of fs.readdirSync(dir)) {
    if (file === 'library.json' || file === 'journal.jsonl' || ROTATED.test(file)) fs.renameSync(path.join(dir, file), path.join(aside, file))
  }
  fs.copyFileSync(backupFile, path.join(dir, 'library.json'))
  return { setAside: aside }
}

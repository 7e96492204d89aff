import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '../../../shared/errors.js'
import { ROTATED } from './journal.js'
import { LibraryLock } from './lock.js'
import type { Manifest } from './manifest.js'
import { syncDir, syncDirSync } from './snapshot.js'
import { columnFileOf } from './segments.js'

export interface BackupInfo {
  name: string
  file: string
  seq: number
  savedAt: number
  size: number
}

/**
 * A backup is `backups/library-<seq>-<savedAt>/` (a manifest with hard links to its segment
 * files, which cost nothing and outlive the compaction that replaced them) or, from a
 * library of the one-document format, `backups/library-<seq>-<savedAt>.json`.
 */
const BACKUP = /^library-(\d+)-(\d+)(\.json)?$/

/** The backups in `backups/`, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  const folder = path.join(dir, 'backups')
  if (!fs.existsSync(folder)) return []
  return fs
    .readdirSync(folder)
    .map((name) => ({ name, m: BACKUP.exec(name) }))
    .filter((x) => x.m)
    .map((x) => {
      const file = path.join(folder, x.name)
      return { name: x.name, file, seq: Number(x.m![1]), savedAt: Number(x.m![2]), size: sizeOf(file) }
    })
    .sort((a, b) => b.seq - a.seq || b.savedAt - a.savedAt)
}

function sizeOf(file: string): number {
  const stat = fs.statSync(file)
  if (!stat.isDirectory()) return stat.size
  let total = 0
  for (const name of fs.readdirSync(file)) total += sizeOf(path.join(file, name))
  return total
}

type Keep =
  | { legacyFile: string; seq: number; at: number; keep: number }
  | { manifestFile: string; manifest: Manifest; seq: number; at: number; keep: number }

/**
 * Keeps the library as it is on disk now in `backups/`, and the newest `keep` backups only.
 * Asynchronous throughout: a compaction calls it, and a folder fsync can take a while.
 */
export async function keepBackup(dir: string, what: Keep): Promise<void> {
  const folder = path.join(dir, 'backups')
  await fsp.mkdir(folder, { recursive: true })
  const base = path.join(folder, `library-${String(what.seq).padStart(12, '0')}-${what.at}`)
  if ('legacyFile' in what) {
    await link(what.legacyFile, `${base}.json`)
  } else {
    await fsp.rm(base, { recursive: true, force: true })
    await fsp.mkdir(path.join(base, 'segments'), { recursive: true })
    for (const s of what.manifest.segments) {
      await link(path.join(dir, s.file), path.join(base, s.file))
      if (s.columns) await link(path.join(dir, columnFileOf(s.file)), path.join(base, columnFileOf(s.file)))
    }
    await fsp.copyFile(what.manifestFile, path.join(base, 'library.json'))
    await syncDir(path.join(base, 'segments'))
    await syncDir(base)
  }
  const all = (await fsp.readdir(folder)).filter((n) => BACKUP.test(n)).sort()
  for (const old of all.slice(0, Math.max(0, all.length - what.keep))) await fsp.rm(path.join(folder, old), { recursive: true, force: true })
  await syncDir(folder)
}

async function link(from: string, to: string): Promise<void> {
  await fsp.rm(to, { force: true })
  try {
    await fsp.link(from, to)
  } catch {
    await fsp.copyFile(from, to)
  }
}

/** The same, for restoring (the library is closed: nothing waits on it). */
function linkSync(from: string, to: string): void {
  fs.rmSync(to, { force: true })
  try {
    fs.linkSync(from, to)
  } catch {
    fs.copyFileSync(from, to)
  }
}

/**
 * Puts a backup back as the library. The damaged manifest, segments and journals (whose
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

function putBack(dir: string, backup: string): { setAside: string } {
  // A unique folder: recovery may restore one backup after another within a millisecond.
  const aside = fs.mkdtempSync(path.join(dir, `damaged-${Date.now()}-`))
  for (const file of fs.readdirSync(dir)) {
    if (file === 'library.json' || file === 'segments' || file === 'journal.jsonl' || ROTATED.test(file)) fs.renameSync(path.join(dir, file), path.join(aside, file))
  }
  if (fs.statSync(backup).isDirectory()) {
    fs.mkdirSync(path.join(dir, 'segments'))
    for (const name of fs.readdirSync(path.join(backup, 'segments'))) linkSync(path.join(backup, 'segments', name), path.join(dir, 'segments', name))
    syncDirSync(path.join(dir, 'segments'))
    fs.copyFileSync(path.join(backup, 'library.json'), path.join(dir, 'library.json'))
  } else {
    fs.copyFileSync(backup, path.join(dir, 'library.json'))
  }
  syncDirSync(dir)
  return { setAside: aside }
}

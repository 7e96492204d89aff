import fs from 'node:fs'
import path from 'node:path'

/** A library opened before: a folder on this machine, or a team server's address. */
export type RecentLibrary = { kind: 'local'; dir: string } | { kind: 'team'; url: string }

/** The File menu lists this many. */
export const MAX_RECENT = 10

function sameLibrary(a: RecentLibrary, b: RecentLibrary): boolean {
  return a.kind === 'local' ? b.kind === 'local' && a.dir === b.dir : b.kind === 'team' && a.url === b.url
}

function isRecent(value: unknown): value is RecentLibrary {
  const v = value as { kind?: unknown; dir?: unknown; url?: unknown } | null
  return (v?.kind === 'local' && typeof v.dir === 'string') || (v?.kind === 'team' && typeof v.url === 'string')
}

/**
 * The libraries opened lately, newest first, kept in a small JSON file in the app's user-data
 * folder. A missing or unreadable file is an empty list: it is a convenience, never a reason
 * not to start.
 */
export class RecentLibraries {
  constructor(private readonly file: string) {}

  list(): RecentLibrary[] {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(this.file, 'utf8'))
      return Array.isArray(parsed) ? parsed.filter(isRecent).slice(0, MAX_RECENT) : []
    } catch {
      return []
    }
  }

  /** Puts `entry` first; returns the new list. */
  add(entry: RecentLibrary): RecentLibrary[] {
    const next = [entry, ...this.list().filter((e) => !sameLibrary(e, entry))].slice(0, MAX_RECENT)
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true })
      const tmp = `${this.file}.${process.pid}.tmp`
      fs.writeFileSync(tmp, JSON.stringify(next, null, 2))
      fs.renameSync(tmp, this.file)
    } catch (error) {
      console.error('[trove] could not remember the recent libraries:', error)
    }
    return next
  }
}

/** How the File menu names an entry. */
export function recentLabel(entry: RecentLibrary): string {
  return entry.kind === 'local' ? entry.dir : `${entry.url.replace(/\/$/, '')} (team)`
}

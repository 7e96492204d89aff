import fsp from 'node:fs/promises'
import path from 'node:path'
import { nameSchema } from '../../../shared/contract/common.js'

export interface PlannedEntry {
  kind: 'file' | 'folder'
  /** Where it is on disk (a link already resolved). */
  source: string
  /** Names from the import's top level down to this entry. */
  segments: string[]
  size: number
}

export interface SkippedEntry {
  path: string
  reason: string
}

/**
 * What an import of these paths would bring in, parents before children. Entries that
 * cannot be imported are listed with the reason instead of failing the whole import:
 * unreadable, a symbolic link leading outside the chosen folder or back into a folder
 * it sits in (which would never end), or a name the library cannot use.
 */
export async function walkSources(sources: string[], signal?: AbortSignal): Promise<{ entries: PlannedEntry[]; skipped: SkippedEntry[] }> {
  const entries: PlannedEntry[] = []
  const skipped: SkippedEntry[] = []
  /** `within`: the real paths of the folders this entry sits in. */
  const visit = async (file: string, segments: string[], root: string, within: ReadonlySet<string>): Promise<void> => {
    signal?.throwIfAborted()
    const valid = nameSchema.safeParse(segments[segments.length - 1])
    if (!valid.success) {
      skipped.push({ path: file, reason: `its name cannot be used (${valid.error.issues[0]?.message ?? 'invalid'})` })
      return
    }
    // File systems differ in Unicode form (macOS decomposes): the library keeps the normalised name.
    segments = [...segments.slice(0, -1), valid.data]
    let stat
    let real = file
    try {
      const link = await fsp.lstat(file)
      if (link.isSymbolicLink()) {
        real = await fsp.realpath(file)
        // A link may not pull in files from outside what the user chose.
        if (real !== root && !real.startsWith(root + path.sep)) {
          skipped.push({ path: file, reason: 'it is a symbolic link to something outside the chosen folder' })
          return
        }
      }
      stat = await fsp.stat(real)
    } catch (error) {
      skipped.push({ path: file, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` })
      return
    }
    if (stat.isFile()) {
      entries.push({ kind: 'file', source: real, segments, size: stat.size })
    } else if (stat.isDirectory()) {
      if (within.has(real)) {
        skipped.push({ path: file, reason: 'it is a symbolic link to a folder it is inside of, which would repeat forever' })
        return
      }
      let names: string[]
      try {
        names = (await fsp.readdir(real)).sort()
      } catch (error) {
        skipped.push({ path: file, reason: `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` })
        return
      }
      entries.push({ kind: 'folder', source: real, segments, size: 0 })
      const inside = new Set(within).add(real)
      for (const child of names) await visit(path.join(real, child), [...segments, child], root, inside)
    } else {
      skipped.push({ path: file, reason: 'it is not a regular file or folder' })
    }
  }
  for (const source of sources) {
    const absolute = path.resolve(source)
    // The chosen item itself may be a link (the user picked it); what it leads to is the boundary.
    // The walk goes on from there, so every path it compares is real (/tmp is a link on macOS).
    const root = await fsp.realpath(absolute).catch(() => absolute)
    await visit(root, [path.basename(absolute)], root, new Set())
  }
  return { entries, skipped }
}

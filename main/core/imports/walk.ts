import fs, { type Stats } from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { nameSchema } from '../../../shared/contract/common.js'

/**
 * A path on disk. A string while every name in it is valid UTF-8; the raw bytes once one is not
 * (a name written by an old system in Latin-1), since no string opens that file again.
 */
export type DiskPath = string | Buffer

export interface PlannedEntry {
  kind: 'file' | 'folder'
  /** Where it is on disk (a link already resolved). */
  source: DiskPath
  /** Names from the import's top level down to this entry. */
  segments: string[]
  size: number
}

export interface SkippedEntry {
  path: string
  reason: string
}

/** A name on disk that is not valid UTF-8, imported under a repaired one. */
export interface RenamedEntry {
  path: string
  name: string
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
/** What such names nearly always are: Latin-1 or its Windows superset. */
const legacy = new TextDecoder('windows-1252')

/** A path as a person reads it: bytes that are not UTF-8 show as U+FFFD. */
export function shownPath(p: DiskPath): string {
  return typeof p === 'string' ? p : p.toString('utf8')
}

const bytesOf = (p: DiskPath): Buffer => (typeof p === 'string' ? Buffer.from(p) : p)
/** A key that tells any two paths apart, bytes included. */
const keyOf = (p: DiskPath): string => bytesOf(p).toString('latin1')

function join(dir: DiskPath, name: Buffer): { path: DiskPath; text: string; repaired: boolean } {
  let text: string | undefined
  try {
    text = strictUtf8.decode(name)
  } catch {
    text = undefined
  }
  if (text !== undefined && typeof dir === 'string') return { path: path.join(dir, text), text, repaired: false }
  return { path: Buffer.concat([bytesOf(dir), Buffer.from(path.sep), name]), text: text ?? legacy.decode(name), repaired: text === undefined }
}

/**
 * Entries of a folder whose lstats are taken at once, synchronously. An lstat of an entry the
 * kernel has cached takes microseconds; through libuv's pool, its hand-off and the promise
 * took the main thread far longer (about 1.3 s of a walk over 20,000 small files, with 32
 * asked ahead). A run of them blocks the event loop only briefly: the walk yields after each.
 */
const LSTATS_AT_ONCE = 64

/** An entry's lstat, or the error it failed with (reported when the entry's turn comes). */
function lstatOrError(file: DiskPath): Stats | Error {
  try {
    return fs.lstatSync(file)
  } catch (error) {
    return error as Error
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * What an import of these paths would bring in, parents before children. Entries that
 * cannot be imported are listed with the reason instead of failing the whole import:
 * unreadable, a symbolic link leading outside the chosen folder or back into a folder
 * it sits in (which would never end), or a name the library cannot use. A name that is
 * not valid UTF-8 is imported under its Latin-1 reading, and listed as renamed. A folder
 * reached again through another link is walked again (its files arrive under each name),
 * but what is skipped in it is listed once.
 */
export async function walkSources(sources: string[], signal?: AbortSignal): Promise<{ entries: PlannedEntry[]; skipped: SkippedEntry[]; renamed: RenamedEntry[] }> {
  const entries: PlannedEntry[] = []
  const skipped: SkippedEntry[] = []
  const renamed: RenamedEntry[] = []
  const listed = new Set<string>()
  const skip = (file: DiskPath, reason: string) => {
    const entry = { path: shownPath(file), reason }
    const key = `${keyOf(file)}\u0000${reason}`
    if (listed.has(key)) return
    listed.add(key)
    skipped.push(entry)
  }
  /** `within`: the real paths of the folders this entry sits in. */
  /** `looked`: the entry's lstat, taken with its siblings' (see below). */
  const visit = async (file: DiskPath, segments: string[], root: Buffer, within: ReadonlySet<string>, looked?: Stats | Error): Promise<void> => {
    signal?.throwIfAborted()
    const valid = nameSchema.safeParse(segments[segments.length - 1])
    if (!valid.success) {
      skip(file, `its name cannot be used (${valid.error.issues[0]?.message ?? 'invalid'})`)
      return
    }
    // File systems differ in Unicode form (macOS decomposes): the library keeps the normalised name.
    segments = [...segments.slice(0, -1), valid.data]
    let stat
    let real: DiskPath = file
    try {
      if (looked instanceof Error) throw looked
      const link = looked ?? (await fsp.lstat(file))
      if (!link.isSymbolicLink()) stat = link
      else {
        real = typeof file === 'string' ? await fsp.realpath(file) : await fsp.realpath(file, { encoding: 'buffer' })
        // A link may not pull in files from outside what the user chose.
        const bytes = bytesOf(real)
        const inside = bytes.equals(root) || (bytes.length > root.length && bytes.subarray(0, root.length).equals(root) && bytes.subarray(root.length, root.length + 1).equals(Buffer.from(path.sep)))
        if (!inside) {
          skip(file, 'it is a symbolic link to something outside the chosen folder')
          return
        }
      }
      stat ??= await fsp.stat(real)
    } catch (error) {
      skip(file, `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
      return
    }
    if (stat.isFile()) {
      entries.push({ kind: 'file', source: real, segments, size: stat.size })
    } else if (stat.isDirectory()) {
      if (within.has(keyOf(real))) {
        skip(file, 'it is a symbolic link to a folder it is inside of, which would repeat forever')
        return
      }
      let names: Buffer[]
      try {
        // As bytes: a name that is not UTF-8 would otherwise come back altered, naming no file.
        names = (await fsp.readdir(real, { encoding: 'buffer' })).sort(Buffer.compare)
      } catch (error) {
        skip(file, `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
        return
      }
      entries.push({ kind: 'folder', source: real, segments, size: 0 })
      const inside = new Set(within).add(keyOf(real))
      const children = names.map((child) => join(real, child))
      let looks: (Stats | Error)[] = []
      for (const [i, next] of children.entries()) {
        if (i % LSTATS_AT_ONCE === 0) {
          if (i > 0) await nextTurn()
          looks = children.slice(i, i + LSTATS_AT_ONCE).map((child) => lstatOrError(child.path))
        }
        const before = entries.length
        await visit(next.path, [...segments, next.text], root, inside, looks[i % LSTATS_AT_ONCE])
        const arrived = entries[before]
        if (next.repaired && arrived !== undefined) renamed.push({ path: shownPath(next.path), name: arrived.segments[arrived.segments.length - 1] })
      }
    } else {
      skip(file, 'it is not a regular file or folder')
    }
  }
  for (const source of sources) {
    const absolute = path.resolve(source)
    // The chosen item itself may be a link (the user picked it); what it leads to is the boundary.
    // The walk goes on from there, so every path it compares is real (/tmp is a link on macOS).
    const root = await fsp.realpath(absolute).catch(() => absolute)
    await visit(root, [path.basename(absolute)], Buffer.from(root), new Set())
  }
  return { entries, skipped, renamed }
}

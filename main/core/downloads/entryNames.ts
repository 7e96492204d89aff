import { AppError } from '../../../shared/errors.js'
import { MAX_FREE_NAME_ATTEMPTS, MAX_NAME_LENGTH, cutToLength, firstFreeName, fitName, nameKey, splitExtension } from '../../../shared/names.js'

/**
 * Zip entry names that no file system refuses and that cannot escape the folder they are
 * unpacked into: no absolute paths, no `..`, no characters Windows forbids, no reserved
 * device names, and no two entries that differ only in case.
 */
const FORBIDDEN = /[<>:"|?*\\/]/g
// C0, DEL and C1: none belongs in a file name, and C1 holds terminal escapes.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

export function safeSegment(name: string): string {
  let s = cutToLength(name.replace(CONTROL, '_').replace(FORBIDDEN, '_'), MAX_NAME_LENGTH).replace(/[. ]+$/, '')
  if (s === '' || s === '.' || s === '..') s = '_'
  if (RESERVED.test(s)) s = cutToLength(`_${s}`, MAX_NAME_LENGTH)
  return s
}

/**
 * Hands out unique entry paths, suffixing " (2)", " (3)", ... before the extension on a clash.
 * Each name remembers the last number it handed out, so a collection of thousands of files
 * of one name (all at the zip's top level) costs one try each, not a count from 2 each time.
 */
export class EntryNamer {
  private readonly taken = new Set<string>()
  private readonly lastNumber = new Map<string, number>()

  /** `parent` is a path this namer handed out before (already safe), or '' for the top level. */
  claim(parent: string, name: string, isDir = false): string {
    const leaf = safeSegment(name)
    const prefix = parent ? `${parent}/` : ''
    const [stem, ext] = isDir ? [leaf, ''] : splitExtension(leaf)
    const base = nameKey(prefix + leaf)
    const found = firstFreeName(
      (i) => prefix + (i === 1 ? leaf : fitName(stem, ` (${i})`, ext)),
      (candidate) => !this.taken.has(nameKey(candidate)),
      this.lastNumber.get(base) ?? 1,
    )
    if (!found) throw new AppError('LIMIT_EXCEEDED', `The zip would hold more than ${MAX_FREE_NAME_ATTEMPTS.toLocaleString('en')} files named "${leaf}" in one folder.`, { limit: MAX_FREE_NAME_ATTEMPTS })
    this.lastNumber.set(base, found.n)
    this.taken.add(nameKey(found.name))
    return found.name
  }
}

import { nameKey } from '../../../shared/names.js'

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
  let s = name.replace(CONTROL, '_').replace(FORBIDDEN, '_').replace(/[. ]+$/, '')
  if (s === '' || s === '.' || s === '..') s = '_'
  if (RESERVED.test(s)) s = `_${s}`
  return s.slice(0, 255)
}

/** Hands out unique entry paths, suffixing " (2)", " (3)", ... before the extension on a clash. */
export class EntryNamer {
  private readonly taken = new Set<string>()

  /** `parent` is a path this namer handed out before (already safe), or '' for the top level. */
  claim(parent: string, name: string, isDir = false): string {
    const leaf = safeSegment(name)
    const dot = isDir ? -1 : leaf.lastIndexOf('.')
    const [stem, ext] = dot > 0 ? [leaf.slice(0, dot), leaf.slice(dot)] : [leaf, '']
    for (let i = 1; ; i++) {
      const candidate = `${parent ? `${parent}/` : ''}${i === 1 ? leaf : `${stem} (${i})${ext}`}`
      const key = nameKey(candidate)
      if (!this.taken.has(key)) {
        this.taken.add(key)
        return candidate
      }
    }
  }
}

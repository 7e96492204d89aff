import path from 'node:path'
import type { PathPurpose } from '../core/context.js'

/**
 * The paths one window may name in `sourcePath` / `destPath`: only what its own native
 * dialogs returned (docs/accounts.md: the renderer never reaches the disk on its own). A file
 * picked to open may be read, never written; a save target may be written; a folder picked
 * for import may be read anywhere inside it.
 */
export class PathGrants {
  private readonly files = new Map<string, Set<PathPurpose>>()
  private readonly folders = new Set<string>()

  allowFiles(paths: readonly string[], purpose: PathPurpose): void {
    for (const p of paths) {
      const key = path.resolve(p)
      const purposes = this.files.get(key) ?? new Set<PathPurpose>()
      purposes.add(purpose)
      this.files.set(key, purposes)
    }
  }

  allowFolder(folder: string): void {
    this.folders.add(path.resolve(folder))
  }

  allows(candidate: string, purpose: PathPurpose): boolean {
    // A relative path would be resolved against main's working folder, which no dialog chose.
    if (typeof candidate !== 'string' || !path.isAbsolute(candidate)) return false
    const resolved = path.resolve(candidate)
    if (this.files.get(resolved)?.has(purpose)) return true
    if (purpose !== 'read') return false
    for (const folder of this.folders) {
      const rel = path.relative(folder, resolved)
      if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) return true
    }
    return false
  }
}

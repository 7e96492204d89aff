import type { AssetRecord, FileRecord, Id } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'
import type { Core } from '../context.js'
import { MAX_FREE_NAME_ATTEMPTS, firstFreeName, nameKey, withMarker } from '../../../shared/names.js'

/** Names are unique in their folder, compared case-insensitively (docs/names.md). */
export function ensureNameFree(core: Core, parentId: Id, name: string, exceptId?: Id): void {
  const holder = core.store.indexes.childByName.get(parentId)?.get(nameKey(name))
  if (holder !== undefined && holder !== exceptId) {
    const parent = core.store.tables.assets.get(parentId)
    const existing = core.store.tables.assets.get(holder)
    // Say what holds the name as it is written (names clash whatever their case or Unicode form) and what to do.
    const what = existing ? `a ${existing.kind} named "${existing.name}"` : `something named "${name}"`
    const alike = existing && existing.name !== name ? `, which counts as the same name as "${name}"` : ''
    throw new AppError('CONFLICT', `"${parent?.name ?? 'The folder'}" already holds ${what}${alike}. Choose another name, or rename or move that ${existing?.kind ?? 'item'} first.`, {
      parentId, name, existingId: holder,
    })
  }
}

/**
 * "name (copy).ext", "name (copy 2).ext", ...: the first name not taken in the folder. The
 * " (copy N)" stays whole however long the name (the name gives way around it, see
 * fitName), so each candidate is different; the search is bounded all the same.
 */
export function freeCopyName(core: Core, parentId: Id, name: string, taken: Set<string> = new Set()): string {
  const isFree = (n: string) => !core.store.indexes.childByName.get(parentId)?.has(nameKey(n)) && !taken.has(nameKey(n))
  if (isFree(name)) return name
  const found = firstFreeName((i) => withMarker(name, ` (copy${i === 1 ? '' : ` ${i}`})`), isFree)
  if (found) return found.name
  const parent = core.store.tables.assets.get(parentId)
  throw new AppError(
    'LIMIT_EXCEEDED',
    `"${parent?.name ?? 'The folder'}" already holds ${MAX_FREE_NAME_ATTEMPTS.toLocaleString('en')} copies of "${name}": rename or remove some of them first.`,
    { parentId, name, limit: MAX_FREE_NAME_ATTEMPTS },
  )
}

/** True when `id` is `ancestorId` or lies below it. */
export function isWithin(core: Core, id: Id, ancestorId: Id): boolean {
  for (let cursor: Id | null = id; cursor !== null; cursor = core.store.tables.assets.get(cursor)?.parentId ?? null) {
    if (cursor === ancestorId) return true
  }
  return false
}

/** The asset and everything below it, parents before children. */
export function subtree(core: Core, id: Id): AssetRecord[] {
  const out: AssetRecord[] = []
  const stack = [id]
  while (stack.length > 0) {
    const next = core.store.tables.assets.get(stack.pop()!)
    if (!next) continue
    out.push(next)
    if (next.kind === 'folder') for (const child of core.store.indexes.children.get(next.id)) stack.push(child)
  }
  return out
}

/** Drops ids that lie inside another listed folder: acting on the folder covers them. */
export function topmost(core: Core, ids: Id[]): Id[] {
  const set = new Set(ids)
  return ids.filter((id) => {
    for (let p = core.store.tables.assets.get(id)?.parentId ?? null; p !== null; p = core.store.tables.assets.get(p)?.parentId ?? null) {
      if (set.has(p)) return false
    }
    return true
  })
}

export function currentVersionOf(file: FileRecord) {
  return file.versions.find((v) => v.number === file.currentVersion)!
}

import type { Id } from '../../../shared/domain.js'

/**
 * What one change to the library did to permissions, as the memos of the permission engine
 * (main/core/permissions/engine.ts) must hear it to drop exactly what went stale and keep the
 * rest (docs/permissions.md, "How checks are answered"):
 * - `users`: everything worked out for these users (a grant to them or a group they are in,
 *   their memberships or role, a collection they can view that took or gave up an asset);
 * - `folders`: these folders' entries for every user (a subtree that moved or was deleted:
 *   what it inherits changed for everyone, what is outside it for no one);
 * - `all`: everything (a change too wide to list, or a load).
 */
export type PermissionChange = { kind: 'users'; users: readonly Id[] } | { kind: 'folders'; folders: Int32Array } | { kind: 'all' }

/** Entries kept for engines that have not read them yet; one further behind starts afresh. */
const KEPT = 4096

/**
 * The permission changes in the order they were made, numbered, so every engine over the
 * store (the library has one; tests make more) reads what it has not seen since it last
 * looked. Appended to by the indexes as records change.
 */
export class PermissionChanges {
  private entries: PermissionChange[] = []
  /** The number of entries[0]. */
  private first = 0

  /** The number the next entry will get: an engine that has read up to here is current. */
  get end(): number {
    return this.first + this.entries.length
  }

  add(change: PermissionChange): void {
    // A moved file names no folder but is still said: a listing's answer held it (engine.ts).
    if (change.kind === 'users' && change.users.length === 0) return
    this.entries.push(change)
    if (this.entries.length > 2 * KEPT) {
      const end = this.end
      this.entries = this.entries.slice(-KEPT)
      this.first = end - this.entries.length
    }
  }

  /** The entries from number `from` on, or null where some of them are no longer kept. */
  since(from: number): readonly PermissionChange[] | null {
    if (from < this.first) return null
    return this.entries.slice(from - this.first)
  }
}

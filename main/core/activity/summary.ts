import type { ActivityPart, ActivityRecord, Id } from '../../../shared/domain.js'
import type { Core } from '../context.js'
import { pathOf, visiblePathOf } from '../assets/views.js'

/**
 * An activity summary names files and folders by id, rendered for each reader when the log
 * is read (as listings are): a stored path would show a restricted reader the folders above
 * what they can see, and would go stale when something moves (docs/permissions.md).
 */
export function mention(asset: { id: Id; name: string }): ActivityPart {
  return { assetId: asset.id, name: asset.name }
}

/** `say\`uploaded ${mention(file)}\`` gives the parts of a summary. */
export function say(strings: TemplateStringsArray, ...values: (string | number | ActivityPart)[]): ActivityPart[] {
  const parts: ActivityPart[] = []
  strings.forEach((text, i) => {
    if (text) parts.push(text)
    if (i < values.length) parts.push(typeof values[i] === 'number' ? String(values[i]) : values[i])
  })
  return parts
}

/** The summary as stored for a reader who cannot be told anything: names only, no paths. */
export function plainSummary(parts: ActivityPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : `"${p.name}"`)).join('')
}

/**
 * The summary as this reader may read it. A mentioned asset is named by the reader's path to
 * it (callers show a restricted reader only entries whose assets they can all view); one gone
 * since is named as it was then.
 */
export function summaryFor(core: Core, readerId: Id, restricted: boolean, entry: ActivityRecord): string {
  if (!entry.parts) return restricted && PATH_SUMMARIES.has(entry.action) ? (LEGACY_LABELS[entry.action] ?? 'made a change') : entry.summary
  return entry.parts
    .map((p) => {
      if (typeof p === 'string') return p
      if (!core.store.tables.assets.has(p.assetId)) return `"${p.name}"`
      return restricted ? visiblePathOf(core, readerId, p.assetId) : pathOf(core, p.assetId)
    })
    .join('')
}

/** Actions whose summaries were once stored with full paths: an old entry of these is not shown to a restricted reader as stored. */
const PATH_SUMMARIES = new Set([
  'folders.create', 'files.upload', 'files.uploadVersion', 'files.restoreVersion', 'files.deleteVersion', 'files.download',
  'assets.move', 'assets.copy', 'images.edit', 'extensions.removeBackground', 'metadata.set', 'focus.set',
  'comments.add', 'comments.edit', 'comments.delete', 'imports.start',
])
const LEGACY_LABELS: Record<string, string> = {
  'folders.create': 'created a folder',
  'files.upload': 'uploaded a file',
  'files.uploadVersion': 'uploaded a new version',
  'files.restoreVersion': 'restored a version',
  'files.deleteVersion': 'deleted a version',
  'files.download': 'downloaded a file',
  'assets.move': 'moved items',
  'assets.copy': 'copied items',
  'images.edit': 'edited an image',
  'extensions.removeBackground': 'removed a background',
  'metadata.set': 'updated custom metadata',
  'focus.set': 'changed a focus area',
  'comments.add': 'commented on a file',
  'comments.edit': 'edited a comment',
  'comments.delete': 'deleted a comment',
  'imports.start': 'imported files',
}

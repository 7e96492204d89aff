import { nameKey } from '../../../shared/names.js'
import type { CollectionView } from '../../../shared/views.js'

/** docs/architecture.md; the contract's schema says the same, but pulling it in would bring zod into the window. */
export const MAX_NAME = 255
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/

/**
 * What is wrong with a collection name, before it is sent: 1 to 255 characters, no / or \
 * or control characters, not . or .., and unique case-insensitively among the collections
 * of its creator (`creatorId`; docs/permissions.md). Others' collections may share it.
 */
export function collectionNameProblem(name: string, known: Pick<CollectionView, 'id' | 'name' | 'createdBy'>[], creatorId: string | undefined, exceptId?: string): string | null {
  if (name.length === 0) return 'Enter a name for the collection.'
  if (name.length > MAX_NAME) return `A name can have at most ${MAX_NAME} characters; this one has ${name.length}.`
  if (/[/\\]/.test(name)) return 'A name cannot contain / or \\.'
  if (CONTROL_CHARS.test(name)) return 'A name cannot contain control characters.'
  if (name === '.' || name === '..') return 'A name cannot be . or ..'
  const key = nameKey(name)
  const taken = known.find((c) => c.id !== exceptId && c.createdBy === creatorId && nameKey(c.name) === key)
  if (taken) return `A collection named "${taken.name}" already exists.`
  return null
}

/**
 * Each collection's name as a list shows it: with its creator's name after it where another
 * collection in the same list has the same name, so the two can be told apart. Each name's key
 * is made once: asking each row against every other made a list of hundreds take seconds a render.
 */
export function collectionLabels(listed: CollectionView[], creatorName: (id: string) => string | undefined): Map<string, string> {
  const keys = listed.map((c) => nameKey(c.name))
  const count = new Map<string, number>()
  for (const key of keys) count.set(key, (count.get(key) ?? 0) + 1)
  return new Map(listed.map((c, i) => [c.id, count.get(keys[i])! > 1 ? `${c.name} (${creatorName(c.createdBy) ?? 'another user'})` : c.name]))
}

import { nameKey } from '../../../shared/names.js'
import type { CollectionView } from '../../../shared/views.js'

/** SPEC section 3; the contract's schema says the same, but pulling it in would bring zod into the window. */
export const MAX_NAME = 255
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/

/**
 * What is wrong with a collection name, before it is sent (SPEC section 3: 1 to 255
 * characters, no / or \ or control characters, not . or .., unique case-insensitively).
 * A name taken by a collection this user cannot see is only caught by main (CONFLICT).
 */
export function collectionNameProblem(name: string, known: CollectionView[], exceptId?: string): string | null {
  if (name.length === 0) return 'Enter a name for the collection.'
  if (name.length > MAX_NAME) return `A name can have at most ${MAX_NAME} characters; this one has ${name.length}.`
  if (/[/\\]/.test(name)) return 'A name cannot contain / or \\.'
  if (CONTROL_CHARS.test(name)) return 'A name cannot contain control characters.'
  if (name === '.' || name === '..') return 'A name cannot be . or ..'
  const key = nameKey(name)
  const taken = known.find((c) => c.id !== exceptId && nameKey(c.name) === key)
  if (taken) return `A collection named "${taken.name}" already exists.`
  return null
}

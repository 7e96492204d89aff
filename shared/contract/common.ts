import { z } from 'zod'
import { LEVELS } from '../domain.js'

export const MAX_NAME = 255
export const MAX_TEXT = 10_000
/** A sanity bound on list inputs; the collection request limits (100, docs/permissions.md) are checked in main so they can be reported as LIMIT_EXCEEDED. */
export const MAX_BATCH = 10_000

/**
 * Unicode's control characters (category Cc): C0, DEL and the C1 range, which terminals
 * and some file systems treat as commands (U+009B is a CSI escape) just like C0.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/

export const idSchema = z
  .string({ error: 'must be an id' })
  .min(1, 'must not be empty')
  .max(64, 'is too long for an id')
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a valid id')

/**
 * The id a long call's job takes, made by the caller before it asks (a random UUID), so the caller
 * follows its own job by id from the start (progress, cancel) while the answer waits for the job's
 * end (docs/architecture.md, "Long work"). An id already in use is refused with CONFLICT.
 */
export const jobIdSchema = z.uuid({ error: 'must be a job id: a random UUID the caller made' })

export const idsSchema = z.array(idSchema).min(1, 'must name at least one item').max(MAX_BATCH)

/** Half of a UTF-16 surrogate pair without its other half: text no encoding (UTF-8 on disk, in a URL, in a header) can carry. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const nativeIsWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed

/** `String.prototype.isWellFormed` where the runtime has it (fast: a one-byte string is answered at once), else the same test by hand. */
export function isWellFormed(s: string): boolean {
  return nativeIsWellFormed ? nativeIsWellFormed.call(s) : !LONE_SURROGATE.test(s)
}

export const ILL_FORMED_MESSAGE = 'must be valid Unicode text (it holds half of a surrogate pair)'

/** Where in a parsed input the first ill-formed string (or object key) is, or null when there is none. */
export function illFormedPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isWellFormed(value) ? null : path
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = illFormedPath(value[i], [...path, i])
      if (found) return found
    }
    return null
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (!isWellFormed(key)) return [...path, key]
      const found = illFormedPath(inner, [...path, key])
      if (found) return found
    }
  }
  return null
}

/**
 * docs/architecture.md: 1 to 255 characters, no `/`, `\`, NUL or control characters, not `.` or `..`.
 * Stored in one Unicode form (NFC), so the same name typed on two systems is the same string;
 * the rules are checked on that form, since it is what is stored (a name can grow in it:
 * U+0958 becomes two characters).
 */
export const nameSchema = z
  .string({ error: 'must be a name' })
  .transform((s) => s.normalize('NFC'))
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(MAX_NAME, `must be at most ${MAX_NAME} characters`)
      .refine(isWellFormed, ILL_FORMED_MESSAGE)
      .refine((s) => !/[/\\]/.test(s), 'must not contain / or \\')
      .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters')
      .refine((s) => s !== '.' && s !== '..', 'must not be . or ..')
      .refine((s) => s.trim() === s, 'must not start or end with spaces'),
  )

/**
 * What a browser's email field accepts (HTML5): a local machine's host needs no top-level
 * domain, and the first admin of a new library is admin@localhost (docs/architecture.md).
 */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ pattern: z.regexes.html5Email, error: 'must be an email address' })).pipe(z.string().max(254))
export const passwordSchema = z.string().min(8, 'must be at least 8 characters').max(1024)
export const levelSchema = z.enum(LEVELS)
export const textSchema = z.string().min(1, 'must not be empty').max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)
export const tagSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters')
/** Base64 content sent inline; larger files go through a source path or an import job. */
export const base64Schema = z.string().max(200 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
export const pathSchema = z
  .string()
  .min(1)
  .max(4096)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/\u0000/.test(s), 'must not contain NUL')
export const empty = z.object({}).strict().optional()
/** Where an image edit or an extension puts its result: a new version of the file, or a new file beside it. */
export const saveAsSchema = z.union([z.literal('version'), z.object({ newName: nameSchema }).strict()])

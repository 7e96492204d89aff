import type { ErrorCode } from '../../../shared/errors.js'
import type { World } from './world.js'

/** Well formed, but no record has it. */
export const UNKNOWN = 'no-such-id-0000'
/** Not an id at all. */
export const BAD_ID = 'not an id!'

export interface BadCase {
  why: string
  input: unknown
  code: ErrorCode
  /** Text the error's message or details must contain, so the refusal is for the reason the case names. */
  mentions?: string
}

/** One channel's inputs: one it accepts, and the ones it must refuse. */
export interface ChannelCases {
  /** Accepted as it is (checked in validExamples.test.ts); the derived bad inputs start from it. */
  valid: unknown
  /** Fields without which `valid` is refused. */
  required: string[]
  /** The input with this name in the channel's name field, for channels that name something. */
  named?: (name: string) => unknown
  /** The code for an id field that names nothing, where that is not NOT_FOUND. */
  unknownCode?: Record<string, ErrorCode>
  cases: BadCase[]
}

export type CaseBuilder<K extends string> = (w: World) => Record<K, ChannelCases>

/** docs/names.md: 1 to 255 characters, no `/`, `\`, NUL or control characters, not `.` or `..`. */
export const HOSTILE_NAMES: [string, string][] = [
  ['a parent reference', '../x'],
  ['a slash', 'a/b'],
  ['a backslash', 'a\\b'],
  ['a NUL character', 'a\u0000b'],
  ['a tab', 'a\tb'],
  ['a newline', 'a\nb'],
  ['an escape character', 'a\u001bb'],
  ['a DEL character', 'a\u007fb'],
  ['a C1 control character', 'a\u009bb'],
  ['a next-line control character', 'a\u0085b'],
  ['a single dot', '.'],
  ['two dots', '..'],
  ['a leading space', ' a'],
  ['a trailing space', 'a '],
  ['only spaces', '   '],
  ['nothing', ''],
  ['256 characters', 'n'.repeat(256)],
  ['a lone high surrogate', 'a\ud800.png'],
  ['a lone low surrogate', '\udc00a.png'],
  ['a surrogate pair in the wrong order', 'a\udc00\ud800'],
  // 255 characters as typed, 510 in NFC (the form names are stored in): U+0958 is two there.
  ['255 characters that are 510 once normalised', '\u0958'.repeat(255)],
  ['10,000 characters', 'n'.repeat(10_000)],
]

function wrongTypes(value: unknown): unknown[] {
  if (typeof value === 'number') return ['one']
  if (typeof value === 'boolean') return ['yes']
  if (typeof value === 'string') return [42]
  if (value === null) return [42]
  if (Array.isArray(value)) return ['not-a-list', [42]]
  return ['not-an-object', [value]]
}

/**
 * `value` with a lone surrogate in its first string that is not an id (inside lists and
 * objects too), or undefined when it holds no such string. Ids are left alone: their own
 * pattern refuses anything but ASCII already.
 */
function withLoneSurrogate(value: unknown, w: World): unknown {
  if (typeof value === 'string') return w.ids.has(value) ? undefined : `${value}\ud800`
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = withLoneSurrogate(value[i], w)
      if (inner !== undefined) return value.map((v, j) => (j === i ? inner : v))
    }
    return undefined
  }
  if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      const inner = withLoneSurrogate(v, w)
      if (inner !== undefined) return { ...value, [key]: inner }
    }
  }
  return undefined
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The bad inputs every channel must refuse, built from its accepted input: the wrong shape
 * altogether, an unknown field, each required field missing, each field of the wrong type,
 * and each id field naming nothing or not being an id.
 */
export function derivedCases(w: World, c: ChannelCases): BadCase[] {
  const base = isObject(c.valid) ? c.valid : {}
  const out: BadCase[] = ['text', 42, true, [], null].map((input) => ({ why: `the input is ${JSON.stringify(input)}`, input, code: 'INVALID_INPUT' }))
  out.push({ why: 'an unknown field', input: { ...base, unexpected: true }, code: 'INVALID_INPUT', mentions: 'unexpected' })
  // What JSON.parse makes of a `__proto__` key: an own property, which must be refused like any other.
  out.push({ why: 'an own __proto__ field', input: { ...base, ...JSON.parse('{"__proto__": {"role": "admin"}}') }, code: 'INVALID_INPUT' })
  for (const key of c.required) {
    const { [key]: _gone, ...rest } = base
    out.push({ why: `${key} missing`, input: rest, code: 'INVALID_INPUT', mentions: key })
  }
  for (const [key, value] of Object.entries(base)) {
    for (const wrong of wrongTypes(value)) {
      out.push({ why: `${key} is ${JSON.stringify(wrong)}`, input: { ...base, [key]: wrong }, code: 'INVALID_INPUT', mentions: key })
    }
    const isId = typeof value === 'string' && w.ids.has(value)
    const isIdList = Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && w.ids.has(v))
    const broken = withLoneSurrogate(value, w)
    if (broken !== undefined) out.push({ why: `${key} holding a lone surrogate`, input: { ...base, [key]: broken }, code: 'INVALID_INPUT', mentions: key })
    if (isId) {
      out.push({ why: `${key} names nothing`, input: { ...base, [key]: UNKNOWN }, code: c.unknownCode?.[key] ?? 'NOT_FOUND', mentions: c.unknownCode?.[key] ? undefined : UNKNOWN })
      out.push({ why: `${key} is not an id`, input: { ...base, [key]: BAD_ID }, code: 'INVALID_INPUT', mentions: key })
      out.push({ why: `${key} is 65 characters`, input: { ...base, [key]: 'a'.repeat(65) }, code: 'INVALID_INPUT', mentions: key })
    }
    if (isIdList) {
      out.push({ why: `one of ${key} names nothing`, input: { ...base, [key]: [...value, UNKNOWN] }, code: c.unknownCode?.[key] ?? 'NOT_FOUND', mentions: UNKNOWN })
      out.push({ why: `one of ${key} is not an id`, input: { ...base, [key]: [...value, BAD_ID] }, code: 'INVALID_INPUT', mentions: key })
    }
  }
  if (c.named) for (const [why, name] of HOSTILE_NAMES) out.push({ why: `a name with ${why}`, input: c.named(name), code: 'INVALID_INPUT', mentions: 'name' })
  return out
}

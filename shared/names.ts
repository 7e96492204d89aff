/**
 * The key two names are compared by when they must be unique (docs/architecture.md: case-insensitive).
 * Unicode normalisation makes a precomposed and a decomposed "Café" the same name, and
 * folding through upper case makes "straße" and "STRASSE" the same, as a person reads them.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase()
}

/** The longest a name may be, in UTF-16 code units (what the contract's length checks count). */
export const MAX_NAME_LENGTH = 255

/**
 * How many candidates a search for a free name tries before it gives up. Each candidate
 * differs from the others by its number, so only a folder that already holds this many
 * variants of one name reaches it; the bound is what guarantees the search ends at all.
 */
export const MAX_FREE_NAME_ATTEMPTS = 10_000

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * The longest start of `text` that fits in `max` code units without cutting a grapheme:
 * a cut inside a surrogate pair would leave ill-formed Unicode, and a cut inside an emoji
 * sequence or before a combining mark would change what the last character looks like.
 */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text
  let end = 0
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > max) break
    end = index + segment.length
  }
  return text.slice(0, end)
}

/** "photo.jpg" → ["photo", ".jpg"]; a leading dot (".hidden") is part of the stem, not an extension. */
export function splitExtension(name: string): [stem: string, ext: string] {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
}

/**
 * `stem + marker + ext` in at most `max` code units, where the marker (" (copy 2)", ".zip")
 * is what makes the name new, so it is always kept whole. The stem gives way first, down to
 * its first grapheme (a name may not start with the marker's space); then the extension,
 * from its end, so its dot and first letters stay. Cuts fall between graphemes, and an
 * extension cut before a space loses the space (a name may not end with one).
 */
export function fitName(stem: string, marker: string, ext = '', max = MAX_NAME_LENGTH): string {
  if (stem.length + marker.length + ext.length <= max) return stem + marker + ext
  const firstOfStem = graphemes.segment(stem)[Symbol.iterator]().next().value?.segment ?? ''
  const keptStem = cutToLength(stem, Math.max(firstOfStem.length, max - marker.length - ext.length))
  const keptExt = cutToLength(ext, max - marker.length - keptStem.length).trimEnd()
  return cutToLength(keptStem + marker + keptExt, max)
}

/** `name` with a marker before its extension: `withMarker("a.png", " (copy)")` is "a (copy).png", within the length limit. */
export function withMarker(name: string, marker: string, max = MAX_NAME_LENGTH): string {
  const [stem, ext] = splitExtension(name)
  return fitName(stem, marker, ext, max)
}

/**
 * The first name `candidate(n)` for n = first, first + 1, ... that `isFree` accepts, or null
 * when none of MAX_FREE_NAME_ATTEMPTS candidates is: every such search is bounded, so a
 * name that can only be cut to one string (or a folder full of copies) cannot hang it.
 */
export function firstFreeName(candidate: (n: number) => string, isFree: (name: string) => boolean, first = 1): { name: string; n: number } | null {
  for (let n = first; n < first + MAX_FREE_NAME_ATTEMPTS; n++) {
    const name = candidate(n)
    if (isFree(name)) return { name, n }
  }
  return null
}

/**
 * The few top-level fields open needs of a record line (its id, and for an asset its kind,
 * name, parent and creator), read straight from the line's bytes without parsing the rest:
 * parsing every line of a million-file library and keeping the objects was most of its
 * open time and memory (docs/store.md, "Cold records").
 *
 * Reads `{"key":value,...` from the start. Strings without escapes, numbers, true, false
 * and null are read in place; objects and arrays are skipped by matching brackets outside
 * strings. Returns null for anything else (an escaped string among the wanted fields, a
 * line that is not such an object): the caller then parses the whole line, so the answer is
 * always the one JSON.parse gives. The rest of a line, past the last wanted field, is
 * vouched for by the segment's checksum, and parsed when the record is read.
 */
export function readHotFields(line: Buffer, fields: readonly string[]): Record<string, unknown> | null {
  const n = line.length
  let i = 0
  if (line[i++] !== 0x7b) return null
  const out: Record<string, unknown> = {}
  let found = 0
  if (line[i] === 0x7d) return i + 1 === n ? out : null
  for (;;) {
    if (line[i++] !== 0x22) return null
    const keyStart = i
    while (i < n && line[i] !== 0x22) if (line[i++] === 0x5c) return null
    if (i >= n) return null
    const key = line.toString('latin1', keyStart, i)
    i++
    if (line[i++] !== 0x3a) return null
    const wanted = fields.includes(key)
    const c = line[i]
    if (c === 0x22) {
      const start = ++i
      let escaped = false
      while (i < n && line[i] !== 0x22) {
        if (line[i] === 0x5c) {
          escaped = true
          i++
        }
        i++
      }
      if (i >= n) return null
      if (wanted) {
        if (escaped) return null
        out[key] = line.toString('utf8', start, i)
      }
      i++
    } else if (c === 0x7b || c === 0x5b) {
      if (wanted) return null
      i = skipNested(line, i)
      if (i < 0) return null
    } else {
      const start = i
      while (i < n && line[i] !== 0x2c && line[i] !== 0x7d) i++
      if (wanted) {
        const text = line.toString('latin1', start, i)
        if (text === 'null') out[key] = null
        else if (text === 'true') out[key] = true
        else if (text === 'false') out[key] = false
        else {
          const value = Number(text)
          if (text === '' || !Number.isFinite(value)) return null
          out[key] = value
        }
      }
    }
    if (wanted && ++found === fields.length) return out
    if (line[i] === 0x2c) i++
    else return line[i] === 0x7d && i + 1 === n ? out : null
  }
}

/** The index just past the object or array starting at `i`, or -1. */
function skipNested(line: Buffer, i: number): number {
  const n = line.length
  let depth = 0
  while (i < n) {
    const c = line[i++]
    if (c === 0x22) {
      while (i < n && line[i] !== 0x22) i += line[i] === 0x5c ? 2 : 1
      i++
    } else if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return i
    }
  }
  return -1
}

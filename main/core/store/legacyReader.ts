import fsp from 'node:fs/promises'
import { StringDecoder } from 'node:string_decoder'
import { AppError } from '../../../shared/errors.js'
import { jsonErrorPosition, readLimits } from './snapshot.js'

/**
 * Reads a library.json of the one-document format (schema 1: `{schemaVersion, seq,
 * libraryId, createdAt, tables: {<table>: [records]}}`) a slice at a time, so that a file
 * longer than the longest string V8 can hold still opens. Only the shape above is
 * understood: each top-level value other than `tables`, and each record, is cut out of the
 * text and parsed on its own, so no string longer than one record is ever built.
 * A general streaming JSON library would build the same records with more machinery; this
 * shape is all there is to read, once, on the way to the segmented format.
 */
export interface LegacyHeader {
  [key: string]: unknown
}

/** Slices of at most 1 MB, and a small fraction of the longest string (lowered in tests). */
const chunkSize = () => Math.max(4096, Math.min(1024 * 1024, Math.floor(readLimits.maxStringChars / 16)))
const SPACE = new Set([' ', '\t', '\n', '\r'])

type Mode =
  | 'top-open' | 'top-key' | 'top-key-or-end' | 'top-colon' | 'top-value' | 'top-after'
  | 'tables-open' | 'tables-key' | 'tables-key-or-end' | 'tables-colon' | 'table-open' | 'elem-or-end' | 'elem' | 'elem-after' | 'tables-after'
  | 'end'

export async function readLegacySnapshot(
  file: string,
  onRecord: (table: string, record: unknown, position: number) => void | Promise<void>,
): Promise<LegacyHeader> {
  const header: LegacyHeader = {}
  const decoder = new StringDecoder('utf8')
  const handle = await fsp.open(file, 'r')
  const CHUNK = chunkSize()
  const buffer = Buffer.alloc(CHUNK)
  let mode: Mode = 'top-open'
  /** Characters before the current chunk, and newlines seen, for positions in errors. */
  let base = 0
  let line = 1
  let lineStart = 0
  let key = ''
  let table = ''
  // A key or value being cut out of the text, possibly across chunks.
  let parts: string[] = []
  let capturing: null | 'key' | 'value' = null
  let captureStart = 0
  let depth = 0
  let inString = false
  let scalar = false
  let afterCapture: Mode = 'end'

  const fail = (position: number, what: string): never => {
    const column = position - lineStart + 1
    throw new AppError(
      'LIBRARY_CORRUPT',
      `The library file ${file} is damaged at position ${position} (line ${line}, column ${column}): ${what}. It has not been changed; restore it from a backup.`,
      { file, position, line, column },
    )
  }

  const finishCapture = async (text: string): Promise<void> => {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      const message = (error as Error).message
      const at = /position (\d+)/.exec(message)
      fail(captureStart + (at ? Number(at[1]) : /Unexpected end/.test(message) ? text.length : jsonErrorPosition(text)), message)
    }
    if (capturing === 'key') {
      if (afterCapture === 'top-colon') key = value as string
      else table = value as string
    } else if (mode === 'elem') {
      await onRecord(table, value, captureStart)
    } else {
      header[key] = value
    }
    capturing = null
    parts = []
    mode = afterCapture
  }

  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null)
      const text = bytesRead === 0 ? decoder.end() : decoder.write(buffer.subarray(0, bytesRead))
      let i = 0
      let sliceFrom = capturing ? 0 : -1
      while (i < text.length) {
        const c = text[i]
        if (capturing) {
          if (inString) {
            const quote = text.indexOf('"', i)
            if (quote === -1) {
              i = text.length
              continue
            }
            let slashes = 0
            for (let j = quote - 1; j >= Math.max(0, sliceFrom) && text[j] === '\\'; j--) slashes++
            // Backslashes right before the chunk began are at the end of the text carried over.
            if (slashes === quote - Math.max(0, sliceFrom) && parts.length > 0) {
              const tail = parts[parts.length - 1]
              for (let j = tail.length - 1; j >= 0 && tail[j] === '\\'; j--) slashes++
            }
            i = quote + 1
            if (slashes % 2 === 1) continue
            inString = false
            if (depth === 0 && !scalar) {
              parts.push(text.slice(sliceFrom, i))
              await finishCapture(parts.join(''))
              sliceFrom = -1
            }
            continue
          }
          if (scalar) {
            if (c === ',' || c === '}' || c === ']' || SPACE.has(c)) {
              parts.push(text.slice(sliceFrom, i))
              await finishCapture(parts.join(''))
              sliceFrom = -1
              continue // the delimiter is read again in the new mode
            }
            i++
            continue
          }
          if (c === '"') inString = true
          else if (c === '{' || c === '[') depth++
          else if (c === '}' || c === ']') {
            depth--
            if (depth === 0) {
              parts.push(text.slice(sliceFrom, i + 1))
              i++
              await finishCapture(parts.join(''))
              sliceFrom = -1
              continue
            }
          } else if (c === '\n') {
            line++
            lineStart = base + i + 1
          }
          i++
          continue
        }
        if (SPACE.has(c)) {
          if (c === '\n') {
            line++
            lineStart = base + i + 1
          }
          i++
          continue
        }
        const position = base + i
        const startCapture = (kind: 'key' | 'value', next: Mode) => {
          capturing = kind
          captureStart = position
          afterCapture = next
          sliceFrom = i
          parts = []
          inString = c === '"'
          depth = c === '{' || c === '[' ? 1 : 0
          scalar = !inString && depth === 0
          i++
        }
        switch (mode as Mode) {
          case 'top-open':
            if (c !== '{') fail(position, 'a library file starts with {')
            mode = 'top-key-or-end'
            i++
            break
          case 'top-key-or-end':
          case 'top-key':
            if (c === '}' && mode === 'top-key-or-end') {
              mode = 'end'
              i++
            } else if (c === '"') startCapture('key', 'top-colon')
            else fail(position, `unexpected ${JSON.stringify(c)} where a key was expected`)
            break
          case 'top-colon':
            if (c !== ':') fail(position, `unexpected ${JSON.stringify(c)} where a colon was expected`)
            mode = 'top-value'
            i++
            break
          case 'top-value':
            if (key === 'tables') {
              if (c !== '{') fail(position, 'the tables are not an object')
              mode = 'tables-key-or-end'
              i++
            } else startCapture('value', 'top-after')
            break
          case 'top-after':
            if (c === ',') mode = 'top-key'
            else if (c === '}') mode = 'end'
            else fail(position, `unexpected ${JSON.stringify(c)} after a value`)
            i++
            break
          case 'tables-key-or-end':
          case 'tables-key':
            if (c === '}' && mode === 'tables-key-or-end') {
              mode = 'top-after'
              i++
            } else if (c === '"') startCapture('key', 'tables-colon')
            else fail(position, `unexpected ${JSON.stringify(c)} where a table name was expected`)
            break
          case 'tables-colon':
            if (c !== ':') fail(position, `unexpected ${JSON.stringify(c)} where a colon was expected`)
            mode = 'table-open'
            i++
            break
          case 'table-open':
            if (c !== '[') fail(position, `the table ${table} is not a list`)
            mode = 'elem-or-end'
            i++
            break
          case 'elem-or-end':
          case 'elem':
            if (c === ']' && mode === 'elem-or-end') {
              mode = 'tables-after'
              i++
            } else {
              mode = 'elem'
              startCapture('value', 'elem-after')
            }
            break
          case 'elem-after':
            if (c === ',') mode = 'elem'
            else if (c === ']') mode = 'tables-after'
            else fail(position, `unexpected ${JSON.stringify(c)} after a record`)
            i++
            break
          case 'tables-after':
            if (c === ',') mode = 'tables-key'
            else if (c === '}') mode = 'top-after'
            else fail(position, `unexpected ${JSON.stringify(c)} after a table`)
            i++
            break
          case 'end':
            fail(position, `unexpected ${JSON.stringify(c)} after the end of the library`)
        }
      }
      if (capturing && sliceFrom !== -1) parts.push(text.slice(sliceFrom))
      base += text.length
      if (bytesRead === 0) break
    }
  } finally {
    await handle.close()
  }
  if (capturing === 'value' && scalar) {
    // A number at the very end of the file has no delimiter after it.
    await finishCapture(parts.join(''))
  }
  if (mode !== 'end') fail(base, 'Unexpected end of JSON input')
  return header
}

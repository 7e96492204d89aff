import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { StringColumn } from '../../../main/core/store/hotColumns.js'
import { IdIndex, asciiHash, numberColumn } from '../../../main/core/store/idIndex.js'

/** A `bytes` column of `values`, as a column file holds it; `hash` gives each value's stored hash (null: none stored). */
function column(values: string[], hash: ((value: string) => number) | null): StringColumn {
  const parts = values.map((v) => Buffer.from(v, 'utf8'))
  const starts = new Uint32Array(values.length + 1)
  for (let i = 0; i < parts.length; i++) starts[i + 1] = starts[i] + parts[i].length
  return { kind: 'bytes', data: new Uint8Array(Buffer.concat(parts)), starts, nulls: null, hashes: hash === null ? null : Uint32Array.from(values, hash) }
}

/** What an id index must answer: each id numbered in the order first seen, by a plain Map. */
function modelNumbers(model: Map<string, number>, values: string[]): number[] {
  return values.map((v) => {
    if (!model.has(v)) model.set(v, model.size)
    return model.get(v)!
  })
}

const utf8Hash = (v: string) => asciiHash(Buffer.from(v), 0, Buffer.byteLength(v))

describe('numbering a column of ids', () => {
  it('gives every id the number a one-at-a-time numbering gives, over repeats, ids met before and ids held as strings', () => {
    const index = new IdIndex()
    const model = new Map<string, number>()
    const pool = Array.from({ length: 3000 }, () => randomUUID())
    // Some ids are first met as strings (a record put since open), others first in a column.
    for (const id of pool.slice(0, 200)) expect(index.add(id)).toBe(modelNumbers(model, [id])[0])
    let seed = 7
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0)
    for (let round = 0; round < 12; round++) {
      // Like a parent column: many values repeat, within the column and from columns before.
      const values = Array.from({ length: 700 }, () => pool[next() % pool.length])
      const numbers = numberColumn(index, column(values, utf8Hash))
      expect([...numbers]).toEqual(modelNumbers(model, values))
    }
    for (const [id, n] of model) {
      expect(index.get(id)).toBe(n)
      expect(index.id(n)).toBe(id)
    }
    for (const id of pool) if (!model.has(id)) expect(index.get(id)).toBe(-1)
    expect(index.length).toBe(model.size)
  })

  it('tells apart ids whose stored hashes collide, by their bytes', () => {
    const index = new IdIndex()
    const model = new Map<string, number>()
    const values = Array.from({ length: 500 }, (_, i) => `asset-${i % 170}`)
    // Every value stored with one hash: each probe meets every id numbered before it.
    const numbers = numberColumn(index, column(values, () => 42))
    expect([...numbers]).toEqual(modelNumbers(model, values))
    expect(new Set(numbers).size).toBe(170)
  })

  it('numbers a column with no stored hashes, and ids past ASCII, as one with them', () => {
    const values = ['a', 'é-1', 'b', 'a', '日本', 'é-1', 'c']
    const ascii = values.filter((v) => Buffer.byteLength(v) === v.length)
    const withHashes = new IdIndex()
    const without = new IdIndex()
    expect([...numberColumn(withHashes, column(ascii, utf8Hash))]).toEqual([...numberColumn(without, column(ascii, null))])
    const model = new Map<string, number>()
    modelNumbers(model, ascii)
    expect([...numberColumn(without, column(values, null))]).toEqual(modelNumbers(model, values))
    expect(without.id(without.get('日本'))).toBe('日本')
  })

  it('grows its table while a column is numbered without losing an id', () => {
    const index = new IdIndex()
    const values = Array.from({ length: 20000 }, () => randomUUID())
    // No reserve: the table doubles many times over within the column's blocks.
    const out = new Int32Array(values.length)
    const col = column(values, utf8Hash) as Extract<StringColumn, { kind: 'bytes' }>
    index.addAsciiColumn(col.data, col.starts, col.hashes!, out)
    expect([...out]).toEqual(values.map((_, i) => i))
    for (let i = 0; i < values.length; i += 997) expect(index.get(values[i])).toBe(i)
  })
})

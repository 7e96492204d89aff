import { describe, expect, it } from 'vitest'
import { unionTables } from '../../../main/core/permissions/folderOrder.js'
import { Prng } from '../../bench/prng.js'

describe('the union of folder tables', () => {
  it('is every table OR-ed word by word, for any number of tables, and leaves them as they were', () => {
    const prng = new Prng(3)
    const words = 37
    for (let count = 0; count <= 6; count++) {
      const tables = Array.from({ length: count }, () => Uint32Array.from({ length: words }, () => (prng.chance(0.3) ? prng.next() : 0)))
      const copies = tables.map((table) => table.slice())
      const want = new Uint32Array(words)
      for (const table of tables) for (let i = 0; i < words; i++) want[i] |= table[i]
      const got = unionTables(tables, words)
      expect(Array.from(got), `${count} tables`).toEqual(Array.from(want))
      // The union is a table of its own: writing it (a user's own runs) changes no group's.
      for (const table of tables) expect(got).not.toBe(table)
      expect(tables.map((t) => Array.from(t))).toEqual(copies.map((t) => Array.from(t)))
    }
  })
})

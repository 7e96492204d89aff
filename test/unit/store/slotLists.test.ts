import { describe, expect, it } from 'vitest'
import { SlotLists } from '../../../main/core/store/slotLists.js'

type Op = ['add' | 'push' | 'delete', number, number] | ['get', number]

/** The answers of every `get` in `ops`, and the lists of owners 0..9 at the end; `defer`: each stretch between reads is deferred. */
function run(lists: SlotLists, ops: Op[], defer: boolean): number[][] {
  const seen: number[][] = []
  if (defer) lists.defer()
  for (const op of ops) {
    if (op[0] === 'get') {
      seen.push([...lists.get(op[1])])
      if (defer) lists.defer()
    } else lists[op[0]](op[1], op[2])
  }
  lists.settle()
  for (let owner = 0; owner < 10; owner++) seen.push([...lists.get(owner)])
  return seen
}

describe('slot lists filled by a load', () => {
  it('hold, once settled, what adding one member at a time gives, in the same order', () => {
    let seed = 11
    const next = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n
    const ops: Op[] = []
    const kinds = ['add', 'add', 'push', 'delete'] as const
    const present = new Set<string>()
    for (let i = 0; i < 3000; i++) {
      const owner = next(10)
      const member = next(400)
      let kind: (typeof kinds)[number] = kinds[next(4)]
      // `push` is for a member known not to be in the list, as a load uses it.
      if (kind === 'push' && present.has(`${owner}:${member}`)) kind = 'add'
      if (kind === 'delete') present.delete(`${owner}:${member}`)
      else present.add(`${owner}:${member}`)
      ops.push([kind, owner, member])
      // Reads in the middle of a load see every member added before them.
      if (i % 700 === 699) ops.push(['get', owner])
    }
    expect(run(new SlotLists(), ops, true)).toEqual(run(new SlotLists(), ops, false))
  })

  it('keeps a member added twice during a load once in a short list', () => {
    const lists = new SlotLists()
    lists.defer()
    lists.push(3, 7)
    lists.add(3, 7)
    lists.add(3, 8)
    lists.settle()
    expect(lists.get(3)).toEqual([7, 8])
    expect(lists.get(4)).toEqual([])
  })
})

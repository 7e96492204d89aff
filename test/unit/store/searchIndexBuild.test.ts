import { describe, expect, it } from 'vitest'
import type { AssetRecord, FileRecord, FolderRecord } from '../../../shared/domain.js'
import { TextIndex } from '../../../main/core/store/textIndex.js'
import { Prng } from '../../bench/prng.js'
import { liveIndexes } from './liveIndexes.js'

const folder = (i: number, name: string): FolderRecord => ({ id: `f-${i}`, kind: 'folder', name, parentId: i === 0 ? null : 'f-0', createdBy: 'u', createdAt: i, updatedAt: i })
const file = (i: number, name: string, tags: string[]): FileRecord =>
  ({ ...folder(i, name), kind: 'file', tags, currentVersion: 1, versions: [{ number: 1, hash: `h${i}`, size: 1, mime: 'image/png', createdAt: i, createdBy: 'u' }] }) as unknown as FileRecord

const NEEDLES = ['alpha', 'beta', 'gamma', 'pha', 'zebra', 'red', 'blue', 'a', 'ta ', 'x']

describe('the search index built in the background after open', () => {
  it('answers exactly as one built at once, whatever is put and deleted while it is being built', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const prng = new Prng(seed)
      const word = () => prng.pick(['alpha', 'beta', 'gamma', 'delta', 'zebra', 'omega'])
      const record = (i: number): AssetRecord => (i % 3 === 0 ? folder(i, `${word()} ${i}`) : file(i, `${word()} ${word()} ${i}`, prng.float() < 0.5 ? [prng.pick(['Red', 'Blue'])] : []))
      const { indexes, live, put, del } = liveIndexes()
      for (let i = 0; i < 400; i++) put(record(i))
      // Slices of nothing: each step indexes a few entries, then the changes below land in between.
      let stop = false
      const build = indexes.buildSearchIndex(() => stop, 0)
      let rounds = 0
      for (; rounds < 30 && !indexes.searchIndexReady; rounds++) {
        await new Promise((resolve) => setImmediate(resolve))
        const i = 1 + Math.floor(prng.float() * 450)
        if (live.has(`f-${i}`) && prng.float() < 0.3) del(`f-${i}`)
        else put(record(i))
      }
      stop = true
      await build
      expect(rounds, 'changes landed while the index was being built').toBeGreaterThan(3)
      const whole = new TextIndex(indexes.columns)
      const slotsOf = (found: Int32Array) => [...found]
      for (const needle of NEEDLES) expect(slotsOf(indexes.textIndex.candidates(needle)), `seed ${seed}, ${needle}`).toEqual(slotsOf(whole.candidates(needle)))
      // And it keeps up with changes once whole, like one built at once.
      put(record(7))
      del('f-8')
      const again = new TextIndex(indexes.columns)
      for (const needle of NEEDLES) expect(slotsOf(indexes.textIndex.candidates(needle))).toEqual(slotsOf(again.candidates(needle)))
    }
  })

  it('gives way while a change is on its way to disk, so an ack never waits behind it', async () => {
    const { indexes, put } = liveIndexes()
    for (let i = 0; i < 2000; i++) put(i === 0 ? folder(0, 'Home') : file(i, `alpha ${i}`, []))
    let writing = true
    let stop = false
    // Slices of nothing would finish 2,000 entries in a few turns; none may run while writing.
    const build = indexes.buildSearchIndex(() => stop, 0, () => writing)
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 1))
    expect(indexes.searchIndexReady).toBe(false)
    writing = false
    for (let turn = 0; turn < 2000 && !indexes.searchIndexReady; turn++) await new Promise((resolve) => setImmediate(resolve))
    stop = true
    await build
    expect(indexes.searchIndexReady).toBe(true)
  })
})

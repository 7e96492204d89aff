import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PermissionEngine } from '../../../main/core/permissions/engine.js'
import { assetAccess, collectionLevel, effectiveLevel, factsOf } from '../../../main/core/permissions/rule.js'
import { tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { RandomLibrary } from './randomLibrary.js'
import { expectSameAnswers } from './sameAnswers.js'

/**
 * The engine's memoised walk against the plain rule (main/core/permissions/rule.ts), for
 * every user on every file, folder and collection of random libraries that keep changing.
 * The library's own engine lives through the changes (so a stale memo would show); a fresh
 * engine starts each round with empty memos.
 */

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => t.close())

describe('the permission engine', () => {
  it('agrees with the permission rule on random libraries', async () => {
    const store = t.library.core.store
    const facts = factsOf(store)
    const seen = new Set<string>()
    for (const seed of [11, 12, 13, 14]) {
      const r = new RandomLibrary(store, seed)
      const p = await r.people(5)
      await r.populate(p, t.homeId, 50, 12)
      const kept = t.library.core.engine
      for (let round = 0; round < 10; round++) {
        const fresh = new PermissionEngine(store)
        const got: Record<string, unknown> = {}
        const want: Record<string, unknown> = {}
        for (const userId of [...p.everyone, 'no-such-user']) {
          for (const asset of [...r.assets(), { id: 'no-such-asset' }]) {
            const where = `seed ${seed}, round ${round}, user ${userId}, asset ${asset.id}`
            const access = assetAccess(facts, userId, asset.id)
            const level = effectiveLevel(facts, userId, asset.id)
            for (const [name, engine] of [['kept', kept], ['fresh', fresh]] as const) {
              got[`${where}, ${name} engine, access`] = engine.assetAccess(userId, asset.id)
              want[`${where}, ${name} engine, access`] = access
              got[`${where}, ${name} engine, level`] = engine.effectiveAssetLevel(userId, asset.id)
              want[`${where}, ${name} engine, level`] = level
            }
            seen.add(`${access.level}${access.viaCollection ? '+collection' : ''}`)
          }
          for (const id of [...store.tables.collections.keys(), 'no-such-collection']) {
            const where = `seed ${seed}, round ${round}, user ${userId}, collection ${id}`
            const level = collectionLevel(facts, userId, id)
            got[`${where}, kept engine`] = kept.collectionLevel(userId, id)
            want[`${where}, kept engine`] = level
            got[`${where}, fresh engine`] = fresh.collectionLevel(userId, id)
            want[`${where}, fresh engine`] = level
            seen.add(`collection ${level}`)
          }
        }
        expectSameAnswers(got, want)
        await r.change(p, t.homeId)
      }
    }
    // Every answer came up, so the comparison was not vacuous.
    expect([...seen].sort()).toEqual([
      'collection contribute', 'collection manage', 'collection none', 'collection view',
      'contribute', 'contribute+collection', 'manage', 'manage+collection', 'none', 'none+collection', 'view', 'view+collection',
    ])
  })
})

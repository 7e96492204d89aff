import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Level } from '../../../shared/domain.js'
import { COLLECTION_ROWS, COLLECTION_TABLE, type CollectionOperationName } from './collectionRows.js'
import { makeCollectionCase, type CollectionCase, type CollectionSource } from './collectionCase.js'
import { expectRow } from './rowCheck.js'
import { openWorld, type World } from './world.js'

const PLAN: { source: CollectionSource; level: Level | 'none'; title: string }[] = [
  ...(['none', 'view', 'contribute', 'manage'] as const).map((level) => ({ source: 'user' as const, level, title: `a direct grant: ${level}` })),
  ...(['none', 'view', 'contribute', 'manage'] as const).map((level) => ({ source: 'group' as const, level, title: `a grant to her group: ${level}` })),
  { source: 'owner', level: 'manage', title: 'having created the collection' },
]

function allowedBy(row: (typeof COLLECTION_TABLE)[number], level: Level | 'none'): boolean {
  const [, none, view, contribute, manage] = row
  return { none, view, contribute, manage }[level]
}

for (const { source, level, title } of PLAN) {
  describe(`media collection table, Uma's level from ${title}`, () => {
    let w: World
    const cases = new Map<CollectionOperationName, CollectionCase>()

    beforeAll(async () => {
      w = await openWorld()
      await Promise.all(COLLECTION_TABLE.map(async ([operation], n) => cases.set(operation, await makeCollectionCase(w, source, level, n))))
    })
    afterAll(() => w.t.close())

    for (const row of COLLECTION_TABLE) {
      const [operation] = row
      const check = COLLECTION_ROWS[operation]
      const allowed = allowedBy(row, level)
      // A collection she cannot see at all is reported missing, as are the files only it would show her.
      it(`${operation}: ${allowed ? 'allowed' : 'refused'}`, () => expectRow(w, check, cases.get(operation)!, allowed, level))
    }
  })
}

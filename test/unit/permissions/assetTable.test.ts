import { afterAll, beforeAll, describe, it } from 'vitest'
import { ASSET_ROWS, ASSET_TABLE, type AssetOperationName } from './assetRows.js'
import { makeAssetCase, type AssetCase, type LevelUnderTest, type Source } from './assetCase.js'
import { expectRow } from './rowCheck.js'
import { openWorld, type World } from './world.js'

/** Each source of a level, with the levels it can give. */
const PLAN: { source: Source; level: LevelUnderTest; title: string }[] = [
  ...(['none', 'view', 'contribute', 'manage'] as const).map((level) => ({ source: 'user' as const, level, title: `a direct grant: ${level}` })),
  ...(['none', 'view', 'contribute', 'manage'] as const).map((level) => ({ source: 'group' as const, level, title: `a grant to her group: ${level}` })),
  { source: 'owner', level: 'manage', title: 'ownership of the folder (the grant she created it through revoked)' },
  { source: 'collection', level: 'view', title: 'a collection she can view holding the folder' },
]

/** The permission table's answer; a level from a collection allows the view rows only (docs/permissions.md, rule 3). */
function allowedBy(row: (typeof ASSET_TABLE)[number], level: LevelUnderTest): boolean {
  const [, view, contribute, manage] = row
  return { none: false, view, contribute, manage }[level]
}

for (const { source, level, title } of PLAN) {
  describe(`file and folder table, Uma's level from ${title}`, () => {
    let w: World
    const cases = new Map<AssetOperationName, AssetCase>()

    beforeAll(async () => {
      w = await openWorld()
      // Every row gets its own folder and file; built at once so their commits share fsyncs.
      await Promise.all(
        ASSET_TABLE.map(async ([operation], n) => {
          if (ASSET_ROWS[operation].steps) cases.set(operation, await makeAssetCase(w, source, level, n))
        }),
      )
    })
    afterAll(() => w.t.close())

    for (const row of ASSET_TABLE) {
      const [operation] = row
      const check = ASSET_ROWS[operation]
      if (check.pending) {
        it.todo(`${operation}: ${check.pending}`)
        continue
      }
      const allowed = allowedBy(row, level)
      it(`${operation}: ${allowed ? 'allowed' : 'refused'}`, () => expectRow(w, check, cases.get(operation)!, allowed, level))
    }
  })
}

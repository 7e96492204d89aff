import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeCtx, Session } from '../../../main/core/context.js'
import { recordsOf, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'

let t: TempLibrary
beforeEach(async () => {
  t = await tempLibrary()
})
afterEach(async () => t.close())

function ctxFor(channel: Parameters<typeof makeCtx>[4]) {
  const core = t.library.core
  const admin = [...core.store.tables.users.values()].find((u) => u.role === 'admin')!
  return makeCtx(core, new Session(admin.id), admin, null, channel)
}

describe('a handler commit', () => {
  it('is named after its channel, in the journal and in the activity entry, unless it says otherwise', async () => {
    const seen: string[] = []
    const off = t.library.core.store.onCommit((change) => seen.push(change.op))
    const ctx = ctxFor('groups.create')
    const group = { id: 'g1', name: 'Crew', createdAt: 1 }
    await ctx.commit({ put: { groups: [group] }, activity: { ids: [group.id], summary: 'created group Crew' } })
    await ctx.commit({ op: 'groups.bookkeeping', activity: { action: 'groups.other', ids: [], summary: 'x' } })
    off()
    const actions = [...t.library.core.store.tables.activity.values()].map((e) => e.action)
    expect(seen).toEqual(['groups.create', 'groups.bookkeeping'])
    expect(actions).toContain('groups.create')
    expect(actions).toContain('groups.other')
  })

  it('is refused to a query channel, and changes nothing', async () => {
    const before = structuredClone(recordsOf(t.library))
    const ctx = ctxFor('groups.list')
    await expect(ctx.commit({ put: { groups: [{ id: 'g2', name: 'Sneaky', createdAt: 1 }] }, activity: null })).rejects.toThrow(/groups.list is a query/)
    expect(recordsOf(t.library)).toEqual(before)
  })
})

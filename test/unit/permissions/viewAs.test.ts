import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../../main/core/index.js'
import { channels, type ChannelName } from '../../../shared/contract/index.js'
import { expectRefused, recordsOf, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { folderChain, restrictedUser, textBase64, type Person } from './fixtures.js'

let t: TempLibrary
let uma: Person
let secretFile: { id: string }
let viewOnlyFile: { id: string }
let openFile: { id: string }

/** Uma sees /Shared (view) and /Open (contribute) and a collection; /Secret is not hers. */
beforeEach(async () => {
  t = await tempLibrary()
  uma = await restrictedUser(t, 'Uma')
  const [secret] = await folderChain(t, ['Secret'])
  const [shared] = await folderChain(t, ['Shared'])
  const [open] = await folderChain(t, ['Open'])
  secretFile = await t.admin.call('files.upload', { folderId: secret.id, name: 'secret.txt', base64: textBase64('s') })
  viewOnlyFile = await t.admin.call('files.upload', { folderId: shared.id, name: 'shared.txt', base64: textBase64('v') })
  openFile = await t.admin.call('files.upload', { folderId: open.id, name: 'open.txt', base64: textBase64('o') })
  await t.admin.call('sharing.set', { resourceId: shared.id, subjectId: uma.id, level: 'view' })
  await t.admin.call('sharing.set', { resourceId: open.id, subjectId: uma.id, level: 'contribute' })
  const collection = await t.admin.call('collections.create', { name: 'Launch' })
  await t.admin.call('sharing.set', { resourceId: collection.id, subjectId: uma.id, level: 'view' })
  await t.admin.call('collections.create', { name: 'Private' })
})
afterEach(async () => t.close())

/** What a caller is shown of the library, in a form two callers can be compared by. */
async function whatIsSeen(caller: Caller) {
  const roots = await caller.call('assets.roots')
  const lists = await Promise.all(roots.map((r) => caller.call('assets.list', { folderId: r.id })))
  return {
    roots,
    lists,
    search: await caller.call('search.assets', { query: '' }),
    collections: await caller.call('collections.list'),
    activity: await caller.call('activity.list'),
  }
}

describe('view as', () => {
  it('shows an admin exactly what the restricted user sees', async () => {
    await uma.as.call('tags.add', { ids: [openFile.id], tags: ['mine'] })
    const own = await whatIsSeen(uma.as)
    expect(own.roots.map((r) => r.name).sort()).toEqual(['Open', 'Shared'])
    const viewing = t.library.caller(t.library.session(t.admin.session.userId))
    await viewing.call('session.viewAs', { userId: uma.id })
    expect(await whatIsSeen(viewing)).toEqual(own)
    await expectRefused(viewing.call('assets.get', { id: secretFile.id }), 'NOT_FOUND')
    const heard: string[][] = []
    viewing.subscribe('library.changed', (e) => heard.push(e.assetIds))
    await t.admin.call('tags.add', { ids: [secretFile.id], tags: ['hidden'] })
    await t.admin.call('tags.add', { ids: [viewOnlyFile.id], tags: ['seen'] })
    // Of the change to the hidden file the viewing admin hears nothing, as Uma would.
    expect(heard).toEqual([[viewOnlyFile.id]])
    await viewing.call('session.endViewAs')
    expect((await viewing.call('assets.roots')).map((r) => r.name)).toEqual(['Home'])
  })

  it('makes every check as the viewed user', async () => {
    await t.admin.call('session.viewAs', { userId: uma.id })
    expect(await t.admin.call('session.current')).toMatchObject({ user: { id: uma.id }, viewAsBy: { name: 'Ada' }, isAdmin: false, isRestricted: true })
    const before = recordsOf(t.library)
    await expectRefused(t.admin.call('users.create', { name: 'Eve', email: 'eve@example.com', role: 'admin' }), 'FORBIDDEN')
    await expectRefused(t.admin.call('metadata.defineField', { name: 'Campaign', type: 'text' }), 'FORBIDDEN')
    await expectRefused(t.admin.call('groups.create', { name: 'Design' }), 'FORBIDDEN')
    await expectRefused(t.admin.call('tags.add', { ids: [viewOnlyFile.id], tags: ['x'] }), 'FORBIDDEN')
    await expectRefused(t.admin.call('assets.delete', { ids: [secretFile.id] }), 'NOT_FOUND')
    await expectRefused(t.admin.call('sharing.set', { resourceId: viewOnlyFile.id, subjectId: uma.id, level: 'manage' }), 'FORBIDDEN')
    expect(recordsOf(t.library)).toEqual(before)
  })

  it('records both names in the activity log', async () => {
    await t.admin.call('session.viewAs', { userId: uma.id })
    await t.admin.call('tags.add', { ids: [openFile.id], tags: ['checked'] })
    const entry = [...t.library.core.store.tables.activity.values()].find((a) => a.action === 'tags.add')!
    expect(entry).toMatchObject({ actorId: uma.id, viaAdminId: t.admin.session.userId })
    await t.admin.call('session.endViewAs')
    const { items } = await t.admin.call('activity.list', { resourceId: openFile.id })
    expect(items[0]).toMatchObject({ action: 'tags.add', actorName: 'Uma', viaAdminName: 'Ada' })
    // Her own actions carry no admin.
    await uma.as.call('tags.add', { ids: [openFile.id], tags: ['again'] })
    expect((await t.admin.call('activity.list', { resourceId: openFile.id })).items[0]).not.toHaveProperty('viaAdminName')
  })

  it('is for admins only, of restricted users only, and ends when the viewed user stops being restricted', async () => {
    const full = await t.admin.call('users.create', { name: 'Fay', email: 'fay@example.com', role: 'fullAccess' })
    await expectRefused(t.library.as(full.id).call('session.viewAs', { userId: uma.id }), 'FORBIDDEN')
    await expectRefused(uma.as.call('session.viewAs', { userId: uma.id }), 'FORBIDDEN')
    await expectRefused(t.admin.call('session.viewAs', { userId: full.id }), 'INVALID_INPUT')
    const viewing = t.library.caller(t.library.session(t.admin.session.userId))
    await viewing.call('session.viewAs', { userId: uma.id })
    await t.admin.call('users.update', { userId: uma.id, role: 'fullAccess' })
    await expectRefused(viewing.call('assets.roots'), 'UNAUTHENTICATED')
    expect((await viewing.call('session.current')).user.name).toBe('Ada')
  })
})

type Def = { type: string; shape?: Record<string, unknown>; catchall?: unknown; options?: unknown[]; [k: string]: unknown }
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def

/** Every field name an input schema accepts, and whether all its objects refuse unknown fields. */
function fieldsOf(schema: unknown, out = { names: new Set<string>(), strict: true }) {
  const def = defOf(schema)
  if (def.type === 'object') {
    if (!def.catchall || defOf(def.catchall).type !== 'never') out.strict = false
    for (const [name, inner] of Object.entries(def.shape!)) {
      out.names.add(name)
      fieldsOf(inner, out)
    }
  }
  for (const key of ['innerType', 'in', 'out', 'element', 'valueType']) if (def[key]) fieldsOf(def[key], out)
  for (const option of def.options ?? []) fieldsOf(option, out)
  return out
}

describe('the actor comes from the session, never from a request', () => {
  it('no channel input has a field naming who acts, and every input refuses unknown fields', () => {
    const offenders: string[] = []
    for (const name of Object.keys(channels) as ChannelName[]) {
      const { names, strict } = fieldsOf(channels[name].input)
      if (!strict) offenders.push(`${name} accepts unknown fields`)
      for (const field of names) {
        if (/actor|viaAdmin|asUser|onBehalf|session|caller/i.test(field)) offenders.push(`${name}.${field}`)
        // Naming a user is for the session, user and group channels only (whom to switch to, edit or add).
        if (/^user(Id|Ids)$/.test(field) && !/^(session|users|groups)\./.test(name)) offenders.push(`${name}.${field}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('a request that tries to name another actor is refused and changes nothing', async () => {
    const before = recordsOf(t.library)
    const adminId = t.admin.session.userId!
    const call = uma.as.call.bind(uma.as) as (channel: string, input: unknown) => Promise<unknown>
    await expectRefused(call('assets.delete', { ids: [secretFile.id], actorId: adminId }), 'INVALID_INPUT')
    await expectRefused(call('assets.get', { id: secretFile.id, userId: adminId }), 'INVALID_INPUT')
    await expectRefused(call('users.create', { name: 'Eve', email: 'eve@example.com', role: 'admin', actor: adminId }), 'INVALID_INPUT')
    expect(recordsOf(t.library)).toEqual(before)
    await expectRefused(uma.as.call('assets.get', { id: secretFile.id }), 'NOT_FOUND')
  })
})

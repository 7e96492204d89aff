import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectRefused, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { folderChain, restrictedUser, type Person } from './fixtures.js'

let t: TempLibrary
let uma: Person
let otto: Person
/** /Secret/Mid is hidden from Uma; /Secret/Mid/Shared is hers to manage; Inner sits in it. */
let secret: { id: string }
let mid: { id: string }
let shared: { id: string }
let inner: { id: string }

beforeEach(async () => {
  t = await tempLibrary()
  uma = await restrictedUser(t, 'Uma')
  otto = await restrictedUser(t, 'Otto')
  ;[secret] = await folderChain(t, ['Secret'])
  await t.admin.call('sharing.set', { resourceId: secret.id, subjectId: otto.id, level: 'contribute' })
  // Otto creates Mid, so he manages it (and all below) as its creator.
  mid = await otto.as.call('folders.create', { parentId: secret.id, name: 'Mid' })
  ;[shared, inner] = await folderChain(t, ['Shared', 'Inner'], mid.id)
  await t.admin.call('sharing.set', { resourceId: shared.id, subjectId: uma.id, level: 'manage' })
})
afterEach(async () => t.close())

/** Everything that would name or identify a folder Uma cannot view. */
const hiddenMarks = () => [secret.id, mid.id, t.homeId, 'Secret', 'Mid']
const expectNoHidden = (value: unknown) => {
  const text = JSON.stringify(value)
  for (const mark of hiddenMarks()) expect(text, `leaks ${mark}`).not.toContain(mark)
}

describe('sharing seen by a restricted manager', () => {
  it('lists grants inherited from hidden folders once per subject, without their source', async () => {
    const group = await t.admin.call('groups.create', { name: 'Design' })
    await t.admin.call('sharing.set', { resourceId: secret.id, subjectId: group.id, level: 'view' })
    await t.admin.call('sharing.set', { resourceId: mid.id, subjectId: group.id, level: 'contribute' })
    const listed = await uma.as.call('sharing.list', { resourceId: inner.id })
    expectNoHidden(listed)
    expect(listed.inherited.map((g) => [g.subjectName, g.level, g.sourceId, g.sourcePath]).sort()).toEqual([
      ['Design', 'contribute', null, null],
      ['Otto', 'contribute', null, null],
      ['Uma', 'manage', shared.id, '…/Shared'],
    ])
    // sharing.set answers with the same view.
    const set = await uma.as.call('sharing.set', { resourceId: inner.id, subjectId: group.id, level: 'manage' })
    expectNoHidden(set)
    // An admin is told every source in full.
    const full = await t.admin.call('sharing.list', { resourceId: inner.id })
    expect(full.inherited.filter((g) => g.subjectId === group.id).map((g) => g.sourcePath).sort()).toEqual(['/Secret', '/Secret/Mid'])
  })

  it('refuses to lower an inherited level without naming the hidden folder it comes from', async () => {
    const granted = await expectRefused(uma.as.call('sharing.set', { resourceId: inner.id, subjectId: otto.id, level: 'view' }), 'CANNOT_LOWER')
    expectNoHidden(granted)
    expect(granted.message).toContain('a folder above')
    expect(granted.details).toMatchObject({ inherited: 'manage', sourceId: null, sourcePath: null, subjectId: otto.id })
    // An admin is told the source in full.
    const admin = await expectRefused(t.admin.call('sharing.set', { resourceId: inner.id, subjectId: otto.id, level: 'view' }), 'CANNOT_LOWER')
    expect(admin.details).toMatchObject({ sourcePath: '/Secret/Mid' })
  })

  it('names a source she can view by her path to it', async () => {
    const ida = await restrictedUser(t, 'Ida')
    await uma.as.call('sharing.set', { resourceId: shared.id, subjectId: ida.id, level: 'contribute' })
    const error = await expectRefused(uma.as.call('sharing.set', { resourceId: inner.id, subjectId: ida.id, level: 'view' }), 'CANNOT_LOWER')
    expectNoHidden(error)
    expect(error.details).toMatchObject({ inherited: 'contribute', sourceId: shared.id, sourcePath: '…/Shared' })
    expect(error.message).toContain('…/Shared')
  })
})

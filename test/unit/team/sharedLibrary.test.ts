import fs from 'node:fs'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../main/core/index.js'
import { openPgRecordLog } from '../../../main/core/store/pgRecordLog.js'
import { Store } from '../../../main/core/store/store.js'
import type { Events } from '../../../shared/contract/index.js'
import { postgresMissing, startPostgres, type PostgresServer } from '../../support/postgres.js'
import { ADMIN, pngBase64 } from '../../support/tempLibrary.js'
import { eventually, expectConsistent, memoryOf, openServer, tempDir } from './teamSupport.js'

const missing = postgresMissing()

/**
 * Two servers of one team library in one process, each with its own connections: what one
 * commits the other follows, conflicting changes never both land, and restricted sessions
 * hear only of what they may see.
 */
describe.skipIf(missing)(`a team library served by two processes${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let server: PostgresServer
  let url: string
  let dir: string
  let a: Library
  let b: Library
  beforeAll(async () => {
    server = await startPostgres()
  }, 120_000)
  afterAll(() => server?.stop())
  beforeEach(async () => {
    url = await server.createDatabase()
    dir = tempDir()
    a = await openServer(url, dir)
    b = await openServer(url, dir)
  })
  afterEach(async () => {
    await a?.close()
    await b?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const home = (l: Library) => l.core.store.indexes.rootId!

  it('creates the library once, and a change on one is listed by the other', async () => {
    expect(b.core.store.tables.users.size).toBe(1)
    expect(home(b)).toBe(home(a))
    const folder = await a.as(ADMIN.email).call('folders.create', { parentId: home(a), name: 'Briefs' })
    const file = await a.as(ADMIN.email).call('files.upload', { folderId: folder.id, name: 'logo.png', base64: pngBase64() })
    const listed = await eventually(async () => {
      const items = await b.as(ADMIN.email).call('assets.list', { folderId: folder.id }).catch(() => [])
      return items.length === 1 && items
    }, 'the upload to be listed on the other server')
    expect(listed[0].id).toBe(file.id)
    // The other server reads its bytes from the shared blob folder.
    expect((await b.as(ADMIN.email).call('files.read', { fileId: file.id })).base64).toBe(pngBase64())
    expect(memoryOf(b)).toEqual(memoryOf(a))
    expect(memoryOf(a)).toEqual(await expectConsistent(url))
  })

  it('lets two creates of one name never both succeed, and retries the loser on the new state', async () => {
    for (let round = 0; round < 10; round++) {
      const name = `Shared ${round}`
      const results = await Promise.allSettled([
        a.as(ADMIN.email).call('folders.create', { parentId: home(a), name }),
        b.as(ADMIN.email).call('folders.create', { parentId: home(b), name }),
      ])
      const won = results.filter((r) => r.status === 'fulfilled')
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      expect(won).toHaveLength(1)
      // The loser ran again on the caught-up state and found the name taken: a clear conflict, not a stale one.
      expect(lost[0].reason).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already holds') })
    }
    await eventually(() => b.core.store.seq === a.core.store.seq, 'both servers at one seq')
    const names = [...a.core.store.tables.assets.values()].filter((x) => x.parentId === home(a)).map((x) => x.name)
    expect(names.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Shared ${i}`).sort())
    expect(memoryOf(b)).toEqual(memoryOf(a))
    expect(memoryOf(a)).toEqual(await expectConsistent(url))
  })

  it('loses no update when both tag one file at once', async () => {
    const file = await a.as(ADMIN.email).call('files.upload', { folderId: home(a), name: 'shared.png', base64: pngBase64() })
    await eventually(() => b.core.store.tables.assets.has(file.id), 'the file on the other server')
    const tag = (l: Library, who: string, i: number) => l.as(ADMIN.email).call('tags.add', { ids: [file.id], tags: [`${who}${i}`] })
    await Promise.all(Array.from({ length: 15 }, (_, i) => [tag(a, 'a', i), tag(b, 'b', i)]).flat())
    await eventually(() => b.core.store.seq === a.core.store.seq, 'both servers at one seq')
    const tags = (a.core.store.tables.assets.get(file.id) as { tags: string[] }).tags
    expect([...tags].sort()).toEqual(Array.from({ length: 15 }, (_, i) => [`a${i}`, `b${i}`]).flat().sort())
    expect(memoryOf(b)).toEqual(memoryOf(a))
    expect(memoryOf(a)).toEqual(await expectConsistent(url))
  })

  it('never lets a move into a folder and the deletion of that folder leave the file in no folder', async () => {
    for (let round = 0; round < 6; round++) {
      const target = await a.as(ADMIN.email).call('folders.create', { parentId: home(a), name: `Target ${round}` })
      const file = await a.as(ADMIN.email).call('files.upload', { folderId: home(a), name: `moved-${round}.png`, base64: pngBase64() })
      await eventually(() => b.core.store.tables.assets.has(file.id), 'the file on the other server')
      await Promise.allSettled([
        a.as(ADMIN.email).call('assets.move', { ids: [file.id], targetFolderId: target.id }),
        b.as(ADMIN.email).call('assets.delete', { ids: [target.id] }),
      ])
      await eventually(() => b.core.store.seq === a.core.store.seq, 'both servers at one seq')
      expect(b.core.store.tables.assets.has(target.id)).toBe(false)
      // Either the move lost (the file stays in Home) or it won and went with the folder.
      const after = a.core.store.tables.assets.get(file.id)
      if (after) expect(after.parentId).toBe(home(a))
    }
    const assets = a.core.store.tables.assets
    for (const asset of assets.values()) if (asset.parentId !== null) expect(assets.has(asset.parentId), asset.name).toBe(true)
    expect(memoryOf(b)).toEqual(memoryOf(a))
    expect(memoryOf(a)).toEqual(await expectConsistent(url))
  })

  it('tells a restricted session on the other server nothing of what she cannot view', async () => {
    const admin = a.as(ADMIN.email)
    const uma = await admin.call('users.create', { name: 'Uma', email: 'uma@example.com', role: 'restricted' })
    const secret = await admin.call('folders.create', { parentId: home(a), name: 'Secret' })
    const open = await admin.call('folders.create', { parentId: home(a), name: 'Open' })
    await admin.call('sharing.set', { resourceId: open.id, subjectId: uma.id, level: 'view' })
    await eventually(() => b.core.store.tables.grants.size === 1, 'the share on the other server')
    const heard: Events['library.changed'][] = []
    b.as(uma.id).subscribe('library.changed', (event) => heard.push(event))
    const hidden = await admin.call('files.upload', { folderId: secret.id, name: 'plans.png', base64: pngBase64() })
    await admin.call('tags.add', { ids: [hidden.id], tags: ['merger'] })
    const seen = await admin.call('files.upload', { folderId: open.id, name: 'poster.png', base64: pngBase64() })
    // Changes reach her in order: once she hears of the poster, the two before it have been judged.
    await eventually(() => heard.some((e) => e.assetIds.includes(seen.id)), 'the visible upload to reach her')
    const text = JSON.stringify(heard)
    expect(text).not.toContain(hidden.id)
    expect(text).not.toContain(secret.id)
    expect(text).not.toContain('tags.add')
    expect(heard.map((e) => e.seq)).toEqual(heard.map((_, i) => i + 1))
  })

  it('catches up after its listening connection was cut, and a reopened server loads what it missed', async () => {
    const admin = a.as(ADMIN.email)
    const killer = new pg.Client({ connectionString: url })
    await killer.connect()
    try {
      // Cuts the other server's listening connections (it reconnects on its own), then commits meanwhile.
      await killer.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`)
      const made: { id: string }[] = []
      for (let i = 0; i < 5; i++) made.push(await admin.call('folders.create', { parentId: home(a), name: `While down ${i}` }))
      await eventually(() => made.every((f) => b.core.store.tables.assets.has(f.id)), 'the other server to catch up')
    } finally {
      await killer.end()
    }
    await b.close()
    for (let i = 0; i < 3; i++) await admin.call('folders.create', { parentId: home(a), name: `While closed ${i}` })
    b = await openServer(url, dir)
    expect(b.core.store.seq).toBe(a.core.store.seq)
    expect(memoryOf(b)).toEqual(memoryOf(a))
  })

  it('refuses a change prepared on a seq another process has taken, and takes it back out of memory', async () => {
    const storeA = a.core.store
    const other = await Store.openLog(await openPgRecordLog({ url }))
    try {
      const seq = other.seq
      const before = memoryOf(a)
      // Two stores at one seq: each makes a change there; the second to reach the database is refused.
      const first = other.commit({ actor: null, op: 'test.first', put: { fields: [{ id: 'f1', name: 'One', type: 'text', createdAt: 1 } as never] } })
      await first
      const second = storeA.commit({ actor: null, op: 'test.second', put: { fields: [{ id: 'f2', name: 'Two', type: 'text', createdAt: 2 } as never] } })
      expect(storeA.tables.fields.has('f2')).toBe(true)
      await expect(second).rejects.toMatchObject({ code: 'CONFLICT' })
      await eventually(() => storeA.seq === seq + 1 && storeA.tables.fields.has('f1'), 'the other change to be followed')
      expect(storeA.tables.fields.has('f2')).toBe(false)
      expect(memoryOf(a)).toEqual({ ...before, fields: [{ id: 'f1', name: 'One', type: 'text', createdAt: 1 }] })
    } finally {
      await other.close()
    }
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/index.js'
import { exportToServer } from '../../../main/server/exportToServer.js'
import { postgresMissing, startPostgres, type PostgresServer } from '../../support/postgres.js'
import { ADMIN, pngBase64 } from '../../support/tempLibrary.js'
import { expectConsistent, memoryOf, openServer, tempDir } from './teamSupport.js'

const missing = postgresMissing()

/** Every file under `root`, by path relative to it, with its bytes. */
function filesUnder(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  if (!fs.existsSync(root)) return out
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name)
      out.set(path.relative(root, full), fs.readFileSync(full))
    }
  }
  return out
}

describe.skipIf(missing)(`export of a local library to a team library${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let server: PostgresServer
  let source: string
  const folders: string[] = []
  beforeAll(async () => {
    server = await startPostgres()
    // A library with users, a group, shares, collections, tags, versions and more records than one batch.
    source = tempDir('trove-export-src-')
    const library = await openLibrary(source, { admin: ADMIN })
    const admin = library.as(ADMIN.email)
    const [home] = await admin.call('assets.roots')
    const uma = await admin.call('users.create', { name: 'Uma', email: 'uma@example.com', role: 'restricted' })
    const group = await admin.call('groups.create', { name: 'Designers' })
    await admin.call('groups.addMembers', { groupId: group.id, userIds: [uma.id] })
    const briefs = await admin.call('folders.create', { parentId: home.id, name: 'Briefs' })
    await admin.call('sharing.set', { resourceId: briefs.id, subjectId: group.id, level: 'contribute' })
    for (let i = 0; i < 60; i++) await admin.call('folders.create', { parentId: briefs.id, name: `Brief ${i}` })
    const files = []
    for (let i = 0; i < 6; i++) files.push(await admin.call('files.upload', { folderId: briefs.id, name: `image-${i}.png`, base64: pngBase64(2 + i, 3) }))
    await admin.call('files.uploadVersion', { fileId: files[0].id, base64: pngBase64(9, 9) })
    await admin.call('tags.add', { ids: files.map((f) => f.id), tags: ['launch'] })
    const picks = await admin.call('collections.create', { name: 'Picks' })
    await admin.call('collections.addAssets', { collectionIds: [picks.id], assetIds: files.slice(0, 3).map((f) => f.id) })
    await library.close()
  }, 240_000)
  afterAll(async () => {
    await server?.stop()
    for (const dir of [source, ...folders]) if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  const target = () => {
    const dir = tempDir('trove-export-blobs-')
    folders.push(dir)
    return dir
  }

  it('gives identical records and blobs, and refuses to export into a library that is not empty', async () => {
    const url = await server.createDatabase()
    const blobs = target()
    const result = await exportToServer({ from: source, database: url, blobs })
    expect(result.resumed).toBe(false)
    expect(filesUnder(path.join(blobs, 'sha256'))).toEqual(filesUnder(path.join(source, 'blobs', 'sha256')))
    expect(result.blobs).toBe(7)
    const local = await openLibrary(source)
    const team = await openServer(url, target())
    try {
      expect(team.core.store.seq).toBe(local.core.store.seq)
      expect(memoryOf(team)).toEqual(memoryOf(local))
      expect(await team.as(ADMIN.email).call('assets.roots')).toEqual(await local.as(ADMIN.email).call('assets.roots'))
    } finally {
      await team.close()
      await local.close()
    }
    const before = JSON.stringify(await expectConsistent(url).catch(() => null))
    await expect(exportToServer({ from: source, database: url, blobs })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(JSON.stringify(await expectConsistent(url).catch(() => null))).toBe(before)
  }, 120_000)

  it('goes on from where an interrupted run stopped, and the library cannot be opened until it is done', async () => {
    const url = await server.createDatabase()
    const blobs = target()
    const stop = new Error('interrupted')
    await expect(
      exportToServer({
        from: source, database: url, blobs, batch: 2,
        log: (line) => {
          if (/records copied/.test(line)) throw stop
        },
      }),
    ).rejects.toBe(stop)
    await expect(openServer(url, target())).rejects.toMatchObject({ code: 'LIBRARY_CORRUPT' })
    const lines: string[] = []
    const result = await exportToServer({ from: source, database: url, blobs, batch: 2, log: (line) => lines.push(line) })
    expect(result.resumed).toBe(true)
    expect(lines.some((l) => /resuming after 100 records/.test(l))).toBe(true)
    const local = await openLibrary(source)
    const team = await openServer(url, target())
    try {
      expect(memoryOf(team)).toEqual(memoryOf(local))
    } finally {
      await team.close()
      await local.close()
    }
  }, 120_000)
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../../main/server/index.js'
import type { ServeConfig } from '../../../main/server/serveOptions.js'
import { startTeamServer } from '../../../main/server/teamServer.js'
import { postgresMissing, startPostgres, type PostgresServer } from '../../support/postgres.js'
import { pngBase64 } from '../../support/tempLibrary.js'
import { eventually } from '../team/teamSupport.js'
import { request, type Reply } from '../server/harness.js'

const missing = postgresMissing()
const ADMIN = { email: 'boss@example.com', password: 'correct horse battery' }

function send(port: number, method: string, p: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return request(port, { method, path: p, headers: { host: `127.0.0.1:${port}`, ...headers }, body })
}

/** A browser on one server: page load, sign-in, then calls through /api. */
async function browser(server: RunningServer) {
  const page = await send(server.port, 'GET', '/')
  const cookie = String(page.headers['set-cookie']?.[0]).split(';')[0]
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const reply = await send(server.port, 'POST', `/api/${channel}`, { cookie, 'content-type': 'application/json' }, input === undefined ? undefined : JSON.stringify(input))
    const body = reply.json()
    if (!body.ok) throw Object.assign(new Error(body.error!.message), body.error)
    return body.value as T
  }
  await call('session.signIn', ADMIN)
  return { cookie, call, get: (p: string) => send(server.port, 'GET', p, { cookie }) }
}

describe.skipIf(missing)(`npm run serve on PostgreSQL${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let pg: PostgresServer
  let root: string
  let rendererDir: string
  const running: RunningServer[] = []
  beforeAll(async () => {
    pg = await startPostgres()
    rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-renderer-'))
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Trove</title>')
  }, 120_000)
  afterAll(async () => {
    await pg?.stop()
    fs.rmSync(rendererDir, { recursive: true, force: true })
  })
  afterEach(async () => {
    for (const s of running.splice(0)) await s.close()
    if (root) fs.rmSync(root, { recursive: true, force: true })
  })

  function config(databaseUrl: string, machine: string, admin?: ServeConfig['admin']): ServeConfig {
    return {
      databaseUrl,
      blobs: { kind: 'folder', folder: path.join(root, 'shared-blobs') },
      port: 0,
      host: '127.0.0.1',
      idleMs: 30 * 60_000,
      cacheDir: path.join(root, machine),
      rebuild: false,
      admin,
    }
  }

  it('refuses to start on an empty database without a first administrator, and creates none', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-serve-'))
    const url = await pg.createDatabase()
    await expect(startTeamServer(config(url, 'a'), { rendererDir })).rejects.toThrow(/TROVE_ADMIN_EMAIL and TROVE_ADMIN_PASSWORD/)
    const server = await startTeamServer(config(url, 'a', ADMIN), { rendererDir })
    running.push(server)
    expect(server.library.core.store.tables.users.size).toBe(1)
  }, 120_000)

  it("two servers on one database and one blob folder see each other's changes and serve each other's files", async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-serve-'))
    const url = await pg.createDatabase()
    const a = await startTeamServer(config(url, 'machine-a', ADMIN), { rendererDir })
    running.push(a)
    // The second server starts without the admin variables: the library is no longer empty.
    const b = await startTeamServer(config(url, 'machine-b'), { rendererDir })
    running.push(b)
    const onA = await browser(a)
    const onB = await browser(b)
    const [home] = await onA.call<{ id: string }[]>('assets.roots')
    const folder = await onA.call<{ id: string }>('folders.create', { parentId: home.id, name: 'Briefs' })
    const file = await onA.call<{ id: string }>('files.upload', { folderId: folder.id, name: 'logo.png', base64: pngBase64() })
    const listed = await eventually(async () => {
      const items = await onB.call<{ id: string; name: string }[]>('assets.list', { folderId: folder.id }).catch(() => [])
      return items.length === 1 && items
    }, 'the upload listed on the other server')
    expect(listed.map((i) => i.name)).toEqual(['logo.png'])
    const bytes = await onB.get(`/file/${file.id}`)
    expect(bytes.status).toBe(200)
    expect(bytes.body.equals(Buffer.from(pngBase64(), 'base64'))).toBe(true)
    // And back: a rename on B reaches A.
    await onB.call('assets.rename', { id: folder.id, name: 'Briefs 2027' })
    await eventually(async () => {
      const items = await onA.call<{ id: string; name: string }[]>('assets.list', { folderId: home.id })
      return items.some((i) => i.name === 'Briefs 2027')
    }, 'the rename seen on the first server')
  }, 180_000)
})

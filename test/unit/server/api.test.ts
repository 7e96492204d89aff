import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordsOf } from '../../support/tempLibrary.js'
import { request, serve, type Served } from './harness.js'

describe('POST /api/<channel>', () => {
  let s: Served
  let cookie: string
  beforeEach(async () => {
    s = await serve()
    cookie = await s.connect()
  })
  afterEach(() => s.close())

  it('answers session.current with the first admin, who has no password', async () => {
    const reply = await s.call(cookie, 'session.current')
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toMatch(/^application\/json/)
    const body = reply.json<{ ok: true; value: { user: { email: string }; isAdmin: boolean } }>()
    expect(body.ok).toBe(true)
    expect(body.value.user.email).toBe('ada@example.com')
    expect(body.value.isAdmin).toBe(true)
  })

  it('creates a folder and lists it, through the same dispatcher as the core', async () => {
    const created = (await s.call(cookie, 'folders.create', { parentId: s.homeId, name: 'Marketing' })).json<{ ok: true; value: { id: string; name: string } }>()
    expect(created.ok).toBe(true)
    const listed = (await s.call(cookie, 'assets.list', { folderId: s.homeId })).json<{ ok: true; value: Array<{ id: string; name: string; level: string }> }>()
    expect(listed.value.map((a) => [a.id, a.name, a.level])).toEqual([[created.value.id, 'Marketing', 'manage']])
    // The change is in the library itself, not only in the answer.
    expect((await s.admin.call('assets.list', { folderId: s.homeId })).map((a) => a.name)).toEqual(['Marketing'])
  })

  it('returns INVALID_INPUT as an error envelope with its code and details', async () => {
    const reply = await s.call(cookie, 'folders.create', { parentId: s.homeId, name: '' })
    expect(reply.status).toBe(400)
    const body = reply.json()
    expect(body.ok).toBe(false)
    expect(body.error!.code).toBe('INVALID_INPUT')
    expect(body.error!.message).toMatch(/name/)
    expect(body.error!.details).toMatchObject({ channel: 'folders.create', issues: [{ path: 'name' }] })
  })

  it('maps each refusal to its HTTP status and keeps the envelope', async () => {
    const missing = await s.call(cookie, 'assets.get', { id: 'no-such-asset' })
    expect([missing.status, missing.json().error!.code]).toEqual([404, 'NOT_FOUND'])
    await s.call(cookie, 'folders.create', { parentId: s.homeId, name: 'Dup' })
    const dup = await s.call(cookie, 'folders.create', { parentId: s.homeId, name: 'dup' })
    expect([dup.status, dup.json().error!.code]).toEqual([409, 'CONFLICT'])
  })

  it('refuses a channel the contract does not define', async () => {
    const reply = await s.call(cookie, 'library.format', {})
    expect(reply.json().error).toMatchObject({ code: 'INVALID_INPUT', details: { channel: 'library.format' } })
  })

  it('refuses a body that is not JSON, and a request that does not say it is JSON', async () => {
    const garbled = await request(s.port, { method: 'POST', path: '/api/assets.roots', headers: { cookie, 'content-type': 'application/json' }, body: '{nope' })
    expect([garbled.status, garbled.json().error!.code]).toEqual([400, 'INVALID_INPUT'])
    expect(garbled.json().error!.message).toMatch(/not valid JSON/)
    // A cross-site form can only send text/plain or form data: refused before any work.
    const plain = await s.call(cookie, 'folders.create', { parentId: s.homeId, name: 'Sneaky' }, { 'content-type': 'text/plain' })
    expect([plain.status, plain.json().error!.code]).toEqual([400, 'INVALID_INPUT'])
    expect(plain.json().error!.message).toMatch(/application\/json/)
    expect(await s.admin.call('assets.list', { folderId: s.homeId })).toEqual([])
  })

  it('refuses sourcePath and destPath: a browser never makes main touch a path', async () => {
    const before = recordsOf(s.library)
    const upload = await s.call(cookie, 'files.upload', { folderId: s.homeId, name: 'passwd', sourcePath: '/etc/passwd' })
    expect([upload.status, upload.json().error!.code]).toEqual([403, 'FORBIDDEN'])
    const zip = await s.call(cookie, 'downloads.zip', { assetIds: [s.homeId], destPath: '/tmp/trove-should-not-exist.zip' })
    expect(zip.json().error!.code).toBe('FORBIDDEN')
    expect(recordsOf(s.library)).toEqual(before)
  })
})

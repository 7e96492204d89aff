import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { request, serve, type Served } from './harness.js'

describe('browser mode security', () => {
  let s: Served
  beforeEach(async () => {
    s = await serve()
  })
  afterEach(() => s.close())

  it('exchanges the printed token for an HttpOnly, SameSite=Strict cookie and redirects to /', async () => {
    const url = new URL(s.server.url)
    expect(url.hostname).toBe('127.0.0.1')
    expect(url.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    const reply = await request(s.port, { path: url.pathname + url.search })
    expect(reply.status).toBe(303)
    expect(reply.headers.location).toBe('/')
    const cookie = reply.headers['set-cookie']![0]
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\//)
    const session = await s.call(cookie.split(';')[0], 'session.current')
    expect(session.status).toBe(200)
  })

  it('gives no cookie for a wrong token', async () => {
    const reply = await request(s.port, { path: '/?token=guessed' })
    expect(reply.status).toBe(403)
    expect(reply.headers['set-cookie']).toBeUndefined()
  })

  it('refuses /api, /file and events without the cookie, or with a cookie it never gave', async () => {
    const home = await s.call(null, 'assets.list', { folderId: s.homeId })
    expect(home.status).toBe(401)
    expect(home.json().error).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'noBrowserSession' } })
    const forged = await s.call(`trove_session_${s.port}=made-up`, 'session.current')
    expect(forged.json().error!.code).toBe('UNAUTHENTICATED')
    expect((await s.get(null, '/file/anything')).status).toBe(401)
    expect((await s.get(null, '/thumb/anything')).status).toBe(401)
    expect((await s.get(null, '/api/events')).status).toBe(401)
    expect((await s.get(null, '/download/zip?assetIds=x')).status).toBe(401)
  })

  it('refuses a foreign Host (DNS rebinding), even with a valid cookie', async () => {
    const cookie = await s.connect()
    const rebound = await s.call(cookie, 'session.current', undefined, { host: `evil.example:${s.port}` })
    expect(rebound.status).toBe(403)
    expect(rebound.json().error!.code).toBe('FORBIDDEN')
    const otherPort = await s.call(cookie, 'session.current', undefined, { host: `127.0.0.1:${s.port + 1}` })
    expect(otherPort.status).toBe(403)
    // The page itself is refused too, so a rebound page never loads.
    expect((await request(s.port, { path: '/', headers: { host: `evil.example:${s.port}` } })).status).toBe(403)
    // Both loopback names of this very port are fine.
    expect((await s.call(cookie, 'session.current', undefined, { host: `localhost:${s.port}` })).status).toBe(200)
  })

  it('refuses a foreign Origin and accepts its own', async () => {
    const cookie = await s.connect()
    const foreign = await s.call(cookie, 'folders.create', { parentId: s.homeId, name: 'X' }, { origin: 'https://evil.example' })
    expect([foreign.status, foreign.json().error!.code]).toEqual([403, 'FORBIDDEN'])
    expect((await s.call(cookie, 'session.current', undefined, { origin: 'null' })).status).toBe(403)
    expect(await s.admin.call('assets.list', { folderId: s.homeId })).toEqual([])
    const own = await s.call(cookie, 'session.current', undefined, { origin: `http://127.0.0.1:${s.port}` })
    expect(own.status).toBe(200)
  })

  it('gives each browser session its own acting user', async () => {
    const rita = await s.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    const first = await s.connect()
    const second = await s.connect()
    expect(first).not.toBe(second)
    await s.call(second, 'session.switchUser', { userId: rita.id })
    const who = async (c: string) => (await s.call(c, 'session.current')).json<{ value: { user: { name: string } } }>().value.user.name
    expect(await who(first)).toBe('Ada')
    expect(await who(second)).toBe('Rita')
  })
})

describe('a library whose first admin has a password', () => {
  it('starts a browser session signed out', async () => {
    const s = await serve({ admin: { name: 'Ada', email: 'ada@example.com', password: 'correct horse' } })
    try {
      const cookie = await s.connect()
      const current = (await s.call(cookie, 'session.current')).json()
      expect(current.error!.code).toBe('UNAUTHENTICATED')
      expect(current.error!.details?.reason).toBeUndefined()
      const signIn = await s.call(cookie, 'session.signIn', { email: 'ada@example.com', password: 'correct horse' })
      expect(signIn.status).toBe(200)
      expect((await s.call(cookie, 'session.current')).status).toBe(200)
    } finally {
      await s.close()
    }
  })
})

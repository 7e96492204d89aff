import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../../main/server/index.js'
import { ATTEMPTS_PER_WINDOW } from '../../../main/server/addressLimiter.js'
import { ADMIN, tempLibrary, type TempLibrary } from '../../support/tempLibrary.js'
import { selfSignedCert } from '../../support/selfSigned.js'
import { request, type Reply } from '../server/harness.js'

const PASSWORD = 'correct horse battery'
const IDLE_MS = 30 * 60_000
const tls = selfSignedCert()
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-renderer-'))
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Trove</title>')
afterAll(() => {
  fs.rmSync(tls.dir, { recursive: true, force: true })
  fs.rmSync(rendererDir, { recursive: true, force: true })
})

interface Team {
  lib: TempLibrary
  server: RunningServer
  now: { ms: number }
  send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply>
  call(cookie: string, channel: string, input?: unknown): Promise<Reply>
  /** Loads the page as a browser does: the signed-out session cookie it is given, as `name=value`. */
  page(): Promise<string>
  signIn(cookie: string, password?: string, email?: string): Promise<Reply>
}

let opened: Team[] = []
afterEach(async () => {
  for (const t of opened) {
    await t.server.close()
    await t.lib.close()
  }
  opened = []
})

/** A team-mode server over a file library whose first admin (Ada) has a password. */
async function team(options: { tls?: boolean; publicUrl?: string } = {}): Promise<Team> {
  const lib = await tempLibrary({ admin: { ...ADMIN, password: PASSWORD }, passwordsRequired: true })
  const now = { ms: Date.now() }
  const server = await startServer({
    library: lib.library,
    port: 0,
    rendererDir,
    team: { idleMs: IDLE_MS },
    clock: () => now.ms,
    tls: options.tls ? { cert: tls.cert, key: tls.key } : undefined,
    publicUrl: options.publicUrl ? new URL(options.publicUrl) : undefined,
  })
  const send: Team['send'] = ({ headers = {}, ...rest }) =>
    request(server.port, { ...rest, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, options.tls ? { ca: tls.cert, servername: 'localhost' } : undefined)
  const call: Team['call'] = (cookie, channel, input) =>
    send({ method: 'POST', path: `/api/${channel}`, headers: { cookie, 'content-type': 'application/json' }, body: input === undefined ? undefined : JSON.stringify(input) })
  const t: Team = {
    lib,
    server,
    now,
    send,
    call,
    async page() {
      const reply = await send({ path: '/' })
      const cookie = String(reply.headers['set-cookie']?.[0] ?? '').split(';')[0]
      if (reply.status !== 200 || !cookie) throw new Error(`page load gave no cookie: ${reply.status}`)
      return cookie
    },
    signIn: (cookie, password = PASSWORD, email = ADMIN.email) => call(cookie, 'session.signIn', { email, password }),
  }
  opened.push(t)
  return t
}

describe('a team server', () => {
  it('gives a browser a signed-out session on page load and no token link; it signs in with a password', async () => {
    const t = await team()
    expect(t.server.url).not.toMatch(/token/)
    expect((await t.send({ path: `/?token=anything` })).headers['set-cookie']?.[0]).not.toMatch(/token/)
    const cookie = await t.page()
    expect((await t.call(cookie, 'assets.roots')).json().error?.code).toBe('UNAUTHENTICATED')
    expect((await t.signIn(cookie, 'wrong password')).status).toBe(401)
    expect((await t.signIn(cookie)).status).toBe(200)
    expect((await t.call(cookie, 'assets.roots')).status).toBe(200)
  })

  it('refuses to create or leave an account without a password', async () => {
    const t = await team()
    const cookie = await t.page()
    await t.signIn(cookie)
    const created = await t.call(cookie, 'users.create', { name: 'Bea', email: 'bea@example.com', role: 'restricted' })
    expect(created.json().error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'password' } })
    expect(t.lib.library.core.store.indexes.userByEmail.has('bea@example.com')).toBe(false)
    const admin = t.lib.library.firstAdminId!
    expect((await t.call(cookie, 'users.update', { userId: admin, password: null })).json().error?.code).toBe('INVALID_INPUT')
    expect(t.lib.library.core.store.tables.users.get(admin)?.passwordHash).toBeDefined()
  })

  it('ends a session left idle, and one signed out, whatever its cookie says afterwards', async () => {
    const t = await team()
    const idle = await t.page()
    await t.signIn(idle)
    t.now.ms += IDLE_MS - 1000
    expect((await t.call(idle, 'assets.roots')).status, 'a use just before the limit keeps it').toBe(200)
    t.now.ms += IDLE_MS - 1000
    expect((await t.call(idle, 'assets.roots')).status).toBe(200)
    t.now.ms += IDLE_MS
    const expired = await t.call(idle, 'assets.roots')
    expect(expired.json().error).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'noBrowserSession' } })
    expect(expired.json().error?.message).toMatch(/idle too long/)

    const leaving = await t.page()
    await t.signIn(leaving)
    const events = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: t.server.port, path: '/api/events', headers: { host: `127.0.0.1:${t.server.port}`, cookie: leaving } }, resolve).on('error', reject)
    })
    const ended = new Promise<void>((resolve) => events.on('end', resolve).resume())
    const out = await t.send({ method: 'POST', path: '/session/sign-out', headers: { cookie: leaving } })
    expect(out.status).toBe(200)
    expect(out.headers['set-cookie']?.[0]).toMatch(/Max-Age=0/)
    await ended
    expect((await t.call(leaving, 'assets.roots')).json().error?.details).toMatchObject({ reason: 'noBrowserSession' })
  })

  it('limits sign-in attempts per address, across accounts, before any password is checked', async () => {
    const t = await team()
    const cookie = await t.page()
    for (let i = 0; i < ATTEMPTS_PER_WINDOW; i++) {
      expect((await t.signIn(cookie, 'guess', `nobody${i}@example.com`)).json().error?.code).toBe('UNAUTHENTICATED')
    }
    const limited = await t.signIn(cookie)
    expect(limited.json().error).toMatchObject({ code: 'LIMIT_EXCEEDED' })
    expect((await t.call(cookie, 'assets.roots')).json().error?.code, 'the right password was not taken').toBe('UNAUTHENTICATED')
    t.now.ms += 61_000
    expect((await t.signIn(cookie)).status).toBe(200)
  })

  it('speaks HTTPS with a Secure, host-only cookie under TLS, and nothing over plain HTTP', async () => {
    const t = await team({ tls: true })
    expect(t.server.origin).toMatch(/^https:/)
    const reply = await t.send({ path: '/' })
    expect(reply.status).toBe(200)
    const cookie = String(reply.headers['set-cookie']?.[0])
    expect(cookie).toMatch(/^__Host-trove_session_\d+=/)
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/HttpOnly/)
    const session = cookie.split(';')[0]
    expect((await t.signIn(session)).status).toBe(200)
    const plain = await new Promise<number | string>((resolve) => {
      http
        .get({ host: '127.0.0.1', port: t.server.port, path: '/' }, (res) => resolve(res.statusCode ?? 0))
        .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
    })
    expect(plain === 400 || typeof plain === 'string', `plain HTTP answered ${plain}`).toBe(true)
  })

  it('accepts its public address in Host and Origin, and refuses any other', async () => {
    const t = await team({ publicUrl: 'https://trove.example.com' })
    const cookie = await t.page()
    const asPublic = { host: 'trove.example.com', origin: 'https://trove.example.com', cookie, 'content-type': 'application/json' }
    const body = JSON.stringify({ email: ADMIN.email, password: PASSWORD })
    expect((await t.send({ method: 'POST', path: '/api/session.signIn', headers: asPublic, body })).status).toBe(200)
    // Behind a proxy ending TLS for an https address, the cookie stays off plain HTTP all the same.
    expect(String((await t.send({ path: '/', headers: { host: 'trove.example.com' } })).headers['set-cookie']?.[0])).toMatch(/; Secure/)
    for (const [headers, what] of [
      [{ ...asPublic, host: 'evil.example' }, /Host "evil.example"/],
      [{ ...asPublic, origin: 'https://evil.example' }, /Origin/],
      [{ ...asPublic, origin: 'http://trove.example.com' }, /Origin/],
    ] as const) {
      const reply = await t.send({ method: 'POST', path: '/api/assets.roots', headers: { ...headers }, body: '{}' })
      expect(reply.status).toBe(403)
      expect(reply.json().error?.message).toMatch(what)
    }
  })
})

import net from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { request, serve, type Served } from './harness.js'

/** Requests a browser (or anything on this machine) may send that are its own mistake, or its own going away. */
describe('bad addresses and broken requests', () => {
  let s: Served
  let cookie: string
  let errors: MockInstance<typeof console.error>
  let warnings: MockInstance<typeof console.warn>
  beforeEach(async () => {
    s = await serve()
    cookie = await s.connect()
    errors = vi.spyOn(console, 'error')
    warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  })
  afterEach(async () => {
    vi.restoreAllMocks()
    await s.close()
  })

  it('answers a malformed percent-escape in any path as bad input (400), logging nothing', async () => {
    const replies = [
      await request(s.port, { method: 'POST', path: '/api/%E0%A4%A', headers: { cookie, 'content-type': 'application/json' }, body: '{}' }),
      await s.get(cookie, '/file/%E0%A4%A'),
      await s.get(cookie, '/thumb/%E0%A4%A'),
      await s.get(cookie, '/preview/%ED%A0%80'),
    ]
    for (const reply of replies) {
      expect(reply.status).toBe(400)
      expect(reply.json().error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/percent-encoded/) })
    }
    expect(errors).not.toHaveBeenCalled()
  })

  it('answers an address the URL parser cannot read with 400, and goes on serving', async () => {
    const reply = await request(s.port, { path: '//[', headers: { cookie } })
    expect(reply.status).toBe(400)
    expect(reply.json().error!.code).toBe('INVALID_INPUT')
    expect((await s.call(cookie, 'session.current')).status).toBe(200)
    expect(errors).not.toHaveBeenCalled()
  })

  it('refuses a name with a lone surrogate sent as a JSON escape, and serves a file whose stored name has one', async () => {
    const body = `{"parentId":"${s.homeId}","name":"a\\ud800.png"}`
    const refused = await request(s.port, { method: 'POST', path: '/api/folders.create', headers: { cookie, 'content-type': 'application/json' }, body })
    expect([refused.status, refused.json().error!.code]).toEqual([400, 'INVALID_INPUT'])
    expect(await s.admin.call('assets.list', { folderId: s.homeId })).toEqual([])
    // A library written before such names were refused may hold one: its file still opens.
    const file = await s.admin.call('files.upload', { folderId: s.homeId, name: 'a.txt', base64: Buffer.from('hi').toString('base64') })
    const record = s.library.core.store.tables.assets.get(file.id)!
    await s.library.core.store.commit({ actor: record.createdBy, op: 'test.legacyName', put: { assets: [{ ...record, name: 'a\ud800.txt' }] } })
    const served = await s.get(cookie, `/file/${file.id}`)
    expect([served.status, served.body.toString()]).toEqual([200, 'hi'])
    expect(served.headers['content-disposition']).toContain("filename*=UTF-8''a%EF%BF%BD.txt")
    expect(errors).not.toHaveBeenCalled()
  })

  it('logs a browser that goes away in the middle of a body as one line, not as a failure', async () => {
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(s.port, '127.0.0.1', () => {
        socket.write(
          `POST /api/folders.create HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"parentId":`,
          () => socket.destroy(),
        )
      })
      socket.on('close', () => resolve())
      socket.on('error', reject)
    })
    await vi.waitFor(() => expect(warnings.mock.calls.length + errors.mock.calls.length).toBeGreaterThan(0), { timeout: 10_000 })
    expect(errors).not.toHaveBeenCalled()
    expect(warnings).toHaveBeenCalledTimes(1)
    const [line, ...rest] = warnings.mock.calls[0]
    expect(rest).toEqual([])
    expect(String(line)).toMatch(/folders\.create: the browser disconnected/)
    expect(String(line)).not.toContain('\n')
    expect(await s.admin.call('assets.list', { folderId: s.homeId })).toEqual([])
  })
})

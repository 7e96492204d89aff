import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pngBytes } from '../../support/tempLibrary.js'
import { serve, type Served } from './harness.js'

const TEXT = Buffer.from('0123456789abcdefghij')

describe('GET /file, /thumb, /preview', () => {
  let s: Served
  let cookie: string
  let textId: string
  let imageId: string
  beforeEach(async () => {
    s = await serve()
    cookie = await s.connect()
    const folder = await s.admin.call('folders.create', { parentId: s.homeId, name: 'Private' })
    textId = (await s.admin.call('files.upload', { folderId: folder.id, name: 'notes.txt', base64: TEXT.toString('base64') })).id
    imageId = (await s.admin.call('files.upload', { folderId: folder.id, name: 'pic.png', base64: pngBytes(4, 5).toString('base64') })).id
  })
  afterEach(() => s.close())

  it('streams a file with its type, length and a sandbox for whatever it holds', async () => {
    const reply = await s.get(cookie, `/file/${textId}`)
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual(TEXT)
    expect(reply.headers['content-type']).toMatch(/^text\/plain/)
    expect(reply.headers['content-length']).toBe(String(TEXT.length))
    expect(reply.headers['accept-ranges']).toBe('bytes')
    expect(reply.headers['content-security-policy']).toMatch(/sandbox/)
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['content-disposition']).toMatch(/^inline; filename="notes.txt"/)
    expect((await s.get(cookie, `/file/${textId}?download=1`)).headers['content-disposition']).toMatch(/^attachment/)
  })

  it('serves a byte range, a suffix range, and refuses one outside the file', async () => {
    const middle = await s.get(cookie, `/file/${textId}`, { range: 'bytes=2-5' })
    expect(middle.status).toBe(206)
    expect(middle.body.toString()).toBe('2345')
    expect(middle.headers['content-range']).toBe(`bytes 2-5/${TEXT.length}`)
    expect(middle.headers['content-length']).toBe('4')
    const open = await s.get(cookie, `/file/${textId}`, { range: 'bytes=15-' })
    expect(open.body.toString()).toBe('fghij')
    const suffix = await s.get(cookie, `/file/${textId}`, { range: 'bytes=-3' })
    expect([suffix.status, suffix.body.toString()]).toEqual([206, 'hij'])
    const outside = await s.get(cookie, `/file/${textId}`, { range: 'bytes=100-200' })
    expect(outside.status).toBe(416)
    expect(outside.headers['content-range']).toBe(`bytes */${TEXT.length}`)
  })

  it('serves an earlier version by number and refuses a malformed one', async () => {
    await s.admin.call('files.uploadVersion', { fileId: textId, base64: Buffer.from('second').toString('base64') })
    expect((await s.get(cookie, `/file/${textId}`)).body.toString()).toBe('second')
    expect((await s.get(cookie, `/file/${textId}?v=1`)).body).toEqual(TEXT)
    expect((await s.get(cookie, `/file/${textId}?v=9`)).json().error!.code).toBe('NOT_FOUND')
    expect((await s.get(cookie, `/file/${textId}?v=one`)).status).toBe(400)
  })

  it('answers a repeat request with 304 after checking permission again', async () => {
    const first = await s.get(cookie, `/file/${textId}`)
    const again = await s.get(cookie, `/file/${textId}`, { 'if-none-match': String(first.headers.etag) })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
  })

  it('serves WebP renditions as thumbnail and preview, and nothing for other files', async () => {
    const thumb = await s.get(cookie, `/thumb/${imageId}`)
    expect([thumb.status, thumb.headers['content-type']]).toEqual([200, 'image/webp'])
    expect(thumb.body.subarray(8, 12).toString('latin1')).toBe('WEBP')
    expect(thumb.body).not.toEqual(pngBytes(4, 5))
    const preview = await s.get(cookie, `/preview/${imageId}`)
    expect([preview.status, preview.headers['content-type']]).toEqual([200, 'image/webp'])
    const none = await s.get(cookie, `/thumb/${textId}`)
    expect([none.status, none.json().error!.code]).toEqual([404, 'NOT_FOUND'])
  })

  it("refuses another user's asset bytes as NOT_FOUND, the same answer as for no asset at all", async () => {
    const rita = await s.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    await s.call(cookie, 'session.switchUser', { userId: rita.id })
    for (const p of [`/file/${textId}`, `/thumb/${imageId}`, `/preview/${imageId}`, `/file/${textId}?v=1`]) {
      const reply = await s.get(cookie, p, { range: 'bytes=0-3' })
      expect([p, reply.status, reply.json().error!.code]).toEqual([p, 404, 'NOT_FOUND'])
      expect(reply.body.toString()).not.toContain('0123')
    }
    const nothing = await s.get(cookie, '/file/no-such-file')
    expect(nothing.json().error!.message.replace('no-such-file', textId)).toBe((await s.get(cookie, `/file/${textId}`)).json().error!.message)
  })

  it('checks permission on every request: a revoked share stops the bytes at once', async () => {
    const rita = await s.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    const [folder] = await s.admin.call('assets.list', { folderId: s.homeId })
    await s.admin.call('sharing.set', { resourceId: folder.id, subjectId: rita.id, level: 'view' })
    await s.call(cookie, 'session.switchUser', { userId: rita.id })
    expect((await s.get(cookie, `/file/${textId}`)).status).toBe(200)
    await s.admin.call('sharing.remove', { resourceId: folder.id, subjectId: rita.id })
    expect((await s.get(cookie, `/file/${textId}`)).status).toBe(404)
  })
})

import fs from 'node:fs'
import os from 'node:os'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serve, type Served } from './harness.js'

const zipTemps = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('trove-zip-')).length

describe('GET /download/zip', () => {
  let s: Served
  let cookie: string
  let folderId: string
  beforeEach(async () => {
    s = await serve()
    cookie = await s.connect()
    folderId = (await s.admin.call('folders.create', { parentId: s.homeId, name: 'Brand' })).id
    await s.admin.call('files.upload', { folderId, name: 'a.txt', base64: Buffer.from('alpha').toString('base64') })
  })
  afterEach(() => s.close())

  it('streams the zip as an attachment, records the download, and leaves no temp file', async () => {
    const before = zipTemps()
    const reply = await s.get(cookie, `/download/zip?assetIds=${folderId}`)
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('application/zip')
    expect(reply.headers['content-disposition']).toMatch(/^attachment; filename="Brand.zip"/)
    expect(reply.body.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
    expect(reply.body.includes(Buffer.from('Brand/a.txt'))).toBe(true)
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length)
    const downloads = (await s.call(cookie, 'downloads.list')).json<{ value: Array<{ name: string; fileCount: number }> }>().value
    expect(downloads.map((d) => [d.name, d.fileCount])).toEqual([['Brand.zip', 1]])
    // The temp file goes once the response is sent, which may be a moment after the client has it all.
    await expect.poll(zipTemps).toBe(before)
  })

  it('refuses what the session cannot view, as NOT_FOUND, and bad input as INVALID_INPUT', async () => {
    const rita = await s.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    await s.call(cookie, 'session.switchUser', { userId: rita.id })
    const hidden = await s.get(cookie, `/download/zip?assetIds=${folderId}`)
    expect([hidden.status, hidden.json().error!.code]).toEqual([404, 'NOT_FOUND'])
    const neither = await s.get(cookie, '/download/zip')
    expect(neither.json().error!.code).toBe('INVALID_INPUT')
  })

  it("acts as the session's viewed user during a view-as", async () => {
    const rita = await s.admin.call('users.create', { name: 'Rita', email: 'rita@example.com', role: 'restricted' })
    await s.call(cookie, 'session.viewAs', { userId: rita.id })
    expect((await s.get(cookie, `/download/zip?assetIds=${folderId}`)).status).toBe(404)
    await s.admin.call('sharing.set', { resourceId: folderId, subjectId: rita.id, level: 'view' })
    expect((await s.get(cookie, `/download/zip?assetIds=${folderId}`)).status).toBe(200)
  })
})

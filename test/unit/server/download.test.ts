import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { request, serve, type Served } from './harness.js'

const zipTemps = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('trove-zip-')).length

/** `unzip -t` of the bytes a browser saved, and the names the zip holds. */
function unzipTest(bytes: Buffer): { ok: boolean; names: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-saved-'))
  try {
    const file = path.join(dir, 'saved.zip')
    fs.writeFileSync(file, bytes)
    const ok = spawnSync('unzip', ['-tq', file]).status === 0
    const names = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort()
    return { ok, names }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

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
    expect(unzipTest(reply.body)).toEqual({ ok: true, names: ['Brand/a.txt'] })
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

  it('answers HEAD with the headers alone, writing no zip and recording no download', async () => {
    const reply = await request(s.port, { method: 'HEAD', path: `/download/zip?assetIds=${folderId}`, headers: { cookie } })
    expect([reply.status, reply.headers['content-disposition']]).toEqual([200, expect.stringMatching(/filename="Brand.zip"/)])
    expect((await s.call(cookie, 'downloads.list')).json<{ value: unknown[] }>().value).toEqual([])
  })

  it('sends bytes while the zip is still being made, and a browser that lets go cancels it and leaves nothing', async () => {
    // Random bytes under a name that is deflated: slow enough to be caught half-way.
    for (let i = 0; i < 4; i++) await s.admin.call('files.upload', { folderId, name: `raw-${i}.bin`, base64: randomBytes(8 * 1024 * 1024).toString('base64') })
    const before = zipTemps()
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: s.port, path: `/download/zip?assetIds=${folderId}`, headers: { cookie } }, (res) => {
        expect(res.statusCode).toBe(200)
        res.once('data', () => {
          req.destroy()
          resolve()
        })
      })
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)))
    })
    const state = async () => (await s.call(cookie, 'downloads.list')).json<{ value: Array<{ state: string }> }>().value.map((d) => d.state)
    await expect.poll(state, { timeout: 15_000 }).toEqual(['cancelled'])
    await expect.poll(zipTemps).toBe(before)
  })
})
